import Foundation
import Testing

@testable import Workflow

/// Timings (SPEC 11.3): median and p90 by nearest rank, one learner's time from the step shown or
/// started to its first pass, idle stretches of more than 10 minutes left out (a running step is
/// never idle), and the JSON that docs and serve read back.
@Suite("Timings")
struct TimingsTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)
    static func at(_ seconds: Double) -> Date { t0.addingTimeInterval(seconds) }
    /// Whether `value` is `expected` to a millisecond (dates far from 1970 are not exact in seconds).
    static func close(_ value: Double?, _ expected: Double) -> Bool { value.map { abs($0 - expected) < 0.001 } ?? false }

    @Test func medianAndNearestRankP90() {
        #expect(StepTiming.median([]) == nil && StepTiming.percentile(90, of: []) == nil)
        #expect(StepTiming.median([5]) == 5 && StepTiming.percentile(90, of: [5]) == 5)
        #expect(StepTiming.median([1, 3]) == 2 && StepTiming.percentile(90, of: [1, 3]) == 3)
        #expect(StepTiming.median([1, 2, 9]) == 2 && StepTiming.percentile(90, of: [1, 2, 9]) == 9)
        let ten = (1...10).map(Double.init)
        #expect(StepTiming.median(ten) == 5.5 && StepTiming.percentile(90, of: ten) == 9)
        let eleven = (1...11).map(Double.init)
        #expect(StepTiming.percentile(90, of: eleven) == 10, "rank ⌈0.9·11⌉ = 10")
        let timing = StepTiming(step: "a", seconds: [30, 10, 20])
        #expect(timing == StepTiming(step: "a", n: 3, medianSeconds: 20, p90Seconds: 30))
        #expect(StepTiming(step: "b", n: 4, medianSeconds: 89, p90Seconds: 100).aboutMinutes == 1)
        #expect(StepTiming(step: "b", n: 4, medianSeconds: 90, p90Seconds: 100).aboutMinutes == 2)
        #expect(StepTiming(step: "b", n: 4, medianSeconds: 5, p90Seconds: 9).aboutMinutes == 1, "at least 1")
        #expect(StepTiming(step: "b", n: 0, medianSeconds: nil, p90Seconds: nil).aboutMinutes == nil)
    }

    @Test func fromShownToFirstPass() {
        var learner = LearnerActivity()
        learner.note(Self.at(0))
        learner.started("a", at: Self.at(10))
        learner.result("a", passed: false, start: Self.at(20), end: Self.at(25))
        learner.result("a", passed: true, start: Self.at(100), end: Self.at(130))
        learner.result("a", passed: true, start: Self.at(200), end: Self.at(210))
        learner.started("a", at: Self.at(300))
        #expect(Self.close(learner.seconds(on: "a"), 120), "the first start, the first pass")
        #expect(learner.seconds(on: "b") == nil, "never passed")
        var old = LearnerActivity()
        old.result("a", passed: true, start: Self.at(0), end: Self.at(42))
        #expect(Self.close(old.seconds(on: "a"), 42), "a journal without start records: the passing result's own start")
    }

    @Test func idleStretchesOverTenMinutesAreLeftOut() {
        var learner = LearnerActivity()
        learner.started("a", at: Self.at(0))
        learner.note(Self.at(60))  // the guide quit
        learner.note(Self.at(60 + 1800))  // the next session, 30 minutes later
        learner.result("a", passed: true, start: Self.at(1900), end: Self.at(1920))
        #expect(Self.close(learner.seconds(on: "a"), 1920 - 1800))
        var short = LearnerActivity()
        short.started("a", at: Self.at(0))
        short.note(Self.at(590))
        short.result("a", passed: true, start: Self.at(1100), end: Self.at(1150))
        #expect(Self.close(short.seconds(on: "a"), 1150), "gaps of 10 minutes or less count")
        var training = LearnerActivity()
        training.started("a", at: Self.at(0))
        training.result("a", passed: true, start: Self.at(30), end: Self.at(30 + 1500))
        #expect(Self.close(training.seconds(on: "a"), 1530), "a step running for 25 minutes is not idle")
    }

    @Test func theJSONIsTheSpecsArrayInStepOrderAndReadsBack() throws {
        let steps = [RunHeader.StepInfo(id: "z-first", title: nil, hint: nil), RunHeader.StepInfo(id: "a-second", title: "T", hint: nil)]
        let timings = [StepTiming(step: "z-first", seconds: [61.24, 100]), StepTiming(step: "a-second", seconds: [])]
        let json = try TimingsRenderer(runbook: nil, steps: steps, timings: timings, learnerCount: 2).render(.json)
        #expect(
            json == """
                [
                  {"step": "z-first", "n": 2, "medianSeconds": 80.6, "p90Seconds": 100},
                  {"step": "a-second", "n": 0, "medianSeconds": null, "p90Seconds": null}
                ]

                """)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("timings-\(UUID().uuidString.prefix(8)).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try json.write(to: file, atomically: true, encoding: .utf8)
        let back = try TimingsFile.load(path: file.path)
        #expect(back["z-first"] == StepTiming(step: "z-first", n: 2, medianSeconds: 80.6, p90Seconds: 100))
        #expect(back["a-second"]?.medianSeconds == nil)
        let renderer = TimingsRenderer(runbook: nil, steps: steps, timings: timings, learnerCount: 2)
        #expect(throws: ResultsLoadError.self) { try renderer.render(.tap) }
        try "{\"step\": 1}".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: ResultsLoadError.self) { try TimingsFile.load(path: file.path) }
    }
}
