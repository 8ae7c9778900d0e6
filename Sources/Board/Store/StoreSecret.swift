import Foundation

/// The store's secret (`STORE/secret`, mode 0600): 32 random bytes, made once, that sign every
/// token, so that a restarted board keeps its learners' and instructor's tokens valid.
enum StoreSecret {
    /// The secret of the store at `directory`, made on first use.
    static func load(directory: String) throws(BoardStoreError) -> [UInt8] {
        let path = (directory as NSString).appendingPathComponent("secret")
        if let bytes = try read(path) { return bytes }
        var bytes = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = generator.next() }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            // Another board made it first: use theirs.
            if errno == EEXIST, let bytes = try read(path) { return bytes }
            throw BoardStoreError(path: path, message: "cannot create the secret: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let text = Array((bytes.map { String(format: "%02x", $0) }.joined() + "\n").utf8)
        guard write(descriptor, text, text.count) == text.count, fsync(descriptor) == 0 else {
            throw BoardStoreError(path: path, message: "cannot write the secret: \(String(cString: strerror(errno)))")
        }
        return bytes
    }

    /// The bytes of an existing secret file (its mode tightened to 0600); nil when there is none.
    private static func read(_ path: String) throws(BoardStoreError) -> [UInt8]? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        chmod(path, 0o600)
        let hex = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex, let next = hex.index(index, offsetBy: 2, limitedBy: hex.endIndex),
            let byte = UInt8(hex[index..<next], radix: 16)
        {
            bytes.append(byte)
            index = next
        }
        guard index == hex.endIndex, bytes.count >= 16 else {
            throw BoardStoreError(path: path, line: 1, message: "not a board secret (64 hexadecimal digits expected)")
        }
        return bytes
    }
}
