/// The result of loading one YAML file: its root node (nil when empty or unreadable) and every problem found.
public struct YAMLDocument: Sendable {
    /// The root node, or nil when the file holds no document or a syntax error stopped the parse.
    public var root: Node?
    /// Problems found while loading, in discovery order.
    public var diagnostics: [Diagnostic]
    /// The file's text, for quoting lines in diagnostics and locating `${…}` inside scalars.
    public var source: SourceFile
    /// Positions of nodes the loader already reported (undefined alias, rejected tag), so that decoding adds no second error there.
    var rejectedLocations: Set<SourceLocation> = []
}
