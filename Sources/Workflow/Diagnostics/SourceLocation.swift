/// A position in a source file: 1-based line and column, columns counted in Unicode scalars.
///
/// Twelve bytes: the file is stored as a small interned number and line and column as 32-bit
/// numbers, so that copying a location (every node, template part and diagnostic carries one)
/// costs no reference counting and little memory. Lines and columns past 2^31 are clamped.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The interned file name.
    let fileID: Int32
    private var storedLine: Int32
    private var storedColumn: Int32

    /// The 1-based line.
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Self.clamped(newValue) }
    }

    /// The 1-based column, in Unicode scalars.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Self.clamped(newValue) }
    }

    /// Creates a location.
    public init(file: String, line: Int, column: Int) {
        self.init(fileID: FileNameTable.shared.id(for: file), line: line, column: column)
    }

    /// Creates a location in an already interned file.
    init(fileID: Int32, line: Int, column: Int) {
        self.fileID = fileID
        self.storedLine = Self.clamped(line)
        self.storedColumn = Self.clamped(column)
    }

    /// The file as the user named it.
    public var file: String { FileNameTable.shared.name(for: fileID) }

    /// The same line, `offset` scalars further right.
    public func advanced(by offset: Int) -> SourceLocation {
        SourceLocation(fileID: fileID, line: line, column: column + offset)
    }

    /// `file:line:col`, the form compilers print.
    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.fileID != rhs.fileID { return lhs.file < rhs.file }
        return (lhs.storedLine, lhs.storedColumn) < (rhs.storedLine, rhs.storedColumn)
    }

    private static func clamped(_ value: Int) -> Int32 {
        Int32(clamping: value)
    }
}
