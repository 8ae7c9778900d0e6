import Foundation
import Testing

@testable import Workflow

/// The libyaml-backed loader: values, positions and YAML 1.2 scalars.
@Suite("YAML loader")
struct YAMLLoaderTests: YAMLLoading {
    // MARK: anchors and aliases

    @Test func aliasesResolveToTheAnchoredValue() throws {
        let node = try root(
            """
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
        #expect(
            document.diagnostics.map(\.description) == [
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
        let node = try root(
            """
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
        let node = try root(
            """
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
        let node = try root(
            """
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
        #expect(
            document.diagnostics.map(\.description) == [
                "test.yaml:2:1: error: a second YAML document starts here; a runbook file holds exactly one document"
            ])
    }

    @Test func explicitDocumentEndIsFine() throws {
        let node = try root("---\na: 1\n...\n")
        #expect(node["a"]?.scalarValue == "1")
    }

    // MARK: YAML 1.2 scalars

    @Test func onlyTrueAndFalseAreBooleans() throws {
        let node = try root(
            """
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
        let node = try root(
            """
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
        let result = RunbookLoader().load(
            bytes: Array(
                """
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
}
