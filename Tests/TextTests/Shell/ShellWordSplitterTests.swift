import Foundation
import Testing
import Text

/// POSIX word splitting of `docker:` strings (SPEC 1.1), and where `${…}` inside the words point.
@Suite("Shell word splitter")
struct ShellWordSplitterTests {
    private func words(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String]? {
        switch ShellWordSplitter.split(text) {
        case .success(let words): return words.map(\.text)
        case .failure(let problem):
            Issue.record("\(text.debugDescription) did not split: \(problem)", sourceLocation: sourceLocation)
            return nil
        }
    }

    private func problem(_ text: String) -> ShellSplitProblem? {
        if case .failure(let problem) = ShellWordSplitter.split(text) { return problem }
        return nil
    }

    @Test func splitsOnBlanks() {
        #expect(words("run --name web  ubuntu\thostname\n-f") == ["run", "--name", "web", "ubuntu", "hostname", "-f"])
        #expect(words("   ps   ") == ["ps"])
        #expect(words("") == [])
        #expect(words("  \t ") == [])
    }

    @Test func quotesGroupWords() {
        #expect(words(#"run ubuntu echo 'a b' "c d""#) == ["run", "ubuntu", "echo", "a b", "c d"])
        #expect(words(#"echo "it's" 'say "hi"'"#) == ["echo", "it's", #"say "hi""#])
    }

    @Test func emptyQuotedWordsAreKept() {
        #expect(words(#"echo '' "" x"#) == ["echo", "", "", "x"])
        #expect(words("''") == [""])
    }

    @Test func adjacentQuotedPartsFormOneWord() throws {
        let split = try ShellWordSplitter.split(#"a"b c"'d'"#).get()
        #expect(split.map(\.text) == ["ab cd"])
        #expect(split.first?.offsets == [0, 2, 3, 4, 7])
        #expect(split.first?.quoted == [false, true, true, true, true])
    }

    @Test func backslashes() {
        #expect(words(#"a\ b"#) == ["a b"])
        #expect(words(#"a\"b"#) == [#"a"b"#])
        #expect(words(#"\'x\'"#) == ["'x'"])
        #expect(words(#"'a\b'"#) == [#"a\b"#], "a backslash is literal inside single quotes")
        #expect(words(#""a\b""#) == [#"a\b"#], "inside double quotes a backslash escapes only $ ` \" \\ and newline")
        #expect(words(#""a\"b\\c\$d""#) == [#"a"b\c$d"#])
        #expect(words("a\\\nb") == ["ab"], "backslash-newline joins lines")
        #expect(words(#"a\|b"#) == ["a|b"])
    }

    @Test func noCommentsGlobbingOrExpansion() {
        #expect(
            words("echo #not-a-comment *.txt ~ $HOME ${a} {x,y}") == ["echo", "#not-a-comment", "*.txt", "~", "$HOME", "${a}", "{x,y}"])
    }

    @Test func quotedOperatorsAreOrdinaryCharacters() {
        #expect(words(#"run ubuntu sh -c "a | b; c && d > e" 'x`y`'"#) == ["run", "ubuntu", "sh", "-c", "a | b; c && d > e", "x`y`"])
    }

    @Test(arguments: [
        ("ps | grep web", "'|'", 3),
        ("ps|grep", "'|'", 2),
        ("a || b", "'||'", 2),
        ("pull x && images", "'&&'", 7),
        ("run -d x &", "'&'", 9),
        ("ps -a; images", "';'", 5),
        ("save x > out.tar", "'>'", 7),
        ("logs x >> log.txt", "'>>'", 7),
        ("load < in.tar", "'<'", 5),
        ("rm -f `docker ps -q`", "'`'", 6),
        ("2>err x", "'>'", 1),
    ])
    func unquotedOperatorsAreRefusedAtTheirOffset(_ text: String, _ symbol: String, _ offset: Int) throws {
        let found = try #require(problem(text))
        #expect(found.offset == offset)
        #expect(found.message.hasPrefix("\(symbol) is a shell operator"), "\(found.message)")
        #expect(found.message.contains("use `sh:`"))
    }

    @Test func backtickInsideDoubleQuotesIsRefused() throws {
        let found = try #require(problem(#"echo "a `date`""#))
        #expect(found.offset == 8)
        #expect(found.message.contains("backtick"))
        #expect(found.message.contains("`sh:`"))
    }

    @Test func unclosedQuotesPointAtTheOpeningQuote() throws {
        let double = try #require(problem(#"run ubuntu echo "hello"#))
        #expect(double.offset == 16)
        #expect(double.message == "double quote is not closed")
        let single = try #require(problem("echo 'a b"))
        #expect(single.offset == 5)
        #expect(single.message == "single quote is not closed")
    }

    @Test func offsetsCountUnicodeScalars() throws {
        let split = try ShellWordSplitter.split("é 🐳'x'").get()
        #expect(split.map(\.text) == ["é", "🐳x"])
        #expect(split.last?.offsets == [2, 4])
        #expect(problem("é 🐳 | x")?.offset == 4)
    }
}
