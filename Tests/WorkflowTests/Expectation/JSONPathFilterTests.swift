import Testing
import Text

@testable import Workflow

/// Path filters `[?(.FIELD == V)]` and `[?(.FIELD != V)]` (SPEC 6.11, issue 17 item 7).
@Suite struct JSONPathFilterTests {
    /// `docker network inspect`'s shape: containers keyed by id.
    static let network = """
        {"Name": "net", "Containers": {"aa": {"Name": "web", "IPv4Address": "172.18.0.2/16", "Port": 80},
         "bb": {"Name": "db", "IPv4Address": "172.18.0.3/16", "Port": 5432}, "cc": {"Name": "cache"}}}
        """

    /// The value at `path` in `text`.
    static func lookup(_ path: String, in text: String = network) throws -> JSONPath.Lookup {
        let document = try JSONParser.parse(Array(text.utf8))
        return try JSONPath(parsing: path).lookup(in: document)
    }

    @Test("one item kept: its value, as jq's select prints it")
    func selectsOne() throws {
        #expect(try Self.lookup(#".Containers[?(.Name == "web")].IPv4Address"#) == .found(.string("172.18.0.2/16")))
        #expect(try Self.lookup(#".Containers[?(.Port == 5432)].Name"#) == .found(.string("db")))
    }

    @Test("several kept: an array; != keeps items without the field too")
    func selectsSeveral() throws {
        #expect(try Self.lookup(#".Containers[?(.Name != "web")].Name"#) == .found(.array([.string("db"), .string("cache")])))
        #expect(
            try Self.lookup(#"[?(.a == 1)].b"#, in: #"[{"a": 1, "b": "x"}, {"a": 2, "b": "y"}, {"a": 1, "b": "z"}]"#)
                == .found(.array([.string("x"), .string("z")])))
    }

    @Test("none kept: not found, saying what was looked for")
    func selectsNone() throws {
        guard case .missing(let why) = try Self.lookup(#".Containers[?(.Name == "nope")].IPv4Address"#) else {
            Issue.record("expected missing")
            return
        }
        #expect(why.contains(#"no item of .Containers has .Name == "nope""#), "\(why)")
    }

    @Test(
        "a quoted value keeps escapes; a bad filter is a positioned error",
        arguments: [
            #".a[?(.Name = "x")]"#, #".a[?(Name == "x")]"#, #".a[?(.Name == x)]"#, #".a[?(.Name == "x"]"#,
        ])
    func badFilters(_ path: String) {
        #expect(throws: JSONPathError.self) { try JSONPath(parsing: path) }
    }
}
