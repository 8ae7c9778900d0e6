import Steps
import Testing
import Text
import Workflow

/// The schema is generated from the decoder's key tables: every mapping allows exactly the keys
/// the decoder allows, and every kind's value is described by the kind itself.
@Suite("Schema key tables")
struct SchemaKeyTablesTests {
    static let registry = StandardKinds.make()
    static let schema = RunbookSchema(registry: registry).document

    /// The property names of a mapping schema.
    static func keys(_ schema: JSONValue?) -> Set<String> {
        guard case .object(let properties)? = schema?["properties"] else { return [] }
        return Set(properties.keys)
    }

    @Test func everyMappingAllowsExactlyTheDecodersKeys() {
        let keys = RunbookKeys(Self.registry)
        let definitions = Self.schema["definitions"]
        #expect(Self.keys(Self.schema) == Set(RunbookKeys.topLevel))
        #expect(Self.keys(definitions?["step"]) == Set(keys.step))
        #expect(Self.keys(definitions?["probe"]) == Set(keys.probe))
        #expect(Self.keys(definitions?["cleanupItem"]) == Set(keys.cleanup))
        #expect(Self.keys(definitions?["defaults"]) == Set(RunbookKeys.defaults))
        #expect(Self.keys(definitions?["expect"]) == Set(RunbookKeys.expect))
        #expect(Self.keys(definitions?["retry"]) == Set(RunbookKeys.retry))
        #expect(Self.keys(definitions?["matcher"]) == Set(RunbookKeys.matcherMap))
        #expect(Self.keys(definitions?["capture"]?["additionalProperties"]) == Set(RunbookKeys.capture))
        #expect(Self.schema["additionalProperties"] == .bool(false))
    }

    @Test func eachKindDescribesItsOwnValue() {
        let step = Self.schema["definitions"]?["step"]?["properties"]
        for kind in Self.registry.kinds {
            #expect(step?[kind.key] == kind.valueSchema, "\(kind.key)")
        }
        #expect(step?["exec"]?["type"] == .string("array"))
        #expect(step?["docker"]?["anyOf"] != nil, "a command line: a string or a list")
    }

    @Test func exactlyOneCommandKeyIsRequired() {
        guard case .array(let choices)? = Self.schema["definitions"]?["step"]?["oneOf"] else {
            Issue.record("no oneOf")
            return
        }
        // Every kind's key, and `stop` (a step that stops a background step runs no kind).
        #expect(choices.count == Self.registry.keys.count + 1)
    }

    @Test func theRosterAllowsTheBackendsKeys() {
        let learner = RosterSchema(registry: Self.registry).document["properties"]?["learners"]?["items"]
        #expect(Self.keys(learner) == Set(["id", "name", "ports", "vars"] + Self.registry.rosterKeys))
    }
}
