import Testing
import Text

/// The one YAML scalar writer: what it writes reads back as the same text.
@Suite("YAML scalar writer")
struct YAMLScalarWriterTests {
    @Test("plain where safe; single-quoted for what YAML would read otherwise; double-quoted for line breaks and controls")
    func scalars() {
        #expect(YAMLScalarWriter.scalar("docker-ps") == "docker-ps")
        #expect(YAMLScalarWriter.scalar("8080") == "'8080'")
        #expect(YAMLScalarWriter.scalar("yes") == "'yes'")
        #expect(YAMLScalarWriter.scalar("a: b") == "'a: b'")
        #expect(YAMLScalarWriter.scalar("it's") == "it's")
        #expect(YAMLScalarWriter.scalar("-it's") == "'-it''s'")
        #expect(YAMLScalarWriter.scalar("a\nb") == #""a\nb""#)
        #expect(YAMLScalarWriter.doubleQuoted("\u{1B}[31m \\ \" \u{FEFF}") == #""\u001B[31m \\ \" \uFEFF""#)
    }

    @Test("several lines become a literal block; a first line starting with a space needs the indentation indicator")
    func entries() {
        #expect(YAMLScalarWriter.entry("say", "one\n\ntwo\n", indent: 4) == ["    say: |", "      one", "", "      two"])
        #expect(YAMLScalarWriter.entry("sh", " indented\nnext", indent: 4) == ["    sh: |2-", "       indented", "      next"])
        #expect(YAMLScalarWriter.entry("title", "one line", indent: 2) == ["  title: one line"])
        #expect(YAMLScalarWriter.entry("say", "trailing \nspace", indent: 0) == [#"say: "trailing \nspace""#])
    }

    @Test("a block whose every line carries the indentation, for TAP")
    func indentedBlock() {
        let lines = YAMLScalarWriter.literalBlock(
            key: "output", lines: ["a", "", "b"], indent: 2, keepsFinalLineFeed: false, explicitIndentation: true, indentsEmptyLines: true)
        #expect(lines == ["  output: |2-", "    a", "    ", "    b"])
    }
}
