/// When a recording whose keys came from a pipe hands the shell its Ctrl-D: once standard input
/// has ended and the shell waits at its prompt (its last OSC 133 mark is B, the prompt's end, not
/// C, a command's start) with nothing more printed. Sent earlier, while the terminal is still in
/// canonical mode before the shell's line editor starts, the end of input is lost when the editor
/// switches the mode, and the shell would wait for keys that never come.
struct PipedInputEnd {
    /// The byte a terminal sends for Ctrl-D.
    static let endOfInput: UInt8 = 0x04
    /// Whether standard input has ended.
    var ended = false
    private var atPrompt = false
    private var sent = false
    /// The last bytes seen, so that a mark split between two reads is still found.
    private var tail: [UInt8] = []

    /// No input ended yet.
    init() {}

    /// Takes what the shell printed: whether it now waits at its prompt.
    mutating func saw(_ bytes: ArraySlice<UInt8>) {
        let text = tail + bytes
        let prompt = Self.lastIndex(of: Self.promptEnd, in: text)
        let command = Self.lastIndex(of: Self.commandStart, in: text)
        if prompt != nil || command != nil { atPrompt = (prompt ?? -1) > (command ?? -1) }
        tail = Array(text.suffix(Self.promptEnd.count - 1))
    }

    /// True once, when the Ctrl-D is due (then it counts as sent).
    mutating func takeEnd() -> Bool {
        guard ended, atPrompt, !sent else { return false }
        sent = true
        return true
    }

    private static let promptEnd = Array("\u{1B}]133;B".utf8)
    private static let commandStart = Array("\u{1B}]133;C".utf8)

    private static func lastIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        for start in stride(from: bytes.count - needle.count, through: 0, by: -1)
        where bytes[start..<start + needle.count].elementsEqual(needle) {
            return start
        }
        return nil
    }
}
