/// Judges `values:` checks (SPEC 1.2) on captured values once a step has finished.
struct ValueCheckJudge {
    /// A check with its operand substituted when that was possible before the step ran.
    struct Prepared {
        let check: ValueCheck
        /// The operand substituted up front; nil when it names a capture of this very step.
        let operand: String?
    }

    let checks: [Prepared]

    /// Substitutes the operands that can be substituted now; the others wait for the captures.
    init(_ checks: [ValueCheck], render: (Template, Bool) throws -> String) {
        self.checks = checks.map { Prepared(check: $0, operand: try? render($0.operand, false)) }
    }

    /// The failures of the checks, against `values` (captures of this step and earlier ones).
    func failures(values: [String: String]) -> [MatcherFailure] {
        checks.compactMap { judge($0, values: values) }
    }

    private func judge(_ prepared: Prepared, values: [String: String]) -> MatcherFailure? {
        let check = prepared.check
        let operandText =
            prepared.operand
            ?? (try? check.operand.render { part in
                guard case .variable(let name, _) = part, let value = values[name] else { throw Unresolved() }
                return value
            })
        let expected = "\(check.comparison.rawValue) \(operandText ?? check.operand.raw)"
        func failure(_ message: String) -> MatcherFailure {
            MatcherFailure(matcher: "values \(check.name)", expected: expected, message: message, sourceLine: check.location.line)
        }
        guard let captured = values[check.name] else {
            return failure("nothing was captured as \(check.name)")
        }
        guard let value = Self.number(captured) else {
            return failure("the captured value \"\(captured)\" is not a number")
        }
        guard let operandText else {
            return failure("\(check.operand.raw) has no value")
        }
        guard let operand = Self.number(operandText) else {
            return failure("\(check.operand.raw) is \"\(operandText)\", which is not a number")
        }
        if check.comparison.holds(value, operand) { return nil }
        return failure("\(captured.trimmingASCIIWhitespace()) is not \(check.comparison.rawValue) \(operandText.trimmingASCIIWhitespace())")
    }

    private struct Unresolved: Error {}

    /// A decimal number (`0.93`, `-1`, `1e3`, `.5`); nil for anything else (`nan`, `0x10`, `12%`).
    static func number(_ text: String) -> Double? {
        let trimmed = text.trimmingASCIIWhitespace()
        guard !trimmed.isEmpty,
            trimmed.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" }
            ),
            trimmed.unicodeScalars.contains(where: { ("0"..."9").contains($0) })
        else { return nil }
        return Double(trimmed)
    }
}

extension String {
    /// The string without leading and trailing ASCII whitespace.
    fileprivate func trimmingASCIIWhitespace() -> String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || ("\t"..."\r").contains($0) }
        guard let start = scalars.firstIndex(where: { !isSpace($0) }), let end = scalars.lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(scalars[start...end])
    }
}
