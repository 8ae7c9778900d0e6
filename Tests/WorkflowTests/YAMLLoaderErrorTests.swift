import Foundation
import Testing

@testable import Workflow

/// The YAML loader's refusals: keys and tags, syntax errors with positions, and the limits that protect it.
@Suite("YAML loader: errors and limits")
struct YAMLLoaderErrorTests: YAMLLoading {
    // MARK: keys and tags

    @Test func duplicateKeyIsReportedAtTheDuplicate() {
        let document = load("a: 1\nb:\n  c: 1\n  d: 2\n  c: 3\ne: {x: 1, x: 2}\n")
        #expect(
            document.diagnostics.map(\.description) == [
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
        #expect(
            document.diagnostics.map(\.description) == [
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
