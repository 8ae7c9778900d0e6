/// A word produced by `ShellWordSplitter`: its text and where each of its scalars came from.
public struct ShellWord: Sendable, Hashable {
    /// The word with quotes and backslashes removed.
    public var text: String
    /// For each Unicode scalar of `text`, its offset (in scalars) in the original string.
    public var offsets: [Int]
    /// For each Unicode scalar of `text`, whether it was inside quotes or escaped.
    public var quoted: [Bool]
    /// Where the word is written in the original string, quotes included, in Unicode scalars.
    public var range: Range<Int>

    /// Creates a word.
    public init(text: String, offsets: [Int], quoted: [Bool], range: Range<Int> = 0..<0) {
        self.text = text
        self.offsets = offsets
        self.quoted = quoted
        self.range = range
    }
}
