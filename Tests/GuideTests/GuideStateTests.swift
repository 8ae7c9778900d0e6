import Foundation
import Testing
import Workflow

@testable import Guide

/// What the guide decides from a learner's saved progress: which steps are done, where it resumes.
@Suite("Guide state")
struct GuideStateTests {
    let steps = GuideFixture.runbook.steps

    @Test("a fresh learner resumes at the first step")
    func freshStart() {
        let state = GuideFixture.state()
        #expect(state.firstNotDone(in: steps) == 0)
        #expect(state.doneCount(in: steps) == 0)
    }

    @Test("passed steps are done only with every capture they make still known")
    func passedNeedsItsCaptures() {
        var state = GuideFixture.state()
        state.record(GuideFixture.result("hello", .passed))
        #expect(!state.isDone(steps[0]), "hello captures greeting, which is not known")
        state.captures["greeting"] = "hi"
        #expect(state.isDone(steps[0]))
        state.record(GuideFixture.result("make-file", .passed))
        #expect(state.firstNotDone(in: steps) == 2)
        #expect(state.doneCount(in: steps) == 2)
    }

    @Test("a step the runbook skipped is done; one the learner skipped or did not select is not")
    func skips() {
        var state = GuideFixture.state()
        state.record(GuideFixture.result("hello", .skipped, reason: "no NVIDIA runtime on this engine"))
        #expect(state.isDone(steps[0]))
        state.record(GuideFixture.result("hello", .skipped, reason: GuideState.learnerSkipReason))
        #expect(!state.isDone(steps[0]))
        state.record(GuideFixture.result("hello", .skipped, reason: "not selected"))
        #expect(!state.isDone(steps[0]))
    }

    @Test("failures are never done; every step done resumes nowhere")
    func failuresAndAllDone() {
        var state = GuideFixture.state()
        state.captures["greeting"] = "hi"
        for status in [StepStatus.failed, .timeout, .error, .blocked, .interrupted] {
            state.record(GuideFixture.result("broken", status))
            #expect(!state.isDone(steps[2]), "\(status)")
        }
        for step in steps { state.record(GuideFixture.result(step.id, .passed)) }
        #expect(state.firstNotDone(in: steps) == nil)
    }

    @Test("a result kept between sessions loses its output excerpts when it passed")
    func excerptsOfPassedSteps() {
        var state = GuideFixture.state()
        var result = GuideFixture.result("make-file", .passed)
        result.excerpts = OutputExcerpts()
        state.record(result)
        #expect(state.results["make-file"]?.excerpts == nil)
        var failed = GuideFixture.result("broken", .failed)
        failed.excerpts = OutputExcerpts()
        state.record(failed)
        #expect(state.results["broken"]?.excerpts != nil)
    }

    @Test("when the runbook changed, only the results and captures of steps it still has are carried over")
    func carryOver() {
        var state = GuideFixture.state()
        state.record(GuideFixture.result("gone", .passed))
        state.record(GuideFixture.result("hello", .passed))
        state.captures = ["greeting": "hi", "old": "x"]
        state.carry(over: GuideFixture.runbook)
        #expect(Set(state.results.keys) == ["hello"])
        #expect(state.captures == ["greeting": "hi"])
    }
}
