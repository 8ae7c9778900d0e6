import Testing

@testable import Workflow

/// The node tree stays small: large runbooks are loaded whole (bench/README.md, load benchmark).
@Suite("compact node tree")
struct CompactTreeTests {
    @Test("a node takes 40 bytes and a location 12")
    func layout() {
        #expect(MemoryLayout<Workflow.SourceLocation>.size == 12)
        #expect(MemoryLayout<Node>.stride <= 40)
        #expect(MemoryLayout<Node.Pair>.stride <= 80)
    }

    @Test("collections hold exactly their children: no growth slack")
    func exactCapacity() throws {
        let keys = (0..<37).map { "k\($0): v" }.joined(separator: "\n")
        let document = YAMLLoader().load(text: "list: [" + (0..<21).map(String.init).joined(separator: ", ") + "]\n" + keys, path: "c.yaml")
        let pairs = try #require(document.root?.mappingPairs)
        #expect(pairs.count == 38 && pairs.capacity == 38)
        let items = try #require(pairs.first?.value.sequenceItems)
        #expect(items.count == 21 && items.capacity == 21)
    }

    @Test("tags, end lines and positions read back as written")
    func fieldsRoundTrip() throws {
        let text = "a: !!str 12\nb: !!null\nc: |\n  one\n  two\nd: !!bool true\n"
        let root = try #require(YAMLLoader().load(text: text, path: "t.yaml").root)
        #expect(root["a"]?.tag == "!!str" && root["a"]?.scalarValue == "12")
        #expect(root["b"]?.isNull == true)
        #expect(root["c"]?.location.line == 3 && root["c"]?.endLine == 6)
        #expect(root["d"]?.boolValue == true && root["d"]?.tag == "!!bool")
        #expect(root["a"]?.location == Workflow.SourceLocation(file: "t.yaml", line: 1, column: 4))
        var node = Node(.scalar("x", .plain), at: Workflow.SourceLocation(file: "t.yaml", line: 1, column: 1), tag: "!!int")
        node.tag = nil
        #expect(node.tag == nil)
        node.tag = "!weird"
        #expect(node.tag == TreeBuilder.rejectedTag, "only core tags and rejected ones exist")
        node.endLine = Int.max
        #expect(node.endLine == Int(Int32.max))
    }

    @Test("an empty file and a file of spaces load without a root")
    func emptyInput() {
        #expect(YAMLLoader().load(bytes: [], path: "e.yaml").root == nil)
        #expect(YAMLLoader().load(bytes: Array("  \n".utf8), path: "e.yaml").root == nil)
    }

    @Test("locations clamp instead of trapping past 2^31")
    func clampedLocation() {
        var location = Workflow.SourceLocation(file: "t.yaml", line: Int.max, column: -5)
        #expect(location.line == Int(Int32.max) && location.column == -5)
        location.column = 7
        #expect(location.advanced(by: 3).column == 10)
    }
}
