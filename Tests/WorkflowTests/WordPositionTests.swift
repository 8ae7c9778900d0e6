import Foundation
import Testing

@testable import Workflow

/// Where `${…}` inside the words of a split `docker:`-like string point (SPEC 1.5), through the loader.
@Suite("Word positions")
struct WordPositionTests {
    /// Loads a one-step runbook whose step is `wordly: LINE` (a kind that splits its string as `docker:` does).
    private func load(_ line: String, vars: String = "a: x\n  b: y\n  c: z") -> RunbookLoadResult {
        let text = "runbook: 1\nvars:\n  \(vars)\nsteps:\n  - id: s\n    wordly: \(line)\n    expect: { stdout: { contains: ok } }\n"
        return RunbookLoader(registry: .with(WordsKind())).load(bytes: Array(text.utf8), path: "w.yaml")
    }

    private func columns(_ words: [Template]) -> [[Int]] {
        words.map { $0.variableReferences.map(\.location.column) }
    }

    @Test func referencesInsideSplitWordsPointAtTheirDollar() throws {
        // Line 8 is `    wordly: run --name 'n-${a}' "${b} x"${c} -e K=${a}` (the value starts at column 13).
        let result = load(#"run --name 'n-${a}' "${b} x"${c} -e K=${a}"#)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let words = try #require(result.runbook?.steps.first?.command.words)
        #expect(words.map(\.raw) == ["run", "--name", "n-${a}", "${b} x${c}", "-e", "K=${a}"])
        #expect(columns(words) == [[], [], [27], [34, 41], [], [51]])
        #expect(words.allSatisfy { $0.location.line == 8 })
    }

    @Test func undefinedReferencesAfterSplittingAreReportedAtTheirDollar() {
        let result = load(#"run "${nope}" x${bad}y"#)
        #expect(result.runbook == nil)
        #expect(
            result.diagnostics.filter { $0.severity == .error }.map { "\($0.location.line):\($0.location.column)" } == ["8:18", "8:28"])
    }

    @Test func singleQuotedYAMLStringMapsThroughDoubledQuotes() throws {
        // The YAML value is `run '${a}' ${nope}`; `''` takes two columns in the source.
        let result = load("'run ''${a}'' ${nope}'")
        #expect(
            result.diagnostics.map(\.description) == [
                "w.yaml:8:27: error: '${nope}' is not declared; add it to `vars:` or capture it in an earlier step"
            ])
        let withVar = load("'run ''${a}'' x'")
        let words = try #require(withVar.runbook?.steps.first?.command.words)
        #expect(columns(words) == [[], [20], []])
    }

    @Test func doubleQuotedYAMLStringPointsAtTheScalar() {
        let result = load(#""run \"${nope}\"""#)
        #expect(result.diagnostics.filter { $0.severity == .error }.map { "\($0.location.line):\($0.location.column)" } == ["8:13"])
    }

    @Test func operatorInsideASplitStringIsReportedAtTheOperator() {
        let result = load("ps -a | grep ${a}")
        #expect(result.runbook == nil)
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.location.column == 19)
        #expect(result.diagnostics.first?.message.hasPrefix("'|' is a shell operator") == true)
    }

    @Test func wordsSplitFromAStringStartWhereTheWordStarts() throws {
        let result = load("run  --rm   ubuntu")
        let words = try #require(result.runbook?.steps.first?.command.words)
        #expect(words.map(\.location.column) == [13, 18, 25])
        #expect(result.runbook?.steps.first?.command.splitFromString == true)
    }

    @Test func listFormIsNotSplit() throws {
        let result = load(#"[run, "a b", '${a} ${b}', '']"#)
        let command = try #require(result.runbook?.steps.first?.command)
        #expect(command.words.map(\.raw) == ["run", "a b", "${a} ${b}", ""])
        #expect(command.splitFromString == false)
        #expect(columns(command.words) == [[], [], [27, 32], []])
    }
}
