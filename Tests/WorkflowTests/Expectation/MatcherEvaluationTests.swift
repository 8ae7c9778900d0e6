import Testing

@testable import Workflow

/// Each matcher kind of SPEC 1.2, passing and failing, on whole lines of one stream or both.
@Suite struct MatcherEvaluationTests {
    typealias F = EvaluatorFixture

    @Test func containsPassesWhenOneLineHasTheText() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.contains("Successfully tagged"))])
        evaluator.feedLines("Step 1/3\nSuccessfully tagged alice/tf-mnist:latest\ndone")
        let result = evaluator.finish()
        #expect(result.passed)
        #expect(result.failures.isEmpty)
    }

    @Test func containsFailsWithTheLastLines() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.contains("Successfully tagged"))])
        evaluator.feedLines((1...15).map { "line \($0)" }.joined(separator: "\n"))
        let result = evaluator.finish()
        #expect(!result.passed)
        let failure = try #require(result.failures.first)
        #expect(failure.matcher == "stdout: contains")
        #expect(failure.expected == "Successfully tagged")
        #expect(failure.summary == "stdout: contains: no line of stdout contains \"Successfully tagged\"")
        #expect(failure.lines.count == 10)
        #expect(failure.lines.first == NumberedLine(number: 6, text: "line 6"))
        #expect(failure.lines.last == NumberedLine(number: 15, text: "line 15"))
        #expect(failure.sourceLine == 7)
    }

    @Test func containsIsPerLineNotAcrossLines() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.contains("ab"))])
        evaluator.feedLines("a\nb")
        #expect(!evaluator.finish().passed)
    }

    @Test func containsSubstitutesVariables() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.contains("pushed ${image}"))], vars: ["image": "alice/tf-mnist"])
        evaluator.feed("latest: pushed alice/tf-mnist digest sha256:…")
        #expect(evaluator.finish().passed)
    }

    @Test func notContainsPassesWithoutTheText() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.notContains("Traceback"))])
        evaluator.feedLines("all good\nstill good")
        #expect(evaluator.finish().passed)
    }

    @Test func notContainsFailsWithTheOffendingLineAndItsNumber() throws {
        let evaluator = try F.evaluator([F.on(.stderr, F.notContains("Traceback"))])
        evaluator.feedLines("ok", .stdout)
        evaluator.feedLines("warming up\nTraceback (most recent call last):\n  File x\nTraceback again", .stderr)
        let result = evaluator.finish()
        let failure = try #require(result.failures.first)
        #expect(failure.matcher == "stderr: not_contains")
        #expect(failure.expected == "Traceback")
        #expect(failure.message == "line 2 of stderr contains \"Traceback\" (2 lines in all)")
        #expect(
            failure.lines == [
                NumberedLine(number: 2, text: "Traceback (most recent call last):"), NumberedLine(number: 4, text: "Traceback again"),
            ])
    }

    @Test func matchesPassesAndAnchorsAreTheLineEnds() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.matches("^[0-9a-f]{12}$"))])
        evaluator.feedLines("Unable to find image\n3f4e5d6c7b8a")
        #expect(evaluator.finish().passed)
    }

    @Test func matchesFailsWithTheLastLines() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.matches("^[0-9a-f]{12}$"))])
        evaluator.feedLines("x3f4e5d6c7b8a\n3f4e5d6c7b8a and more")
        let failure = try #require(evaluator.finish().failures.first)
        #expect(failure.matcher == "stdout: matches")
        #expect(failure.expected == "^[0-9a-f]{12}$")
        #expect(failure.message == "no line of stdout matches '^[0-9a-f]{12}$'")
        #expect(failure.lines.map(\.number) == [1, 2])
    }

    @Test func regexValuesAreEscaped() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.matches("^tag ${image}$"))], vars: ["image": "a.b+c"])
        evaluator.feed("tag aXb+c")
        #expect(!evaluator.finish().passed)
        let second = try F.evaluator([F.on(.stdout, F.matches("^tag ${image}$"))], vars: ["image": "a.b+c"])
        second.feed("tag a.b+c")
        #expect(second.finish().passed)
    }

    @Test func notMatchesFailsWithTheOffendingLine() throws {
        let evaluator = try F.evaluator([F.on(.output, F.notMatches("(?i)error"))])
        evaluator.feed("fine", .stdout)
        evaluator.feed("an ERROR happened", .stderr)
        let failure = try #require(evaluator.finish().failures.first)
        #expect(failure.matcher == "output: not_matches")
        #expect(failure.expected == "(?i)error")
        #expect(failure.message == "line 2 of output matches '(?i)error'")
        #expect(failure.lines == [NumberedLine(number: 2, text: "an ERROR happened")])
    }

    @Test func notMatchesPasses() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.notMatches("^Error"))])
        evaluator.feedLines("no Error at the start\nfine")
        #expect(evaluator.finish().passed)
    }

    @Test func equalsTrimsTrailingWhitespaceOnBothSides() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.equals("3f4e5d6c7b8a\n  \n"))])
        evaluator.feedLines("3f4e5d6c7b8a   \n\n\t")
        #expect(evaluator.finish().passed)
    }

    @Test func equalsWithSeveralLines() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.equals("a\n\nb"))])
        evaluator.feedLines("a\n\nb\n")
        #expect(evaluator.finish().passed)
    }

    @Test func equalsKeepsLeadingAndInnerWhitespace() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.equals("a\nb"))])
        evaluator.feedLines("a \nb")
        let failure = try #require(evaluator.finish().failures.first)
        #expect(failure.matcher == "stdout: equals")
        #expect(failure.expected == "a\nb")
        #expect(failure.message == "stdout differs from the expected text at line 1: expected \"a\"")
        #expect(failure.lines == [NumberedLine(number: 1, text: "a "), NumberedLine(number: 2, text: "b")])
    }

    @Test func equalsFailsOnTheFirstDivergingLine() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.equals("${host}"))], vars: ["host": "3f4e5d6c7b8a"])
        evaluator.feedLines("3f4e5d6c7b8b")
        let failure = try #require(evaluator.finish().failures.first)
        #expect(failure.expected == "3f4e5d6c7b8a")
        #expect(failure.message.contains("line 1"))
        #expect(failure.lines.first?.text == "3f4e5d6c7b8b")
    }

    @Test func equalsFailsWhenTheStreamEndsEarly() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.equals("one\ntwo"))])
        evaluator.feedLines("one")
        let failure = try #require(evaluator.finish().failures.first)
        #expect(failure.message == "stdout ended after line 1: expected \"two\"")
        #expect(failure.lines == [NumberedLine(number: 1, text: "one")])
    }

    @Test func equalsFailsOnExtraOutput() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.equals("one"))])
        evaluator.feedLines("one\n\nmore")
        let failure = try #require(evaluator.finish().failures.first)
        #expect(failure.message == "stdout goes on after the expected text, from line 3")
        #expect(failure.lines.first == NumberedLine(number: 3, text: "more"))
    }

    @Test func equalsOnAnEmptyStream() throws {
        let empty = try F.evaluator([F.on(.stderr, F.equals(""))])
        empty.feed("stdout does not count", .stdout)
        #expect(empty.finish().passed)
        let expectedText = try F.evaluator([F.on(.stderr, F.equals("x"))])
        #expect(expectedText.finish().failures.first?.message == "stderr is empty: expected \"x\"")
    }

    @Test func equalsKeepsMemoryBoundedOnHugeOutput() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.equals("hello"))], excerptLimit: 1024)
        evaluator.feed("hello")
        let line = [UInt8](repeating: UInt8(ascii: "x"), count: 999)
        for _ in 0..<10_000 { evaluator.feed(bytes: line) }  // 10 MB
        #expect(evaluator.storedBytes < 16 * 1024)
        let result = evaluator.finish()
        let failure = try #require(result.failures.first)
        #expect(failure.message == "stdout goes on after the expected text, from line 2")
        #expect(failure.lines.count == 3)
        #expect(result.excerpts.stdout.totalBytes == 6 + 10_000 * 1000)
    }

    @Test func equalsWithWhitespaceOnlyAfterHugeInput() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.equals("hello"))])
        evaluator.feed("hello")
        for _ in 0..<1000 { evaluator.feed("        ") }
        #expect(evaluator.finish().passed)
    }

    @Test func linesPassInOrderOnLaterLines() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.lines(["^Accuracy at step 0:", "^Accuracy at step 90:"]))])
        evaluator.feedLines("Accuracy at step 0: 0.1\nAccuracy at step 10: 0.5\nAccuracy at step 90: 0.9")
        #expect(evaluator.finish().passed)
    }

    @Test func linesNeedALaterLineForEachRegex() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.lines(["a", "a"]))])
        evaluator.feed("a a")
        #expect(!evaluator.finish().passed)
        let twice = try F.evaluator([F.on(.stdout, F.lines(["a", "a"]))])
        twice.feedLines("a\nb\na")
        #expect(twice.finish().passed)
    }

    @Test func linesFailWithTheRegexNotFoundAfterTheLastMatch() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.lines(["^Accuracy at step 0:", "^Accuracy at step 90:"]))])
        evaluator.feedLines("Accuracy at step 90: 0.9\nAccuracy at step 0: 0.1\nAccuracy at step 10: 0.5")
        let failure = try #require(evaluator.finish().failures.first)
        #expect(failure.matcher == "stdout: lines")
        #expect(failure.expected == "['^Accuracy at step 0:', '^Accuracy at step 90:']")
        #expect(failure.message == "no line of stdout after line 2 matches '^Accuracy at step 90:' (regex 2 of 2)")
        #expect(failure.lines.map(\.number) == [2, 1, 3])
    }

    @Test func linesAcrossInterleavedStreams() throws {
        let evaluator = try F.evaluator([F.on(.output, F.lines(["^first", "^second", "^third"]))])
        evaluator.feed("first", .stdout)
        evaluator.feed("second", .stderr)
        evaluator.feed("third", .stdout)
        #expect(evaluator.finish().passed)
        let stdoutOnly = try F.evaluator([F.on(.stdout, F.lines(["^first", "^second", "^third"]))])
        stdoutOnly.feed("first", .stdout)
        stdoutOnly.feed("second", .stderr)
        stdoutOnly.feed("third", .stdout)
        let failure = try #require(stdoutOnly.finish().failures.first)
        #expect(failure.message == "no line of stdout after line 1 matches '^second' (regex 2 of 3)")
    }

    @Test func countWithinRangePasses() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.count(#"^Accuracy at step \d+:"#, min: 10, max: 10))])
        for step in stride(from: 0, to: 100, by: 10) {
            evaluator.feed("Accuracy at step \(step): 0.\(step / 10)")
            evaluator.feed("loss \(step)")
        }
        #expect(evaluator.finish().passed)
    }

    @Test func countBelowMinimumFails() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.count(#"^Accuracy at step \d+:"#, min: 10, max: 10))])
        for step in 0..<7 { evaluator.feed("Accuracy at step \(step): 0.5") }
        evaluator.feed("Accuracy at step x: none")
        let failure = try #require(evaluator.finish().failures.first)
        #expect(failure.matcher == "stdout: count")
        #expect(failure.expected == #"exactly 10 lines matching '^Accuracy at step \d+:'"#)
        #expect(failure.message == #"7 lines of stdout match '^Accuracy at step \d+:'; expected at least 10"#)
        #expect(failure.lines.count == 5)
        #expect(failure.lines.first == NumberedLine(number: 1, text: "Accuracy at step 0: 0.5"))
    }

    @Test func countAboveMaximumFailsWithTheLineThatWentOver() throws {
        let evaluator = try F.evaluator([F.on(.stderr, F.count("warn", min: nil, max: 2))])
        evaluator.feedLines("warn 1\nwarn 2\nok\nwarn 3\nwarn 4", .stderr)
        let failure = try #require(evaluator.finish().failures.first)
        #expect(failure.expected == "at most 2 lines matching 'warn'")
        #expect(failure.message == "4 lines of stderr match 'warn'; expected at most 2")
        #expect(failure.lines.map(\.number) == [1, 2, 4, 5])
    }

    @Test func countOfZeroMatchesShowsTheLastLines() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.count("^x", min: 1, max: nil))])
        evaluator.feedLines("a\nb")
        let failure = try #require(evaluator.finish().failures.first)
        #expect(failure.message == "0 lines of stdout match '^x'; expected at least 1")
        #expect(failure.lines.map(\.text) == ["a", "b"])
    }
}
