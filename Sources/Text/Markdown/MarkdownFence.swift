/// Fenced code blocks whose fence is longer than any backtick run inside them (CommonMark), so
/// that output holding ``` cannot close the block early: the writing side of `MarkdownScanner`'s
/// fences (a fence closes on a run at least as long as the one that opened it).
public enum MarkdownFence {
    /// The block: an opening fence with `info`, the content's lines, the closing fence.
    public static func block(_ content: String, info: String = "") -> String {
        let fence = String(repeating: "`", count: max(3, longestBacktickRun(in: content) + 1))
        let body = content.hasSuffix("\n") || content.isEmpty ? content : content + "\n"
        return fence + info + "\n" + body + fence + "\n"
    }

    /// The length of the longest run of backticks in `text`.
    public static func longestBacktickRun(in text: String) -> Int {
        var longest = 0
        var current = 0
        for character in text {
            current = character == "`" ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }
}
