import Foundation
import Testing

@testable import Workflow

/// Quantified assertions are refused before ICU sees them: with a lazy quantifier ICU loops forever.
@Suite struct ZeroWidthQuantifierTests {
    @Test(arguments: [#"^+?#"#, #"\b+?#"#, "(?:^)+?#", "(^)+?#", #"\A+?#"#, "(?=a)+?#", "^*", "x$?", "()+?x", "(?<!a){2}b", #"(?:\b|^)*a"#])
    func refused(pattern: String) {
        guard case .failure(let failure) = RegexSupport.compile(pattern) else {
            Issue.record("\(pattern) compiled")
            return
        }
        #expect(failure.reason.hasPrefix("a quantifier after ^, $"))
    }

    @Test(arguments: [
        "^a+?", #"[\^]+?"#, #"\^+?"#, #"a\b"#, "(a)+?", "(?:^a)+?", #"\Q^+\E"#, "[$]+", #"^\d+"#, "(?<name>x)+", "(?#^+)a", #"(?=a)b+"#,
        #"^Accuracy at step \d+: (?<accuracy>0\.\d+)$"#,
    ])
    func accepted(pattern: String) {
        guard case .success = RegexSupport.compile(pattern) else {
            Issue.record("\(pattern) was refused")
            return
        }
    }

    @Test("the validator reports such a regex at its place")
    func validatorReportsIt() {
        let text = "runbook: 1\nsteps:\n  - id: a\n    exec: [echo, hi]\n    expect:\n      stdout: { matches: '^+?hi' }\n"
        let result = RunbookLoader().load(bytes: Array(text.utf8), path: "zero-width.yaml")
        #expect(
            result.diagnostics.map(\.description).contains {
                $0.hasPrefix("zero-width.yaml:6:") && $0.contains("regex '^+?hi' does not compile: a quantifier after ^")
            }, "\(result.diagnostics)")
    }
}
