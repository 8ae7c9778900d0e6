import Foundation

/// Quotes words so that a POSIX shell reads them back unchanged.
public enum ShellQuoting {
    /// The word as is when it is safe, else in single quotes.
    public static func quote(_ word: String) -> String {
        if word.isEmpty { return "''" }
        let safe = word.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "-_./:=@%+,${}".unicodeScalars.contains($0)
        }
        return safe ? word : singleQuoted(word)
    }

    /// The word in single quotes, always (`it's` becomes `'it'\''s'`).
    public static func singleQuoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// A whole command line, each word quoted.
    public static func join(_ words: [String]) -> String {
        words.map(quote).joined(separator: " ")
    }
}
