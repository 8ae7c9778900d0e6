import Foundation

/// Reads typed values out of nodes, recording a diagnostic at the value for every wrong type, and
/// what the validator will need (`findings`). Kinds decode their key's value with it.
public struct NodeReader: Sendable {
    /// Problems found so far.
    public internal(set) var diagnostics: [Diagnostic] = []
    /// What decoding noticed for the validator.
    var findings = DecodeFindings()
    /// Parses `${…}` in text values.
    let templates = TemplateParser()
    /// Positions of nodes the YAML loader already reported; errors there would only repeat it.
    var silenced: Set<SourceLocation> = []

    /// A reader that starts with `diagnostics`.
    init(diagnostics: [Diagnostic] = []) {
        self.diagnostics = diagnostics
    }

    /// Records an error at `location` (unless the YAML loader already reported that node).
    public mutating func error(_ message: String, at location: SourceLocation) {
        guard !silenced.contains(location) else { return }
        diagnostics.append(.error(message, at: location))
    }

    /// Records a warning at `location`.
    public mutating func warning(_ message: String, at location: SourceLocation) {
        diagnostics.append(.warning(message, at: location))
    }

    /// The pairs of a mapping, after checking its keys; nil (and an error) when `node` is not a mapping.
    public mutating func mapping(_ node: Node, _ what: String, keys: [String]) -> [Node.Pair]? {
        guard let pairs = node.mappingPairs else {
            error("\(what) must be a map, found \(node.kindDescription)", at: node.location)
            return nil
        }
        diagnostics += KeyChecker(allowed: keys, what: what).check(pairs)
        return pairs
    }

    /// A text value: any scalar verbatim; an empty plain value or a collection is an error.
    public mutating func text(_ node: Node, _ what: String) -> String? {
        if node.tag == TreeBuilder.rejectedTag { return nil }
        guard case .scalar(let value, let style) = node.content else {
            error("\(what) must be text, found \(node.kindDescription)", at: node.location)
            return nil
        }
        if style == .plain && value.isEmpty && node.tag == nil {
            error("\(what) is empty; write '' for empty text", at: node.location)
            return nil
        }
        return value
    }

    /// A text value parsed as a template, `${…}` positions mapped into the source.
    public mutating func template(_ node: Node, _ what: String) -> Template? {
        guard let value = text(node, what) else { return nil }
        return template(value, of: node)
    }

    /// Parses `value` (the text of scalar `node`, or the part of it that starts `offset` scalars in) as a template.
    public mutating func template(_ value: String, of node: Node, offset: Int = 0) -> Template {
        let locator = ScalarLocator(node)
        var found: [Diagnostic] = []
        let locate: TemplateParser.Locator = { index in locator.location(ofOffset: index + offset) }
        let result = templates.parse(value, at: node.location, locate: locate) { found.append($0) }
        diagnostics += found
        return result
    }

    /// A YAML 1.2 boolean.
    public mutating func bool(_ node: Node, _ what: String) -> Bool? {
        if let value = node.boolValue { return value }
        error("\(what) must be true or false, found \(node.scalarValue.map { "'\($0)'" } ?? node.kindDescription)", at: node.location)
        return nil
    }

    /// A whole number within `range`.
    public mutating func integer(_ node: Node, _ what: String, in range: ClosedRange<Int>) -> Int? {
        guard let text = node.scalarValue, let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else {
            let found = node.scalarValue.map { "'\($0)'" } ?? node.kindDescription
            let upper = range.upperBound == Int.max ? "" : " to \(range.upperBound)"
            error("\(what) must be a whole number from \(range.lowerBound)\(upper), found \(found)", at: node.location)
            return nil
        }
        return value
    }

    /// A duration such as `90s` or `1m30s`.
    public mutating func duration(_ node: Node, _ what: String) -> Duration? {
        guard let text = text(node, what) else { return nil }
        if let duration = DurationSyntax.parse(text) { return duration }
        error("\(what): \(DurationSyntax.problem(with: text))", at: node.location)
        return nil
    }

    /// A text value or a list of them, as nodes.
    public mutating func oneOrMany(_ node: Node, _ what: String) -> [Node] {
        switch node.content {
        case .scalar: return [node]
        case .sequence(let items): return items
        case .mapping:
            error("\(what) must be text or a list, found a map", at: node.location)
            return []
        }
    }

    /// A list's items; an error for anything else.
    public mutating func list(_ node: Node, _ what: String) -> [Node]? {
        guard let items = node.sequenceItems else {
            error("\(what) must be a list, found \(node.kindDescription)", at: node.location)
            return nil
        }
        return items
    }
}
