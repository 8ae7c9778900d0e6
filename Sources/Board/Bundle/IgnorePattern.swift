/// One line of a `.gitignore` or `.runbookignore` (git's rules): `*`, `?`, `[…]` within a name,
/// `**` across folders, a leading or inner `/` anchoring it to the file's folder, a trailing `/`
/// for folders only, `!` to take a path back.
struct IgnorePattern: Equatable, Sendable {
    /// The glob, without `!`, the anchoring `/` or the trailing `/`.
    let glob: [UInt8]
    /// `!pattern`: matching paths are not ignored.
    let negated: Bool
    /// Matches folders only.
    let directoryOnly: Bool
    /// Matched against the whole path below the file's folder, not just the last name.
    let anchored: Bool

    /// The pattern of one line; nil for blank lines and comments.
    init?(line: Substring) {
        var text = Array(line.utf8)
        if text.last == UInt8(ascii: "\r") { text.removeLast() }
        // Trailing spaces are dropped unless escaped with a backslash.
        while text.last == UInt8(ascii: " "), text.count < 2 || text[text.count - 2] != UInt8(ascii: "\\") { text.removeLast() }
        guard let first = text.first, first != UInt8(ascii: "#") else { return nil }
        var negated = false
        if first == UInt8(ascii: "!") {
            negated = true
            text.removeFirst()
        } else if first == UInt8(ascii: "\\"), text.count > 1, [UInt8(ascii: "!"), UInt8(ascii: "#")].contains(text[1]) {
            text.removeFirst()
        }
        var directoryOnly = false
        if text.last == UInt8(ascii: "/") {
            directoryOnly = true
            text.removeLast()
        }
        guard !text.isEmpty else { return nil }
        let anchored = text.contains(UInt8(ascii: "/"))
        if text.first == UInt8(ascii: "/") { text.removeFirst() }
        self.glob = text
        self.negated = negated
        self.directoryOnly = directoryOnly
        self.anchored = anchored
    }

    /// Whether the pattern matches `path` (relative to the ignore file's folder, `/`-separated).
    func matches(_ path: String, isDirectory: Bool) -> Bool {
        if directoryOnly && !isDirectory { return false }
        let bytes = Array(path.utf8)
        if anchored { return Self.match(glob[...], bytes[...]) }
        let name = bytes.lastIndex(of: UInt8(ascii: "/")).map { bytes[($0 + 1)...] } ?? bytes[...]
        return Self.match(glob[...], name)
    }

    /// Glob matching with `**` (any number of folders), `*` and `?` (not across `/`) and classes.
    static func match(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        let slash = UInt8(ascii: "/")
        let star = UInt8(ascii: "*")
        guard let head = pattern.first else { return text.isEmpty }
        if head == star, pattern.dropFirst().first == star {
            let rest = pattern.dropFirst(2)
            if rest.isEmpty { return true }
            if rest.first == slash {
                // `**/x`: x here, or after any `/`.
                let after = rest.dropFirst()
                if match(after, text) { return true }
                var index = text.startIndex
                while index < text.endIndex {
                    if text[index] == slash, match(after, text[(index + 1)...]) { return true }
                    index += 1
                }
                return false
            }
            return match(pattern.dropFirst(), text)
        }
        if head == star {
            let rest = pattern.dropFirst()
            var index = text.startIndex
            while true {
                if match(rest, text[index...]) { return true }
                guard index < text.endIndex, text[index] != slash else { return false }
                index += 1
            }
        }
        guard let character = text.first else { return false }
        if head == UInt8(ascii: "?") { return character != slash && match(pattern.dropFirst(), text.dropFirst()) }
        if head == UInt8(ascii: "["), let (matched, rest) = matchClass(pattern, character) {
            return matched && character != slash && match(rest, text.dropFirst())
        }
        if head == UInt8(ascii: "\\"), pattern.count > 1 {
            return pattern[pattern.startIndex + 1] == character && match(pattern.dropFirst(2), text.dropFirst())
        }
        return head == character && match(pattern.dropFirst(), text.dropFirst())
    }

    /// `[…]` at the start of `pattern` against `character`: whether it matches, and the pattern after
    /// it; nil when the class is not closed (then `[` is an ordinary character).
    private static func matchClass(_ pattern: ArraySlice<UInt8>, _ character: UInt8) -> (Bool, ArraySlice<UInt8>)? {
        var index = pattern.startIndex + 1
        var negate = false
        if index < pattern.endIndex, pattern[index] == UInt8(ascii: "!") || pattern[index] == UInt8(ascii: "^") {
            negate = true
            index += 1
        }
        var matched = false
        var first = true
        while index < pattern.endIndex {
            let low = pattern[index]
            if low == UInt8(ascii: "]") && !first { return (matched != negate, pattern[(index + 1)...]) }
            first = false
            if index + 2 < pattern.endIndex, pattern[index + 1] == UInt8(ascii: "-"), pattern[index + 2] != UInt8(ascii: "]") {
                let high = pattern[index + 2]
                if low <= high, (low...high).contains(character) { matched = true }
                index += 3
            } else {
                if low == character { matched = true }
                index += 1
            }
        }
        return nil
    }
}
