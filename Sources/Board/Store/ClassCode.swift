import Foundation

/// The class code of the join URL (`--code`, else the one kept in `STORE/code`, else a fresh
/// random `word-word-word-NNNN`), kept in the store so that learners' join URLs outlive a restart.
/// A fresh code has about 46 bits (three of 2,048 words and four digits): with wrong joins slowed
/// per address (`JoinThrottle`), it cannot be guessed during a class, and it still reads aloud.
public enum ClassCode {
    /// The fewest characters of a `--code` (SPEC 7.1).
    public static let minimumLength = 8

    /// True for a code that can sit in a URL path: 1–64 of `A-Z a-z 0-9 - _`.
    public static func isValid(_ code: String) -> Bool {
        (1...64).contains(code.utf8.count) && code.utf8.allSatisfy(isURLSafe)
    }

    /// True for `A-Z a-z 0-9 - _`, the bytes a code (or a base64url token) is made of.
    static func isURLSafe(_ byte: UInt8) -> Bool {
        byte == 0x2D || byte == 0x5F || (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// A fresh `word-word-word-NNNN` from the system's random generator.
    public static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let words = (0..<3).map { _ in ClassCodeWords.all[Int.random(in: 0..<ClassCodeWords.all.count, using: &generator)] }
        return words.joined(separator: "-") + "-" + String(format: "%04d", Int.random(in: 0...9999, using: &generator))
    }

    /// True for a code `--code` may set: valid, and at least `minimumLength` characters.
    public static func isStrongEnough(_ code: String) -> Bool {
        isValid(code) && code.count >= minimumLength
    }

    /// The code to serve: `requested` (then kept), else the kept one, else a fresh one (then kept).
    static func resolve(requested: String?, directory: String) throws(BoardStoreError) -> String {
        let path = (directory as NSString).appendingPathComponent("code")
        if requested == nil, let data = FileManager.default.contents(atPath: path) {
            let kept = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard isValid(kept) else {
                throw BoardStoreError(path: path, line: 1, message: "not a class code: letters, digits, '-' and '_' expected")
            }
            return kept
        }
        let code = requested ?? random()
        do {
            try Data((code + "\n").utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw BoardStoreError(path: path, message: "cannot keep the class code: \(error.localizedDescription)")
        }
        return code
    }
}
