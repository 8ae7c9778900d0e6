import Testing
import Text

/// The one shell lexer and its two readings: a shell's (`ShellLine`) and the runner's (`ShellWordSplitter`).
@Suite("Shell lexer")
struct ShellLexerTests {
    @Test("a shell's reading: operators, comments, references and substitutions")
    func shellRules() {
        let lexer = ShellLexer(#"docker run -e "A=${A:-x y}" $IMAGE | tee log.txt # keep it"#, rules: .shell)
        #expect(lexer.tokens.map(\.value) == ["docker", "run", "-e", "A=${A:-x y}", "$IMAGE", "|", "tee", "log.txt"])
        #expect(lexer.tokens.map(\.isOperator) == [false, false, false, false, false, true, false, false])
        #expect(lexer.expansions.map(\.name) == ["A", "IMAGE"])
        #expect(lexer.expansions.first?.fallback == "x y")
        #expect(lexer.commentStart == 49)
        #expect(ShellLexer("echo $(date) `id`", rules: .shell).substitutions.map(\.isBacktick) == [false, true])
    }

    @Test("the runner's reading: no comments, no expansion, parentheses are text")
    func wordRules() {
        let lexer = ShellLexer("echo (a) #b ${A:-x y}", rules: .words)
        #expect(lexer.tokens.map(\.value) == ["echo", "(a)", "#b", "${A:-x", "y}"])
        #expect(lexer.expansions.isEmpty && lexer.commentStart == nil)
    }

    @Test("characters keep their offsets; an escaped line break is marked as a continuation")
    func parts() throws {
        let lexer = ShellLexer("a\\\nb 'c d'", rules: .words)
        let first = try #require(lexer.tokens.first)
        #expect(first.parts.map(\.offset) == [0, 2, 3])
        #expect(first.parts.map(\.isLineContinuation) == [false, true, false])
        #expect(lexer.tokens.last?.range == 5..<10)
        #expect(lexer.tokens.last?.parts.allSatisfy(\.quoted) == true)
    }

    @Test("an open quote is reported where it opened")
    func unclosedQuote() throws {
        let open = try #require(ShellLexer(#"echo "a b"#, rules: .shell).unclosedQuote)
        #expect(!open.isSingle && open.offset == 5)
    }

    @Test("ShellLine: words up to the first operator, here-documents, comments and rewriting")
    func shellLine() {
        let line = ShellLine("cat <<EOF > note.txt # a note")
        #expect(line.words == ["cat"] && line.needsShell && line.hereDocument == "EOF")
        #expect(line.withoutComment == "cat <<EOF > note.txt" && line.comment == "a note")
        let rewritten = ShellLine("run $IMAGE").replacing([(4..<10, "\"${IMAGE}\"")])
        #expect(rewritten == "run \"${IMAGE}\"")
        #expect(ShellLine.isAssignment("TAG=1.0") && !ShellLine.isAssignment("=x") && !ShellLine.isAssignment("1A=x"))
    }

    @Test("the runner's words drop a continuation's line break and know where each word is written")
    func splitterWords() throws {
        let words = try ShellWordSplitter.split("run \\\n  'a b' c\\\nd").get()
        #expect(words.map(\.text) == ["run", "", "a b", "cd"])
        #expect(words.map(\.range) == [0..<3, 4..<6, 8..<13, 14..<18])
    }
}
