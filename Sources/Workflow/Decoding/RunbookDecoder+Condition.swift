import Foundation

/// `when:` conditions: a capability a backend declares, `tty`, or a var, possibly negated.
extension RunbookDecoder {
    /// One `when:` item; an unknown capability is an error with the nearest known one.
    mutating func decodeCondition(_ node: Node) -> Condition? {
        guard let text = reader.text(node, "a condition") else { return nil }
        let scalars = Array(text.unicodeScalars)
        var start = Self.skippingBlanks(scalars, from: 0)
        let negated = start < scalars.count && scalars[start] == "!"
        if negated { start = Self.skippingBlanks(scalars, from: start + 1) }
        let body = String(String.UnicodeScalarView(scalars[start...])).trimmingCharacters(in: .whitespaces)
        let known = registry.capabilities.map(\.capability.rawValue)
        if known.contains(body) {
            return Condition(subject: .capability(Capability(rawValue: body)), negated: negated, raw: text, location: node.location)
        }
        let template = reader.template(body, of: node, offset: start)
        if template.isLiteral {
            let names = known.sorted { ($0 == "tty" ? 1 : 0, $0) < ($1 == "tty" ? 1 : 0, $1) }
            var message = "unknown condition '\(text)'; use \(names.joined(separator: ", ")), ${var}, or one of them negated with '!'"
            if let suggestion = KeyChecker.nearest(to: body, in: known) {
                message += "; did you mean '\(negated ? "!" : "")\(suggestion)'?"
            }
            reader.error(message, at: node.location)
            return nil
        }
        return Condition(subject: .value(template), negated: negated, raw: text, location: node.location)
    }

    /// The index of the first scalar at or after `index` that is not a space or tab.
    static func skippingBlanks(_ scalars: [Unicode.Scalar], from index: Int) -> Int {
        var index = index
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        return index
    }
}
