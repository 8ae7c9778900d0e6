import Testing

@testable import Workflow

/// Matchers across streams: stdout and stderr kept apart, `output` interleaving them, the order
/// of failures, templates and regexes that cannot be used, and bytes that are not UTF-8.
@Suite struct MatcherStreamTests {
    typealias F = EvaluatorFixture

    @Test func streamsAreKeptApartAndOutputInterleavesThem() throws {
        let evaluator = try F.evaluator([
            F.on(.stdout, F.notContains("boom")),
            F.on(.stderr, F.contains("boom")),
            F.on(.output, F.matches("^boom$")),
        ])
        evaluator.feed("fine", .stdout)
        evaluator.feed("boom", .stderr)
        let result = evaluator.finish()
        #expect(result.passed)
        #expect(result.excerpts.output.head == "fine\nboom\n")
        #expect(result.excerpts.stdout.head == "fine\n")
        #expect(result.excerpts.stderr.head == "boom\n")
    }

    @Test func outputLineNumbersCountBothStreams() throws {
        let evaluator = try F.evaluator([F.on(.output, F.notContains("bad")), F.on(.stderr, F.notContains("bad"))])
        evaluator.feed("one", .stdout)
        evaluator.feed("two", .stdout)
        evaluator.feed("bad", .stderr)
        let failures = evaluator.finish().failures
        #expect(failures.map(\.lines.first?.number) == [3, 1])
    }

    @Test func failuresComeInTheOrderWrittenAfterExit() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.contains("x")), F.on(.stdout, F.matches("y"))])
        evaluator.feed("z")
        let result = evaluator.finish(exit: 1)
        #expect(result.failures.map(\.matcher) == ["exit", "stdout: contains", "stdout: matches"])
    }

    @Test func anUnresolvableTemplateThrows() {
        #expect(throws: EvaluatorFixture.Unresolved.self) {
            _ = try F.evaluator([F.on(.stdout, F.contains("${missing}"))])
        }
    }

    @Test func aRegexThatDoesNotCompileThrows() {
        #expect(throws: RegexCompileError.self) {
            _ = try F.evaluator([F.on(.stdout, F.matches("(unclosed"))])
        }
    }

    @Test func aNeedleWithReplacementCharacterMatchesInvalidBytes() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.contains("a\u{FFFD}b"))])
        evaluator.feed(bytes: [0x61, 0xFF, 0x62])
        #expect(evaluator.finish().passed)
    }

    @Test func regexesSeeInvalidBytesAsReplacementCharacter() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.matches("^a\u{FFFD}b$"))])
        evaluator.feed(bytes: [0x61, 0xC3, 0x62])
        #expect(evaluator.finish().passed)
    }
}
