import Testing

@testable import Workflow

/// Captures (SPEC 1.3), named groups of matchers, `values:` checks and the exit status.
@Suite struct CaptureAndValueTests {
    typealias F = EvaluatorFixture

    @Test func namedGroupOfMatchesIsCapturedFromTheSatisfyingLine() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.matches(#"^Accuracy at step 90: (?<accuracy>0\.\d+)$"#))])
        evaluator.feedLines("Accuracy at step 80: 0.88\nAccuracy at step 90: 0.91\nAccuracy at step 90: 0.95")
        #expect(evaluator.finish().captured == ["accuracy": "0.91"])
    }

    @Test func namedGroupsOfLinesComeFromEachMatchedLine() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.lines([#"^start (?<first>\w+)"#, #"^end (?<last>\w+)"#]))])
        evaluator.feedLines("end zero\nstart alpha\nend omega\nend later")
        #expect(evaluator.finish().captured == ["first": "alpha", "last": "omega"])
    }

    @Test func aNamedGroupThatDidNotTakePartIsNotCaptured() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.matches(#"^done(?: in (?<seconds>\d+)s)?$"#))])
        evaluator.feed("done")
        let result = evaluator.finish()
        #expect(result.passed)
        #expect(result.captured.isEmpty)
    }

    @Test func captureTakesGroupOneOfTheFirstMatchingLine() throws {
        let evaluator = try F.evaluator([], captures: [F.capture("container_host", "^([0-9a-f]{12})$")])
        evaluator.feedLines("noise\n3f4e5d6c7b8a\n000000000000")
        #expect(evaluator.finish().captured == ["container_host": "3f4e5d6c7b8a"])
    }

    @Test func captureTakesTheGroupNamedLikeIt() throws {
        let evaluator = try F.evaluator([], captures: [F.capture("digest", from: .stderr, #"^(\w+): digest: (?<digest>sha256:[0-9a-f]+)"#)])
        evaluator.feed("latest: digest: sha256:abc123 size: 528", .stderr)
        #expect(evaluator.finish().captured == ["digest": "sha256:abc123"])
    }

    @Test func captureFromOutputSeesBothStreams() throws {
        let evaluator = try F.evaluator([], captures: [F.capture("port", from: .output, #"port (\d+)"#)])
        evaluator.feed("nothing", .stdout)
        evaluator.feed("bound port 5000", .stderr)
        #expect(evaluator.finish().captured == ["port": "5000"])
    }

    @Test func captureThatMatchedNoLineFailsTheStep() throws {
        let evaluator = try F.evaluator([], captures: [F.capture("container_host", "^([0-9a-f]{12})$")])
        evaluator.feedLines("Error: No such container")
        let result = evaluator.finish()
        #expect(!result.passed)
        let failure = try #require(result.failures.first)
        #expect(failure.matcher == "capture container_host")
        #expect(failure.expected == "^([0-9a-f]{12})$")
        #expect(failure.summary == "capture container_host: no line matched (no line of stdout matches '^([0-9a-f]{12})$')")
        #expect(failure.lines == [NumberedLine(number: 1, text: "Error: No such container")])
    }

    @Test func capturesMadeByMatchersAreNotTrackedTwice() throws {
        let regex = F.template(#"^acc (?<acc>\d\.\d+)$"#)
        let evaluator = try F.evaluator(
            [StreamExpectation(stream: .stdout, matcher: .matches(regex), location: F.here)],
            captures: [Capture(name: "acc", stream: .stdout, regex: regex, location: F.here, fromMatcher: true)])
        evaluator.feed("acc 0.75")
        let result = evaluator.finish()
        #expect(result.passed)
        #expect(result.captured == ["acc": "0.75"])
    }

    @Test func valuesCompareWithNumbers() throws {
        for (comparison, operand, passes) in [
            (ComparisonOperator.greaterOrEqual, "0.8", true), (.greaterOrEqual, "0.95", false), (.greater, "0.91", false),
            (.less, "1", true), (.lessOrEqual, "0.91", true), (.equal, "0.910", true), (.notEqual, "0.91", false),
        ] {
            let evaluator = try F.evaluator(
                [F.on(.stdout, F.matches(#"accuracy (?<accuracy>\S+)"#))], values: [F.value("accuracy", comparison, operand)])
            evaluator.feed("accuracy 0.91")
            #expect(evaluator.finish().passed == passes, "\(comparison.rawValue) \(operand)")
        }
    }

    @Test func valueFailureSaysWhatWasCompared() throws {
        let evaluator = try F.evaluator(
            [F.on(.stdout, F.matches(#"accuracy (?<accuracy>\S+)"#))], values: [F.value("accuracy", .greaterOrEqual, "0.8")])
        evaluator.feed("accuracy 0.7")
        let failure = try #require(evaluator.finish().failures.first)
        #expect(failure.matcher == "values accuracy")
        #expect(failure.expected == ">= 0.8")
        #expect(failure.summary == "values accuracy: 0.7 is not >= 0.8")
    }

    @Test func valuesCompareWithAVariable() throws {
        let evaluator = try F.evaluator(
            [F.on(.stdout, F.matches(#"accuracy (?<accuracy>\S+)"#))], values: [F.value("accuracy", .greaterOrEqual, "${threshold}")],
            vars: ["threshold": "0.9"])
        evaluator.feed("accuracy 0.85")
        let failure = try #require(evaluator.finish().failures.first)
        #expect(failure.expected == ">= 0.9")
        #expect(failure.summary == "values accuracy: 0.85 is not >= 0.9")
    }

    @Test func valuesUseCapturesOfEarlierStepsAndOfThisOne() throws {
        // `baseline` was captured by an earlier step; `${best}` is captured by this very step.
        let evaluator = try F.evaluator(
            [F.on(.stdout, F.matches(#"best (?<best>\S+)"#))],
            values: [F.value("baseline", .less, "${best}"), F.value("best", .greater, "0.5")])
        evaluator.feed("best 0.93")
        let result = evaluator.finish(exit: 0, before: ["baseline": "0.7"])
        #expect(result.passed, "\(result.failures)")
        #expect(result.captured == ["best": "0.93"])
    }

    @Test func aNonNumericValueIsAClearFailure() throws {
        let evaluator = try F.evaluator(
            [F.on(.stdout, F.matches(#"accuracy (?<accuracy>\S+)"#))], values: [F.value("accuracy", .greaterOrEqual, "0.8")])
        evaluator.feed("accuracy n/a")
        let failure = try #require(evaluator.finish().failures.first)
        #expect(failure.summary == "values accuracy: the captured value \"n/a\" is not a number")
    }

    @Test func aMissingValueIsAFailure() throws {
        let evaluator = try F.evaluator([], values: [F.value("accuracy", .greaterOrEqual, "0.8")])
        #expect(evaluator.finish().failures.first?.summary == "values accuracy: nothing was captured as accuracy")
    }

    @Test func numbersAreDecimalOnly() {
        #expect(ValueCheckJudge.number(" 0.93 ") == 0.93)
        #expect(ValueCheckJudge.number("-1e3") == -1000)
        #expect(ValueCheckJudge.number(".5") == 0.5)
        #expect(ValueCheckJudge.number("nan") == nil)
        #expect(ValueCheckJudge.number("0x10") == nil)
        #expect(ValueCheckJudge.number("12%") == nil)
        #expect(ValueCheckJudge.number("") == nil)
        #expect(ValueCheckJudge.number("-") == nil)
    }

    @Test func exitDefaultsToZero() throws {
        let evaluator = try F.evaluator([])
        #expect(evaluator.finish(exit: 0).passed)
        let failed = try F.evaluator([]).finish(exit: 2)
        #expect(failed.failures == [MatcherFailure(matcher: "exit", expected: "0", message: "expected 0, got 2")])
    }

    @Test func exitListAnyAndNonzero() throws {
        #expect(try F.evaluator([], exit: .codes([0, 1])).finish(exit: 1).passed)
        #expect(try F.evaluator([], exit: .codes([0, 1])).finish(exit: 2).failures.first?.summary == "exit: expected [0, 1], got 2")
        #expect(try F.evaluator([], exit: .any).finish(exit: 255).passed)
        #expect(try F.evaluator([], exit: .any).finish(exit: nil).passed)
        #expect(try F.evaluator([], exit: .nonzero).finish(exit: 3).passed)
        #expect(try F.evaluator([], exit: .nonzero).finish(exit: 0).failures.first?.summary == "exit: expected nonzero, got 0")
        #expect(try F.evaluator([]).finish(exit: nil).failures.first?.matcher == "exit")
    }

    @Test func aDecodedRunbookStepEvaluatesAsWritten() throws {
        let yaml = #"""
            runbook: 1
            vars:
              threshold: "0.8"
            steps:
              - id: train
                exec: [python3, main.py]
                finish_on_match: true
                expect:
                  stdout:
                    - lines: ['^Accuracy at step 0:', '^Accuracy at step 90: (?<accuracy>0\.\d+)$']
                    - count: { matches: '^Accuracy at step \d+:', min: 10, max: 10 }
                    - not_contains: Traceback
                  values:
                    accuracy: ">= ${threshold}"
                capture:
                  first_loss: { from: stderr, regex: 'loss=([0-9.]+)' }
            """#
        let loaded = RunbookLoader().load(bytes: Array(yaml.utf8), path: "/tmp/evaluator-test.yaml")
        let runbook = try #require(loaded.runbook, "\(loaded.diagnostics)")
        let step = runbook.steps[0]
        let evaluator = try OutputEvaluator(expect: step.expect, captures: step.captures, finishOnMatch: step.finishOnMatch) {
            template, asRegex in
            template.render({ _ in "0.8" }, transform: asRegex ? RegexSupport.escape : { $0 })
        }
        evaluator.feed("loss=2.30", .stderr)
        var stoppedAt: Int?
        for step in stride(from: 0, through: 90, by: 10) where evaluator.feed("Accuracy at step \(step): 0.\(80 + step / 10)") {
            stoppedAt = step
        }
        #expect(stoppedAt == 90)
        let result = evaluator.finish(exitCode: nil, capturedBefore: [:])
        #expect(result.passed, "\(result.failures)")
        #expect(result.finishedOnMatch)
        #expect(result.captured == ["accuracy": "0.89", "first_loss": "2.30"])
    }
}
