/// One learner of a roster (SPEC 2): who they are and which engine their steps use.
public struct Learner: Sendable, Hashable {
    /// Unique id, `[a-z0-9][a-z0-9_-]*`; `${learner}`.
    public var id: String
    /// Display name.
    public var name: String?
    /// Exported as DOCKER_HOST.
    public var dockerHost: String?
    /// Exported as DOCKER_CONTEXT.
    public var dockerContext: String?
    /// The learner's own var values.
    public var vars: [String: String]
    /// Where each var value is written, for errors.
    public var varLocations: [String: SourceLocation]
    /// Where the learner is written.
    public var location: SourceLocation?

    /// Creates a learner.
    public init(id: String, name: String? = nil, dockerHost: String? = nil, dockerContext: String? = nil, vars: [String: String] = [:], varLocations: [String: SourceLocation] = [:], location: SourceLocation? = nil) {
        self.id = id
        self.name = name
        self.dockerHost = dockerHost
        self.dockerContext = dockerContext
        self.vars = vars
        self.varLocations = varLocations
        self.location = location
    }

    /// The learner used without a roster.
    public static let local = Learner(id: "local")

    /// True when the learner's engine is not the runner's local default.
    public var usesRemoteEngine: Bool {
        if let host = dockerHost, !host.isEmpty, !host.hasPrefix("unix://") { return true }
        if let context = dockerContext, !context.isEmpty, context != "default" { return true }
        return false
    }

    /// The learner's vars as a layer for `VariableScope`.
    public var variableLayer: [String: VariableLayers.Value] {
        var layer: [String: VariableLayers.Value] = [:]
        for (name, value) in vars {
            layer[name] = VariableLayers.Value(text: value, location: varLocations[name] ?? location ?? SourceLocation(file: "<roster>", line: 1, column: 1))
        }
        return layer
    }
}
