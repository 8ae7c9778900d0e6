/// How `check` turns what a step's probes found now, and what the learner's journals say, into the
/// step's status (SPEC 6.11): evidence first, then the probes; "done, since undone"; absence-only
/// probes judged with their needs; a failing guard is "can't tell".
struct CheckVerdict {
    /// The step judged.
    let step: Step
    /// Where a journal recorded the learner's pass (`guide`, `run`, `check`), nil when none did.
    let journal: String?

    /// The reason of a step that nothing shows done, whose probes only see something absent.
    static let cannotTell = "can't tell: its checks only see that something is absent, and no journal or needed step shows it was done"

    /// Whether the step's checks only assert absence (`exists: false`, or only `not_contains`,
    /// `not_matches` and `count` with `max: 0`), so that they also hold for a learner who did nothing.
    /// Guards count: one that asserts presence is what makes an absence mean something.
    static func assertsAbsenceOnly(_ step: Step) -> Bool {
        let expectations = step.verifySelf ? [step.expect] : step.verify.map(\.expect)
        return !expectations.isEmpty && expectations.allSatisfy(assertsAbsenceOnly)
    }

    /// Whether one expectation only asserts absence.
    static func assertsAbsenceOnly(_ expect: Expectation) -> Bool {
        if expect.exists == false { return true }
        guard !expect.streams.isEmpty, expect.values.isEmpty, expect.status == nil, expect.size == nil, expect.mode == nil else {
            return false
        }
        return expect.streams.allSatisfy { stream in
            switch stream.matcher {
            case .notContains, .notMatches: true
            case .count(_, let min, let max): (min ?? 0) == 0 && max == 0
            default: false
            }
        }
    }

    /// Whether a step that `step` needs passed in this check (by its journal or its probes); an
    /// `environment: true` step is a fact of the machine, not the learner's work, and does not count.
    static func needPassed(_ step: Step, previous: [String: StepResult]) -> Bool {
        step.needs.contains { need in
            guard let result = previous[need] else { return false }
            return result.status == .passed && result.environment != true
        }
    }

    /// The verdict on `result`, the step judged by its probes (or its own command with `verify: self`) now.
    func judge(_ result: StepResult, previous: [String: StepResult], failedGuard: ProbeResult?) -> StepResult {
        var verdict = result
        if let journal { verdict.evidence = journal }
        if let failedGuard {
            // The precondition does not hold: the probes cannot say whether the step was done.
            guard journal != nil else {
                let why = failedGuard.reason ?? "not met"
                return Self.skipped(result, reason: "can't tell: guard verify \(failedGuard.index + 1) fails (\(why))")
            }
            verdict.status = .passed
            verdict.reason = nil
            return verdict
        }
        switch result.status {
        case .passed:
            if journal == nil, Self.assertsAbsenceOnly(step), !Self.needPassed(step, previous: previous) {
                return Self.skipped(result, reason: Self.cannotTell)
            }
        case .failed, .timeout:
            guard let journal else { return verdict }
            // Done in the learner's own session, and the state it left is gone now.
            verdict.status = .passed
            verdict.undone = true
            verdict.reason = "done (\(journal)), since undone: " + (result.reason ?? result.status.rawValue)
        case .error, .interrupted, .blocked, .skipped:
            break
        }
        return verdict
    }

    /// `result` as `skipped` with `reason`, its probes' results kept.
    static func skipped(_ result: StepResult, reason: String) -> StepResult {
        var skipped = result
        skipped.status = .skipped
        skipped.reason = reason
        return skipped
    }
}
