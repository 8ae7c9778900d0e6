/// Loads one YAML document into a `Node` tree with positions, reporting problems as diagnostics.
///
/// On top of libyaml's own syntax checks it reports duplicate keys, merge keys, non-core tags,
/// undefined aliases, tabs used for indentation, a second document and runaway alias expansion.
/// Booleans and nulls follow YAML 1.2's core schema; `yes`/`no`/`on` stay text.
public struct YAMLLoader: Sendable {
    /// The most nodes that aliases may expand to before the file is refused.
    public var maximumExpandedNodes = 5_000_000
    /// The deepest nesting accepted.
    public var maximumDepth = 256

    /// Creates a loader with the default limits.
    public init() {}

    /// Loads `text` as the contents of `path`.
    public func load(text: String, path: String) -> YAMLDocument {
        load(bytes: Array(text.utf8), path: path)
    }

    /// Loads raw bytes read from `path` (invalid UTF-8 is reported where it occurs); the source
    /// file kept for diagnostics shares the array, it does not copy it.
    public func load(bytes: [UInt8], path: String) -> YAMLDocument {
        load(bytes: bytes, source: SourceFile(path: path, bytes: bytes))
    }

    private func load(bytes: [UInt8], source: SourceFile) -> YAMLDocument {
        // libyaml reads the bytes in place: the parser lives only inside this closure (an empty
        // file is read from a one-byte array, so that the buffer has an address).
        (bytes.isEmpty ? [0] : bytes).withUnsafeBufferPointer { storage in
            let buffer = UnsafeBufferPointer(rebasing: storage[0..<bytes.count])
            var builder = TreeBuilder(
                parser: YAMLEventParser(buffer: buffer), file: source.path,
                maximumExpandedNodes: maximumExpandedNodes, maximumDepth: maximumDepth)
            let root: Node?
            do throws(YAMLSyntaxError) {
                root = try builder.buildDocument()
            } catch {
                root = nil
                if error.problemLine >= 0 {
                    builder.diagnostics.append(
                        diagnostic(
                            for: error, bytes: bytes, source: source, scalarSpans: builder.multilineScalarLines,
                            lastMultilineQuoted: builder.lastMultilineQuoted))
                }
            }
            return YAMLDocument(root: root, diagnostics: builder.diagnostics, source: source, rejectedLocations: builder.rejectedLocations)
        }
    }

    /// Places a libyaml error: at the opening bracket or quote for unclosed ones, at a leading tab
    /// when one caused it, else where libyaml found the problem.
    private func diagnostic(
        for error: YAMLSyntaxError, bytes: [UInt8], source: SourceFile, scalarSpans: Set<Int>,
        lastMultilineQuoted: (start: SourceLocation, endLine: Int)?
    ) -> Diagnostic {
        if let offset = error.byteOffset {
            let location = Self.location(
                ofByte: Self.sequenceStart(ofProblemAt: offset, problem: error.problem, in: bytes), in: bytes, file: source.path)
            return .error("invalid UTF-8 (\(error.problem)); save the file as UTF-8", at: location)
        }
        if let tab = firstIndentingTab(in: source.text, throughLine: error.problemLine + 1, excluding: scalarSpans) {
            return .error(
                "tab used for indentation; indent with spaces", at: SourceLocation(file: source.path, line: tab.line, column: tab.column))
        }
        if let line = source.line(error.problemLine + 1), Array(line.unicodeScalars).dropFirst(error.problemColumn).first == "\t" {
            // A tab after a `- ` or on a blank line, where libyaml expects indentation.
            return .error(
                "tab used for indentation; indent with spaces",
                at: SourceLocation(file: source.path, line: error.problemLine + 1, column: error.problemColumn + 1))
        }
        // A quote left open runs on to the next quote, often lines later, and the text after that one
        // is what libyaml trips over: point at the quote that opened the runaway string.
        if error.context != "while scanning a quoted scalar", let quoted = lastMultilineQuoted, quoted.endLine == error.problemLine + 1 {
            return .error(
                "quoted string is not closed: the quote opened here runs on to line \(quoted.endLine) (\(error.problem))",
                at: quoted.start)
        }
        let contextLocation = SourceLocation(file: source.path, line: error.contextLine + 1, column: error.contextColumn + 1)
        switch error.context {
        case "while parsing a flow sequence":
            return .error("'[' is not closed: \(error.problem)", at: contextLocation)
        case "while parsing a flow mapping":
            return .error("'{' is not closed: \(error.problem)", at: contextLocation)
        case "while scanning a quoted scalar":
            return .error("quoted string is not closed: \(error.problem)", at: contextLocation)
        default:
            let problemLocation = SourceLocation(file: source.path, line: error.problemLine + 1, column: error.problemColumn + 1)
            let context = error.context.map { " \($0) started on line \(error.contextLine + 1)" } ?? ""
            return .error(error.problem + context, at: problemLocation)
        }
    }

    /// The first line up to `lastLine` whose indentation holds a tab, outside multi-line scalars and comments.
    private func firstIndentingTab(in text: String, throughLine lastLine: Int, excluding spans: Set<Int>) -> (line: Int, column: Int)? {
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if lineNumber > lastLine { break }
            if spans.contains(lineNumber) { continue }
            var column = 0
            var tabColumn: Int?
            var content: Unicode.Scalar?
            for scalar in line.unicodeScalars {
                column += 1
                if scalar == "\t" {
                    if tabColumn == nil { tabColumn = column }
                } else if scalar != " " {
                    content = scalar
                    break
                }
            }
            if let tabColumn, let content, content != "#", content != "\r" {
                return (lineNumber, tabColumn)
            }
        }
        return nil
    }

    /// The offset of the first byte of the invalid UTF-8 sequence that libyaml reported at `offset`:
    /// for a bad trailing octet libyaml points past the sequence's leading byte, which is where the problem shows.
    static func sequenceStart(ofProblemAt offset: Int, problem: String, in bytes: [UInt8]) -> Int {
        guard problem == "invalid trailing UTF-8 octet", offset > 0, offset <= bytes.count else { return offset }
        var index = offset - 1
        while index > 0, offset - index < 4, bytes[index] & 0xC0 == 0x80 { index -= 1 }
        return bytes[index] >= 0xC0 ? index : offset
    }

    /// Line and column of a byte offset, columns counted in Unicode scalars.
    static func location(ofByte offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let prefix = bytes[lineStart..<min(offset, bytes.count)]
        let column = String(decoding: prefix, as: UTF8.self).unicodeScalars.count + 1
        return SourceLocation(file: file, line: line, column: column)
    }
}
