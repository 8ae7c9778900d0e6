import Testing

@testable import Authoring

/// When piped keys have ended, the shell gets its Ctrl-D only at its prompt, once.
@Suite("Piped input end")
struct PipedInputEndTests {
    static func bytes(_ text: String) -> ArraySlice<UInt8> { Array(text.utf8)[...] }

    @Test func theEndIsSentOnceTheShellWaitsAtItsPromptAndOnlyOnce() {
        var input = PipedInputEnd()
        input.saw(Self.bytes("\u{1B}]133;A\u{07}$ \u{1B}]133;B\u{07}"))
        let early = input.takeEnd()
        #expect(!early, "keys may still come")
        input.ended = true
        input.saw(Self.bytes("\u{1B}]133;C;cmdline_url=sleep\u{07}"))
        let duringCommand = input.takeEnd()
        #expect(!duringCommand, "a command runs: its input is not the shell's")
        // The prompt's mark split between two reads.
        input.saw(Self.bytes("\u{1B}]133;D;0\u{07}\u{1B}]133;A\u{07}$ \u{1B}]13"))
        input.saw(Self.bytes("3;B\u{07}"))
        let atPrompt = input.takeEnd()
        let again = input.takeEnd()
        #expect(atPrompt)
        #expect(!again, "once")
    }
}
