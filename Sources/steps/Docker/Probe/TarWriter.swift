import Foundation

/// Writes a POSIX ustar archive of folders and regular files to a file, for `docker import` of the
/// probe image (see `ProbeImage`). The project reads tar already (`TarHeader`); writing the few
/// entries an image root needs is as small, and no listed package writes tar.
struct TarWriter {
    /// Why the archive could not be written.
    struct Failure: Error, Sendable, CustomStringConvertible {
        /// What went wrong.
        var description: String
    }

    private let handle: FileHandle
    private var folders: Set<String> = []

    /// Starts an archive at `path` (created or truncated).
    init(path: String) throws(Failure) {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw Failure(description: "cannot write \(path)")
        }
        self.handle = handle
    }

    /// Adds a folder (and the folders above it) with `mode`.
    mutating func addFolder(_ path: String, mode: UInt32 = 0o755) throws(Failure) {
        let name = Self.relative(path)
        guard !name.isEmpty, !folders.contains(name) else { return }
        let parent = (name as NSString).deletingLastPathComponent
        if !parent.isEmpty { try addFolder(parent) }
        folders.insert(name)
        try write(Self.header(name: name + "/", mode: mode, size: 0, type: UInt8(ascii: "5")))
    }

    /// Adds the regular file `path` of the archive with the bytes of `source` (symbolic links followed).
    mutating func addFile(_ path: String, from source: String, mode: UInt32) throws(Failure) {
        let name = Self.relative(path)
        let parent = (name as NSString).deletingLastPathComponent
        if !parent.isEmpty { try addFolder(parent) }
        guard let input = FileHandle(forReadingAtPath: source) else { throw Failure(description: "cannot read \(source)") }
        defer { try? input.close() }
        // stat, not the file manager's attributes: those describe a symbolic link itself, not what it leads to.
        var info = stat()
        guard stat(source, &info) == 0 else { throw Failure(description: "cannot read \(source)") }
        let size = Int64(info.st_size)
        try write(Self.header(name: name, mode: mode, size: size, type: UInt8(ascii: "0")))
        var written: Int64 = 0
        while written < size {
            let chunk = input.readData(ofLength: Int(min(Int64(1 << 20), size - written)))
            if chunk.isEmpty { throw Failure(description: "\(source) ended before its \(size) bytes") }
            try write(chunk)
            written += Int64(chunk.count)
        }
        try write(Data(count: Int(TarHeader.padded(size) - size)))
    }

    /// Ends the archive (two zero blocks) and closes the file.
    func finish() throws(Failure) {
        try write(Data(count: 2 * TarHeader.blockSize))
        do { try handle.close() } catch { throw Failure(description: "cannot close the archive: \(error)") }
    }

    private func write(_ data: Data) throws(Failure) {
        do { try handle.write(contentsOf: data) } catch { throw Failure(description: "cannot write the archive: \(error)") }
    }

    /// A path without its leading `/`.
    private static func relative(_ path: String) -> String {
        String(path.drop { $0 == "/" })
    }

    /// A ustar header block: the name split into prefix and name where it is longer than 100 bytes.
    static func header(name: String, mode: UInt32, size: Int64, type: UInt8) throws(Failure) -> Data {
        var block = [UInt8](repeating: 0, count: TarHeader.blockSize)
        var bytes = Array(name.utf8)
        var prefix: [UInt8] = []
        if bytes.count > 100 {
            guard
                let split = bytes.indices.reversed().first(where: {
                    bytes[$0] == UInt8(ascii: "/") && $0 <= 155 && bytes.count - $0 - 1 <= 100
                })
            else { throw Failure(description: "the path \(name) is too long for a tar header") }
            prefix = Array(bytes[..<split])
            bytes = Array(bytes[(split + 1)...])
        }
        func put(_ field: [UInt8], at offset: Int) { block.replaceSubrange(offset..<(offset + field.count), with: field) }
        func octal(_ value: Int64, width: Int) -> [UInt8] {
            let digits = String(value, radix: 8)
            return Array((String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits).utf8) + [0]
        }
        put(bytes, at: 0)
        put(octal(Int64(mode), width: 8), at: 100)
        put(octal(0, width: 8), at: 108)
        put(octal(0, width: 8), at: 116)
        put(octal(size, width: 12), at: 124)
        put(octal(0, width: 12), at: 136)
        block[156] = type
        put(Array("ustar".utf8) + [0] + Array("00".utf8), at: 257)
        put(prefix, at: 345)
        put(Array(repeating: UInt8(ascii: " "), count: 8), at: 148)
        let sum = block.reduce(0) { $0 + Int64($1) }
        put(octal(sum, width: 7) + [UInt8(ascii: " ")], at: 148)
        return Data(block)
    }
}
