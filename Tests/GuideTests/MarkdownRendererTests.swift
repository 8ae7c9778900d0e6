import Frontend
import Testing

@testable import Guide

/// A step's `say:` on the terminal, from the project's one Markdown block scanner.
@Suite("Guide Markdown renderer")
struct MarkdownRendererTests {
    let plain = MarkdownRenderer(style: TerminalStyle(enabled: false), width: 40)

    @Test("a heading, a paragraph wrapped to the width, a list that touches it, a code block")
    func blocks() {
        let say = """
            # Greetings
            Print a greeting with `echo`. This step is **important**: the
            last step uses what it prints.

            - it runs on your machine
            - it prints one line
              and only one

            ```
            echo hello
            ```
            1) first
            2) second
            """
        #expect(
            plain.render(say) == [
                "  Greetings",
                "  ─────────",
                "  Print a greeting with `echo`. This",
                "  step is important: the last step uses",
                "  what it prints.",
                "",
                "  • it runs on your machine",
                "  • it prints one line and only one",
                "",
                "    echo hello",
                "",
                "  1. first",
                "  2. second",
            ])
    }

    @Test("nested items are indented; quotes are marked line by line; links show their address")
    func nestingQuotesLinks() {
        let say = "- outer\n  - inner\n\n> quoted\n> twice\n\nSee [the docs](https://example.org)."
        #expect(
            plain.render(say) == [
                "  • outer", "    • inner", "", "  │ quoted", "  │ twice", "", "  See the docs (https://example.org).",
            ])
    }

    @Test("control characters are made visible, never sent to the terminal")
    func controls() {
        #expect(plain.render("a\u{1B}[31mb") == ["  a^[[31mb"])
    }
}
