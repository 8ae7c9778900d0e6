import Foundation

/// Judges `exists:`, `status:`, `size:` and `mode:` against what a command found out (SPEC 6.3, 6.4, 6.6).
struct FactsJudge {
    /// What was written.
    let expect: Expectation
    /// What the command's kind supports (defaults apply only there: `exists: true`, `status: 2xx`).
    let checks: Set<ExpectationCheck>

    /// The verdict: `skipRest` when `exists` decided alone (the subject is absent, as expected or not).
    func judge(_ facts: SubjectFacts?, render: (Template) throws -> String) -> (failures: [MatcherFailure], skipRest: Bool) {
        guard let facts else { return ([], false) }
        if checks.contains(.exists), let exists = facts.exists {
            let wanted = expect.exists ?? true
            if wanted != exists {
                let message = wanted ? "\(facts.subject) does not exist" : "\(facts.subject) exists"
                return ([MatcherFailure(matcher: "exists", expected: String(wanted), message: message, sourceLine: line(.exists))], true)
            }
            if !exists { return ([], true) }
        }
        var failures: [MatcherFailure] = []
        if checks.contains(.status), let status = facts.status {
            let expected = expect.status ?? .success
            if !expected.accepts(status) {
                failures.append(
                    MatcherFailure(
                        matcher: "status", expected: expected.description, message: "expected \(expected.description), got \(status)",
                        sourceLine: line(.status), why: expect.statusWhy.map { (try? render($0)) ?? $0.raw }))
            }
        }
        if let size = expect.size, facts.size == nil, checks.contains(.size) {
            let message = "\(facts.subject) has no size; `size` applies to files only"
            failures.append(MatcherFailure(matcher: "size", expected: size.raw, message: message, sourceLine: line(.size)))
        }
        if let mode = expect.mode, facts.mode == nil, checks.contains(.mode) {
            let message = "\(facts.subject) has no mode; `mode` applies to files only"
            failures.append(MatcherFailure(matcher: "mode", expected: mode, message: message, sourceLine: line(.mode)))
        }
        if let size = expect.size, let actual = facts.size {
            if let operand = (try? render(size.operand)).flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }) {
                if !size.comparison.holds(Double(actual), operand) {
                    failures.append(
                        MatcherFailure(
                            matcher: "size", expected: size.raw, message: "\(facts.subject) has \(actual) bytes, expected \(size.raw)",
                            sourceLine: line(.size)))
                }
            } else {
                failures.append(
                    MatcherFailure(matcher: "size", expected: size.raw, message: "'\(size.raw)' is not a number", sourceLine: line(.size)))
            }
        }
        if let mode = expect.mode, let actual = facts.mode, SubjectFacts.octal(actual) != mode {
            failures.append(
                MatcherFailure(
                    matcher: "mode", expected: mode, message: "\(facts.subject) has mode \(SubjectFacts.octal(actual)), expected \(mode)",
                    sourceLine: line(.mode)))
        }
        return (failures, false)
    }

    private func line(_ check: ExpectationCheck) -> Int? { expect.written[check]?.line }
}
