import Foundation

/// One learner of a roster (SPEC 2): who they are, the backends' settings, and their own vars.
public struct Learner: Sendable, Hashable {
    /// Unique id, `[a-z0-9][a-z0-9_-]*`; `${learner}`.
    public var id: String
    /// Display name.
    public var name: String?
    /// Values of the roster keys that backends add (e.g. where the learner's engine is), by key.
    public var settings: [String: String]
    /// The learner's own var values.
    public var vars: [String: String]
    /// Where each var value is written, for errors.
    public var varLocations: [String: SourceLocation]
    /// Where the learner is written.
    public var location: SourceLocation?
    /// `ports: 20000-20099`: the ports this learner's remote engine may publish (SPEC 6.7).
    public var ports: ClosedRange<Int>?

    /// Creates a learner.
    public init(
        id: String, name: String? = nil, settings: [String: String] = [:], vars: [String: String] = [:],
        varLocations: [String: SourceLocation] = [:], location: SourceLocation? = nil, ports: ClosedRange<Int>? = nil
    ) {
        self.id = id
        self.name = name
        self.settings = settings
        self.vars = vars
        self.varLocations = varLocations
        self.location = location
        self.ports = ports
    }

    /// Parses a port range `20000-20099` (or one port); nil when malformed.
    public static func portRange(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard (1...2).contains(parts.count), let low = Int(parts[0]), let high = Int(parts.last!), 1 <= low, low <= high, high <= 65535
        else {
            return nil
        }
        return low...high
    }

    /// The learner used without a roster.
    public static let local = Learner(id: "local")

    /// Whether `id` is a valid learner id: `[a-z0-9][a-z0-9_-]*` (it names files and folders).
    public static func isValidId(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first.isASCII, ("a"..."z").contains(first) || ("0"..."9").contains(first) else {
            return false
        }
        return id.unicodeScalars.allSatisfy {
            $0.isASCII && (("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-")
        }
    }

    /// The learner's vars as a layer for `VariableScope`.
    public var variableLayer: [String: VariableLayers.Value] {
        var layer: [String: VariableLayers.Value] = [:]
        for (name, value) in vars {
            layer[name] = VariableLayers.Value(
                text: value, location: varLocations[name] ?? location ?? SourceLocation(file: "<roster>", line: 1, column: 1))
        }
        return layer
    }
}
