import Foundation
import Testing
@testable import Workflow

/// The libyaml-backed loader: values, positions, YAML 1.2 scalars and the limits that protect it.
@Suite("YAML loader")
struct YAMLLoaderTests {
    private func load(_ text: String) -> YAMLDocument {
        YAMLLoader().load(text: text, path: "test.yaml")
    }

    private func root(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Node {
        let document = load(text)
        #expect(document.diagnostics.isEmpty, "\(document.diagnostics)", sourceLocation: sourceLocation)
        return try #require(document.root, sourceLocation: sourceLocation)
    }

    private func position(_ node: Node?) -> String {
        node.map { "\($0.location.line):\($0.location.column)" } ?? "nil"
    }

    // MARK: anchors and aliases

    @Test func aliasesResolveToTheAnchoredValue() throws {
        let node = try root("""
            image: &img ubuntu:22.04
            other: *img
            list: &words [a, "b c"]
            copy:   *words
            map: &m { x: 1 }
            again: *m
            """)
        #expect(node["image"]?.scalarValue == "ubuntu:22.04")
        #expect(node["other"]?.scalarValue == "ubuntu:22.04")
        #expect(node["copy"]?.sequenceItems?.compactMap(\.scalarValue) == ["a", "b c"])
        #expect(node["again"]?["x"]?.scalarValue == "1")
        // An alias sits where the alias is written, not where the anchor is.
        #expect(position(node["image"]) == "1:8")
        #expect(position(node["other"]) == "2:8")
        #expect(position(node["copy"]) == "4:9")
        #expect(position(node["again"]) == "6:8")
    }

    @Test func aliasToUndefinedAnchorIsOneError() {
        let document = load("a: *nowhere\nb: *nowhere2\n")
        #expect(document.diagnostics.map(\.description) == [
            "test.yaml:1:4: error: alias '*nowhere' names no anchor defined before it",
            "test.yaml:2:4: error: alias '*nowhere2' names no anchor defined before it",
        ])
    }

    @Test func anchorDefinedAfterItsAliasIsAnError() {
        let document = load("a: *later\nb: &later x\n")
        #expect(document.diagnostics.map(\.description) == ["test.yaml:1:4: error: alias '*later' names no anchor defined before it"])
    }

    // MARK: block scalars

    @Test func literalBlockScalarsKeepNewlinesAndChomp() throws {
        let node = try root("""
            clip: |
              line one
                indented
              line three

            strip: |-
              a
              b

            keep: |+
              a

            end: x
            """)
        #expect(node["clip"]?.scalarValue == "line one\n  indented\nline three\n")
        #expect(node["strip"]?.scalarValue == "a\nb")
        #expect(node["keep"]?.scalarValue == "a\n\n")
        #expect(node["clip"]?.scalarStyle == .literal)
        #expect(position(node["clip"]) == "1:7")
    }

    @Test func foldedBlockScalarsJoinLines() throws {
        let node = try root("""
            folded: >
              one
              two

              three
                more indented
            strip: >-
              a
              b
            """)
        #expect(node["folded"]?.scalarValue == "one two\nthree\n  more indented\n")
        #expect(node["strip"]?.scalarValue == "a b")
        #expect(node["folded"]?.scalarStyle == .folded)
    }

    // MARK: quoted scalars

    @Test func doubleQuotedEscapes() throws {
        let node = try root(#"value: "\t\u00e9\n\"q\" \\ \x41""#)
        #expect(node["value"]?.scalarValue == "\t\u{e9}\n\"q\" \\ A")
        #expect(node["value"]?.scalarStyle == .doubleQuoted)
    }

    @Test func singleQuotedDoublesTheQuote() throws {
        let node = try root("value: 'it''s \\n not an escape'")
        #expect(node["value"]?.scalarValue == "it's \\n not an escape")
        #expect(node["value"]?.scalarStyle == .singleQuoted)
    }

    @Test func multiLineQuotedScalarFolds() throws {
        let node = try root("title: \"a long\n  title\"\nnext: x\n")
        #expect(node["title"]?.scalarValue == "a long title")
        #expect(node["title"]?.endLine == 2)
        #expect(position(node["next"]) == "3:7")
    }

    // MARK: Unicode

    @Test func columnsCountUnicodeScalars() throws {
        // ü is one scalar (two UTF-8 bytes); 🐳 one scalar (four bytes); 👍🏽 two scalars.
        let node = try root("""
            m: {a: ü, b: 🐳, c: 👍🏽, d: x}
            título: 'é'   # ok
            """)
        let pairs = try #require(node["m"]?.mappingPairs)
        #expect(pairs.map { position($0.key) } == ["1:5", "1:11", "1:17", "1:24"])
        #expect(node["m"]?["c"]?.scalarValue == "👍🏽")
        #expect(position(node.mappingPairs?.last?.key) == "2:1")
        #expect(position(node["título"]) == "2:9")
    }

    @Test func unicodeKeysAndValuesRoundTrip() throws {
        let node = try root("straße: Grüße 🐳\n")
        #expect(node["straße"]?.scalarValue == "Grüße 🐳")
    }

    // MARK: empty documents

    @Test func emptyInputsHaveNoRoot() {
        for text in ["", "# only a comment\n# and another\n", "\n\n   \n"] {
            let document = load(text)
            #expect(document.root == nil, "\(text.debugDescription)")
            #expect(document.diagnostics.isEmpty, "\(text.debugDescription): \(document.diagnostics)")
        }
    }

    @Test func documentMarkerAloneIsAnEmptyValue() throws {
        let document = load("---\n")
        let node = try #require(document.root)
        #expect(node.isNull)
        #expect(document.diagnostics.isEmpty)
        let result = RunbookLoader().load(bytes: Array("---\n".utf8), path: "dash.yaml")
        #expect(result.runbook == nil)
        #expect(result.diagnostics.contains { $0.severity == .error && $0.message == "the runbook must be a map, found an empty value" })
    }

    @Test func secondDocumentIsAnError() {
        let document = load("a: 1\n---\nb: 2\n")
        #expect(document.root?["a"]?.scalarValue == "1")
        #expect(document.diagnostics.map(\.description) == [
            "test.yaml:2:1: error: a second YAML document starts here; a runbook file holds exactly one document",
        ])
    }

    @Test func explicitDocumentEndIsFine() throws {
        let node = try root("---\na: 1\n...\n")
        #expect(node["a"]?.scalarValue == "1")
    }

    // MARK: YAML 1.2 scalars

    @Test func onlyTrueAndFalseAreBooleans() throws {
        let node = try root("""
            t: true
            T: True
            f: FALSE
            yes: yes
            no: no
            on: on
            off: Off
            y: y
            quoted: "true"
            tagged: !!bool true
            """)
        #expect(node["t"]?.boolValue == true)
        #expect(node["T"]?.boolValue == true)
        #expect(node["f"]?.boolValue == false)
        #expect(node["tagged"]?.boolValue == true)
        for key in ["yes", "no", "on", "off", "y", "quoted"] {
            #expect(node[key]?.boolValue == nil, "\(key) must stay text")
        }
        #expect(node["yes"]?.scalarValue == "yes")
        #expect(node["off"]?.scalarValue == "Off")
    }

    @Test func numbersStayVerbatimText() throws {
        let node = try root("""
            port: 8080
            version: 1.10
            octal: 0755
            hex: 0x1F
            exp: 1e3
            null1: null
            null2: ~
            null3:
            text: "null"
            """)
        #expect(node["port"]?.scalarValue == "8080")
        #expect(node["version"]?.scalarValue == "1.10")
        #expect(node["octal"]?.scalarValue == "0755")
        #expect(node["hex"]?.scalarValue == "0x1F")
        #expect(node["exp"]?.scalarValue == "1e3")
        #expect(node["null1"]?.isNull == true)
        #expect(node["null2"]?.isNull == true)
        #expect(node["null3"]?.isNull == true)
        #expect(node["text"]?.isNull == false)
        #expect(node["port"]?.isNull == false)
    }

    @Test func stringFieldsTakePlainScalarsVerbatim() throws {
        let result = RunbookLoader().load(bytes: Array("""
            runbook: 1
            title: 1.10
            steps:
              - id: a
                title: true
                exec: [echo, 8080, 1.10, yes, null, ~]
                expect: { stdout: { contains: 8080 } }
            """.utf8), path: "verbatim.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let runbook = try #require(result.runbook)
        #expect(runbook.title == "1.10")
        #expect(runbook.steps.first?.title?.raw == "true")
        #expect(runbook.steps.first?.command.words.map(\.raw) == ["echo", "8080", "1.10", "yes", "null", "~"])
    }

    // MARK: keys and tags

    @Test func duplicateKeyIsReportedAtTheDuplicate() {
        let document = load("a: 1\nb:\n  c: 1\n  d: 2\n  c: 3\ne: {x: 1, x: 2}\n")
        #expect(document.diagnostics.map(\.description) == [
            "test.yaml:5:3: error: duplicate key 'c' (first set on line 3)",
            "test.yaml:6:11: error: duplicate key 'x' (first set on line 6)",
        ])
        // The first value is kept in the tree; the duplicate is still there for readers to skip.
        #expect(document.root?["b"]?["c"]?.scalarValue == "1")
    }

    @Test func mergeKeyIsRefused() {
        let document = load("base: &b { x: 1 }\nchild:\n  <<: *b\n  y: 2\n")
        #expect(document.diagnostics.count == 1)
        #expect(document.diagnostics.first?.description.hasPrefix("test.yaml:3:3: error: YAML merge keys ('<<') are not supported") == true)
    }

    @Test func quotedMergeKeyIsAnOrdinaryKey() throws {
        let node = try root("'<<': x\n")
        #expect(node["<<"]?.scalarValue == "x")
    }

    @Test func coreTagsAreShortenedOthersRefused() {
        let document = load("a: !!str 123\nb: !gpu\nc: !!binary aGk=\nd: !<tag:example.com,2000:x> y\n")
        #expect(document.root?["a"]?.tag == "!!str")
        #expect(document.root?["a"]?.scalarValue == "123")
        #expect(document.diagnostics.map(\.description) == [
            "test.yaml:2:4: error: unknown tag '!gpu'; to write text that starts with '!', quote it: \"!gpu\"",
            "test.yaml:3:4: error: tag '!!binary' is not supported; use !!str, !!int, !!float, !!bool, !!null, !!map or !!seq",
            "test.yaml:4:4: error: unknown tag '!<tag:example.com,2000:x>'; to write text that starts with '!', quote it: \"!<tag:example.com,2000:x> y\"",
        ])
    }

    // MARK: syntax errors

    @Test func syntaxErrorIsWhereLibyamlFoundIt() {
        let document = load("a: b: c\n")
        #expect(document.root == nil)
        #expect(document.diagnostics.map(\.description) == ["test.yaml:1:5: error: mapping values are not allowed in this context"])
    }

    @Test func unclosedBracketsAndQuotesPointAtTheOpening() {
        let cases: [(String, String)] = [
            ("a: [1, 2\nb: 3\n", "1:4: error: '[' is not closed"),
            ("a:\n  - { x: 1\nb: 3\n", "2:5: error: '{' is not closed"),
            ("a: 'open\nb: 3\n", "1:4: error: quoted string is not closed"),
            ("a: x\nb: \"open\n", "2:4: error: quoted string is not closed"),
            ("a: 'runs on\nb: 'x'\n", "1:4: error: quoted string is not closed: the quote opened here runs on to line 2"),
        ]
        for (text, expected) in cases {
            let diagnostics = load(text).diagnostics.map(\.description)
            #expect(diagnostics.count == 1 && diagnostics[0].hasPrefix("test.yaml:" + expected), "\(text.debugDescription): \(diagnostics)")
        }
    }

    @Test func tabsUsedForIndentationAreNamed() {
        let cases: [(String, String)] = [
            ("a:\n\tb: 1\n", "test.yaml:2:1: error: tab used for indentation; indent with spaces"),
            ("a:\n  - x\n  -\ty: 1\n", "test.yaml:3:4: error: tab used for indentation; indent with spaces"),
        ]
        for (text, expected) in cases {
            #expect(load(text).diagnostics.map(\.description) == [expected], "\(text.debugDescription)")
        }
    }

    @Test func tabsInsideValuesAndBlockScalarsAreContent() throws {
        let node = try root("a: \"x\\ty\"\nb: |\n  col1\tcol2\nc: d\t# comment\n")
        #expect(node["a"]?.scalarValue == "x\ty")
        #expect(node["b"]?.scalarValue == "col1\tcol2\n")
        #expect(node["c"]?.scalarValue == "d")
    }

    @Test func invalidUTF8IsReportedAtTheBadByte() {
        var bytes = Array("a: ok\nb: Grü".utf8)
        bytes += [0xE9, 0x20, 0x78, 0x0A]  // a Latin-1 é followed by " x"
        let document = YAMLLoader().load(bytes: bytes, path: "latin1.yaml")
        #expect(document.root == nil)
        #expect(document.diagnostics.count == 1)
        #expect(document.diagnostics.first?.location == Workflow.SourceLocation(file: "latin1.yaml", line: 2, column: 7))
        #expect(document.diagnostics.first?.message.hasPrefix("invalid UTF-8") == true)
    }

    // MARK: size and limits

    @Test func largeFileLoads() throws {
        let stepCount = 27_000
        var text = "runbook: 1\ntitle: big\nvars:\n  image: demo\nsteps:\n"
        text.reserveCapacity(5_400_000)
        for index in 0..<stepCount {
            text += """
                  - id: step-\(index)
                    title: "Step number \(index) of the generated runbook, padded to make the file large"
                    wordly: run --rm --name c\(index) ${image} echo \(index)
                    expect: { stdout: { contains: "\(index)" } }

                """
        }
        #expect(text.utf8.count > 5_000_000)
        let result = RunbookLoader(registry: .with(WordsKind())).load(bytes: Array(text.utf8), path: "big.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.prefix(3))")
        let runbook = try #require(result.runbook)
        #expect(runbook.steps.count == stepCount)
        let last = try #require(runbook.steps.last)
        #expect(last.id == "step-\(stepCount - 1)")
        #expect(last.location.line == 6 + 4 * (stepCount - 1))
        #expect(last.command.words.map(\.raw) == ["run", "--rm", "--name", "c\(stepCount - 1)", "${image}", "echo", "\(stepCount - 1)"])
    }

    @Test(.timeLimit(.minutes(1)))
    func billionLaughsIsRefused() {
        var text = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
            previous = name
        }
        let document = YAMLLoader().load(text: text, path: "lol.yaml")
        #expect(document.root == nil)
        #expect(document.diagnostics.count == 1)
        #expect(document.diagnostics.first?.message.contains("aliases expand to more than 5000000 nodes") == true)
        let result = RunbookLoader().load(bytes: Array(text.utf8), path: "lol.yaml")
        #expect(result.runbook == nil)
        #expect(result.diagnostics.filter { $0.severity == .error }.count == 1)
    }

    @Test func smallAliasExpansionLimitIsHonoured() {
        var loader = YAMLLoader()
        loader.maximumExpandedNodes = 50
        let text = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9]\nb: [*a, *a, *a, *a, *a, *a]\n"
        let document = loader.load(text: text, path: "t.yaml")
        #expect(document.root == nil)
        #expect(document.diagnostics.map(\.description) == ["t.yaml:2:17: error: aliases expand to more than 50 nodes; refusing to load"])
        #expect(YAMLLoader().load(text: text, path: "t.yaml").root?["b"]?.sequenceItems?.count == 6)
    }

    @Test func deepNestingIsRefused() {
        let flow = "a: " + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "\n"
        let flowDocument = load(flow)
        #expect(flowDocument.root == nil)
        #expect(flowDocument.diagnostics.map(\.description) == ["test.yaml:1:259: error: nesting deeper than 256 levels"])

        var block = ""
        for depth in 0..<300 { block += String(repeating: " ", count: depth) + "k\(depth):\n" }
        let blockDocument = load(block)
        #expect(blockDocument.root == nil)
        #expect(blockDocument.diagnostics.count == 1)
        #expect(blockDocument.diagnostics.first?.message == "nesting deeper than 256 levels")

        let fine = "a: " + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "\n"
        #expect(load(fine).diagnostics.isEmpty)
    }
}
