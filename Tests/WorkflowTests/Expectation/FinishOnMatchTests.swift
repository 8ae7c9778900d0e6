import Testing

@testable import Workflow

/// `finish_on_match` (SPEC 1.1): stop as soon as every positive matcher is satisfied.
@Suite struct FinishOnMatchTests {
    typealias F = EvaluatorFixture

    @Test func stopsAtTheLineThatSatisfiesTheLastPositiveMatcher() throws {
        let evaluator = try F.evaluator(
            [F.on(.stdout, F.contains("Listening")), F.on(.stderr, F.matches("^ready in \\d+ ms$"))], finishOnMatch: true)
        #expect(!evaluator.feed("starting"))
        #expect(!evaluator.feed("Listening on :8080"))
        #expect(!evaluator.feed("ready in soon", .stderr))
        #expect(evaluator.feed("ready in 12 ms", .stderr))
        let result = evaluator.finish(exit: nil)  // the runner killed it
        #expect(result.finishedOnMatch)
        #expect(result.passed)
    }

    @Test func exitCountsAsSatisfiedAfterAnEarlyFinish() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.contains("up"))], finishOnMatch: true)
        #expect(evaluator.feed("up"))
        #expect(evaluator.finish(exit: 143).passed)
    }

    @Test func withoutFinishOnMatchItNeverAsksToStop() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.contains("up"))])
        #expect(!evaluator.feed("up"))
        #expect(!evaluator.finish(exit: 143).passed)
    }

    @Test func linesMustAllBeSeen() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.lines(["^a", "^b", "^c"]))], finishOnMatch: true)
        #expect(evaluator.feedLines("a\nb\nx\nc\nd") == 4)
    }

    @Test func countWaitsForItsMinimum() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.count("^tick", min: 3, max: nil))], finishOnMatch: true)
        #expect(evaluator.feedLines("tick\ntock\ntick\ntick\ntick") == 4)
        #expect(evaluator.finish(exit: nil).passed)
    }

    @Test func aNegativeMatcherThatFailedFirstPreventsTheFinish() throws {
        let evaluator = try F.evaluator(
            [F.on(.output, F.notContains("Traceback")), F.on(.stdout, F.contains("ready"))], finishOnMatch: true)
        #expect(!evaluator.feed("Traceback (most recent call last):", .stderr))
        #expect(!evaluator.feed("ready"))
        let result = evaluator.finish(exit: 1)
        #expect(!result.finishedOnMatch)
        #expect(result.failures.map(\.matcher) == ["exit", "output: not_contains"])
    }

    @Test func aMaximumAlreadyExceededPreventsTheFinish() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.count("^x", min: 2, max: 2))], finishOnMatch: true)
        evaluator.feedLines("y\nx")
        #expect(evaluator.feed("x"))
        let other = try F.evaluator([F.on(.stdout, F.count("^x", min: 2, max: 2)), F.on(.stdout, F.contains("done"))], finishOnMatch: true)
        #expect(other.feedLines("x\nx\nx\ndone") == nil)
    }

    @Test func negativesAreJudgedOnlyOnTheOutputSeenSoFar() throws {
        let evaluator = try F.evaluator(
            [F.on(.stdout, F.notContains("error")), F.on(.stdout, F.contains("ready"))], finishOnMatch: true)
        #expect(evaluator.feed("ready"))
        #expect(evaluator.feed("error after the finish"))  // still asks to stop; no longer judged
        let result = evaluator.finish(exit: nil)
        #expect(result.passed)
        #expect(result.excerpts.stdout.totalLines == 2)
    }

    @Test func capturesAreWaitedForToo() throws {
        let evaluator = try F.evaluator(
            [F.on(.stdout, F.contains("ready"))], captures: [F.capture("port", "port (\\d+)")], finishOnMatch: true)
        #expect(!evaluator.feed("ready"))
        #expect(evaluator.feed("listening on port 8080"))
        #expect(evaluator.finish(exit: nil).captured == ["port": "8080"])
    }

    @Test func positivesAlreadySatisfiedBeforeTheLastOneDoNotStopEarly() throws {
        let evaluator = try F.evaluator(
            [F.on(.stdout, F.matches("^one$")), F.on(.stdout, F.matches("^two$"))], finishOnMatch: true)
        #expect(!evaluator.feed("one"))
        #expect(!evaluator.feed("one"))
        #expect(evaluator.feed("two"))
    }
}
