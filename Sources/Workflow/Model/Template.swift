/// A string with `${…}` references, parsed once; substitution never rescans substituted values.
public struct Template: Sendable, Hashable {
    /// One piece of a template.
    public enum Part: Sendable, Hashable {
        /// Text taken as is (`$$` already turned into `$`).
        case literal(String)
        /// `${name}`: a var, a capture or a built-in.
        case variable(String, SourceLocation)
        /// `${env.NAME}` or `${env.NAME:-default}`.
        case environment(String, default: Template?, SourceLocation)
    }

    /// The pieces in order.
    public var parts: [Part]
    /// The text as written, `${…}` included.
    public var raw: String
    /// Where the scalar holding it starts (for a word split from a command-line string: where the word starts,
    /// when the scalar is plain or single-quoted on one line).
    public var location: SourceLocation

    /// Creates a template from parsed parts.
    public init(parts: [Part], raw: String, location: SourceLocation) {
        self.parts = parts
        self.raw = raw
        self.location = location
    }

    /// A template of literal text only.
    public init(literal: String, location: SourceLocation) {
        self.init(parts: literal.isEmpty ? [] : [.literal(literal)], raw: literal, location: location)
    }

    /// True when the template has no reference at all.
    public var isLiteral: Bool {
        parts.allSatisfy { if case .literal = $0 { true } else { false } }
    }

    /// Every `${name}` reference, nested defaults included, with its position.
    public var variableReferences: [(name: String, location: SourceLocation)] {
        var result: [(String, SourceLocation)] = []
        for part in parts {
            switch part {
            case .literal: break
            case .variable(let name, let location): result.append((name, location))
            case .environment(_, let fallback, _): result += fallback?.variableReferences ?? []
            }
        }
        return result
    }

    /// Every `${env.NAME}` name used, nested defaults included.
    public var environmentReferences: [String] {
        parts.flatMap { part -> [String] in
            if case .environment(let name, let fallback, _) = part { return [name] + (fallback?.environmentReferences ?? []) }
            return []
        }
    }

    /// Replaces references using `resolve`; the values are inserted verbatim (optionally transformed) and never rescanned.
    public func render(
        _ resolve: (Part) throws -> String, transform: (String) -> String = { $0 }
    ) rethrows -> String {
        var output = ""
        for part in parts {
            if case .literal(let text) = part { output += text } else { output += transform(try resolve(part)) }
        }
        return output
    }
}
