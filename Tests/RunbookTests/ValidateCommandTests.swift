import Foundation
import Testing

/// `runbook validate` end to end: the built binary on fixture files, its exit status and what it prints.
@Suite("runbook validate")
struct ValidateCommandTests {
    static let fixtures: URL = RunbookBinary.fixtures.appendingPathComponent("validate")

    /// The `runbook` executable under test.
    static let binary: URL = RunbookBinary.url

    /// Runs `runbook ARGUMENTS…` in the fixtures folder.
    static func run(_ arguments: [String]) async throws -> RunbookBinary.Outcome {
        try await RunbookBinary.run(arguments, in: fixtures)
    }

    /// No crash report of any kind in the output.
    static func expectNoCrash(_ outcome: RunbookBinary.Outcome, sourceLocation: SourceLocation = #_sourceLocation) {
        RunbookBinary.expectNoCrash(outcome, sourceLocation: sourceLocation)
    }

    /// The three lines printed for one diagnostic: header, source line, caret line.
    static func block(after header: String, in text: String) -> [String]? {
        let lines = text.components(separatedBy: "\n")
        guard let index = lines.firstIndex(of: header), index + 2 < lines.count else { return nil }
        return Array(lines[index...(index + 2)])
    }

    @Test func binaryIsBuilt() {
        #expect(FileManager.default.isExecutableFile(atPath: Self.binary.path), "no runbook binary at \(Self.binary.path)")
    }

    @Test func unknownKeyPrintsPositionSourceLineAndCaret() async throws {
        let outcome = try await Self.run(["validate", "unknown-key.yaml"])
        Self.expectNoCrash(outcome)
        #expect(outcome.status == 2)
        #expect(outcome.stdout.isEmpty)
        #expect(
            Self.block(after: "unknown-key.yaml:4:5: error: unknown key 'dokcer' in step; did you mean 'docker'?", in: outcome.stderr) == [
                "unknown-key.yaml:4:5: error: unknown key 'dokcer' in step; did you mean 'docker'?",
                "    dokcer: ps",
                "    ^",
            ], "\(outcome.stderr)")
        #expect(outcome.stderr.hasSuffix("unknown-key.yaml: 1 error\n"))
    }

    @Test func everyProblemIsPrintedSortedByPosition() async throws {
        let outcome = try await Self.run(["validate", "three-problems.yaml"])
        Self.expectNoCrash(outcome)
        #expect(outcome.status == 2)
        let headers = outcome.stderr.components(separatedBy: "\n").filter {
            $0.hasPrefix("three-problems.yaml:") && $0.contains(": error: ")
        }
        #expect(
            headers.map { $0.components(separatedBy: ": error: ")[0] } == [
                "three-problems.yaml:2:1", "three-problems.yaml:6:14", "three-problems.yaml:8:9", "three-problems.yaml:9:16",
            ])
        #expect(
            Self.block(after: headers.last ?? "", in: outcome.stderr)?.dropFirst() == ["    docker: ps | grep web", "               ^"])
        #expect(outcome.stderr.hasSuffix("three-problems.yaml: 4 errors\n"))
    }

    @Test func unclosedQuoteIsShownWhereItOpened() async throws {
        let outcome = try await Self.run(["validate", "unclosed-quote.yaml"])
        Self.expectNoCrash(outcome)
        #expect(outcome.status == 2)
        let header = try #require(outcome.stderr.components(separatedBy: "\n").first)
        #expect(header.hasPrefix("unclosed-quote.yaml:4:12: error: quoted string is not closed"))
        #expect(Self.block(after: header, in: outcome.stderr)?.dropFirst() == ["    title: 'Run a container", "           ^"])
    }

    @Test func caretCountsUnicodeScalars() async throws {
        let outcome = try await Self.run(["validate", "unicode.yaml"])
        Self.expectNoCrash(outcome)
        #expect(outcome.status == 2)
        let lines = outcome.stderr.components(separatedBy: "\n")
        #expect(lines.first == "unicode.yaml:3:31: error: unknown key 'dokcer' in step; did you mean 'docker'?")
        #expect(lines.dropFirst(2).first == String(repeating: " ", count: 30) + "^")
    }

    @Test func invalidUTF8IsAnErrorNotACrash() async throws {
        let outcome = try await Self.run(["validate", "invalid-utf8.yaml"])
        Self.expectNoCrash(outcome)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("invalid-utf8.yaml:4:15: error: invalid UTF-8"))
        #expect(outcome.stderr.contains("    title: caf\u{FFFD}\n              ^\n"))
    }

    @Test func warningOnlyIsValid() async throws {
        let outcome = try await Self.run(["validate", "warning-only.yaml"])
        Self.expectNoCrash(outcome)
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "warning-only.yaml: valid, 1 step\n")
        #expect(
            Self.block(
                after:
                    "warning-only.yaml:4:5: warning: step 'pull' checks only that its command exits 0; add an `expect` matcher or a `verify` probe",
                in: outcome.stderr)?.dropFirst() == ["  - id: pull", "    ^"], "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("error"))
    }

    @Test("control characters from YAML escapes in keys are printed as ^X, never raw")
    func controlCharactersInMessagesAreVisible() async throws {
        let outcome = try await Self.run(["validate", "control-characters.yaml", "--no-color"])
        Self.expectNoCrash(outcome)
        #expect(outcome.status == 2)
        let raw = outcome.stderr.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }
        #expect(!raw, "raw control characters: \(outcome.stderr.debugDescription)")
        #expect(outcome.stderr.contains("\ncontrol-characters.yaml:5:5: error: unknown key '^[[31mdocker^G' in step"), "\(outcome.stderr)")
    }

    @Test func missingFileIsExitTwo() async throws {
        let outcome = try await Self.run(["validate", "no-such-runbook.yaml"])
        Self.expectNoCrash(outcome)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("no-such-runbook.yaml:1:1: error: no such file: no-such-runbook.yaml"))
    }

    @Test func badArgumentsAreExitTwo() async throws {
        let outcome = try await Self.run(["validate", "unknown-key.yaml", "--no-such-flag"])
        Self.expectNoCrash(outcome)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("--no-such-flag"))
    }
}
