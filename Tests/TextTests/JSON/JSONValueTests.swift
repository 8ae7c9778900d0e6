import Foundation
import Testing
import Text

/// The one JSON model: ordered documents from the parser, Codable for what runbook keeps and writes.
@Suite("JSON value")
struct JSONValueTests {
    @Test("the parser keeps key order and number spelling; text is compact JSON in that order")
    func parsed() throws {
        let value = try JSONParser.parse(Array(#"{"b": 1.50, "a": [true, null, "x\n"]}"#.utf8))
        #expect(value.text == #"{"b":1.50,"a":[true,null,"x\n"]}"#)
        guard case .object(let members) = value else {
            Issue.record("not an object")
            return
        }
        #expect(members.keys == ["b", "a"])
        #expect(value["b"] == .number("1.50") && value["a"]?.kindName == "an array")
    }

    @Test("Codable: numbers as numbers, objects sorted by key when decoded, the same value back")
    func codable() throws {
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(#"{"z": 3, "a": {"pi": 3.5, "ok": false}, "s": "t"}"#.utf8))
        #expect(decoded.text == #"{"a":{"ok":false,"pi":3.5},"s":"t","z":3}"#)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let written = String(decoding: try encoder.encode(decoded), as: UTF8.self)
        #expect(written == #"{"a":{"ok":false,"pi":3.5},"s":"t","z":3}"#)
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data(written.utf8)) == decoded)
    }

    @Test("an object reads and writes by key; a literal keeps its order, a dictionary is sorted")
    func objects() {
        var object: JSONObject = ["type": .string("object"), "minimum": .integer(0)]
        object["description"] = .string("d")
        object["type"] = .string("string")
        object["minimum"] = nil
        #expect(object.keys == ["type", "description"])
        #expect(JSONObject(["b": .null, "a": .bool(true)]).keys == ["a", "b"])
    }
}
