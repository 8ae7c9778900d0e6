/// Judges verify probes for `selftest`: each must fail before its step (unless `verify_before: pass`)
/// and pass after it (SPEC 1.4, 3).
public enum SelftestJudge {
    /// Why the probes, as run before their step, do not prove that they can fail; nil when they do.
    ///
    /// Every probe must fail on its own: one probe that passes before the step cannot tell a
    /// learner who skipped the step, even when another probe of the step fails. A probe that
    /// could not run (error, timeout) proved nothing. An interrupted probe is no defect.
    /// A guard probe (`guard: true`, at an index of `guards`) is a precondition, not required to fail (SPEC 6.11).
    public static func defectBefore(_ before: [ProbeResult], verifyBefore: VerifyBefore, guards: Set<Int> = []) -> String? {
        guard verifyBefore == .fail else { return nil }
        var problems: [String] = []
        for probe in before where !guards.contains(probe.index) {
            switch probe.status {
            case .failed, .interrupted, .skipped, .blocked:
                continue
            case .passed:
                problems.append(
                    "verify \(probe.index + 1) passed before the step ran, so it cannot tell a learner who skipped the step (add `verify_before: pass` if that state legitimately exists already)"
                )
            case .error, .timeout:
                problems.append(
                    "verify \(probe.index + 1) could not run before the step (\(probe.reason ?? probe.status.rawValue)), so it never showed that it can fail"
                )
            }
        }
        return problems.isEmpty ? nil : problems.joined(separator: "; ")
    }

    /// What the result of a step run by `selftest` proves about each of the step's probes.
    public static func proofs(of result: StepResult, step: Step) -> [ProbeProof] {
        if step.verifySelf { return [selfProof(of: result, step: step)] }
        return step.verify.indices.map { index in
            let beforeResult = result.verifyBefore.flatMap { $0.indices.contains(index) ? $0[index] : nil }
            let afterResult = result.verify.indices.contains(index) ? result.verify[index] : nil
            let before: ProbeProof.Before
            switch beforeResult?.status {
            case nil, .interrupted, .skipped, .blocked:
                before = .notRun
            case .some(let status) where step.verify[index].isGuard:
                before = .guarded(passed: status == .passed)
            case .passed:
                before = step.selftestVerifyBefore == .pass ? .exempt(passed: true) : .passed
            case .failed:
                before = step.selftestVerifyBefore == .pass ? .exempt(passed: false) : .failed
            case .error, .timeout:
                before = step.selftestVerifyBefore == .pass ? .exempt(passed: false) : .couldNotRun(beforeResult?.reason ?? "could not run")
            }
            let after: ProbeProof.After
            if let afterResult {
                after = afterResult.status == .passed ? .passed : .failed(afterResult.reason ?? afterResult.status.rawValue)
            } else {
                after = .notRun(notRunReason(result))
            }
            return ProbeProof(index: index, command: (afterResult ?? beforeResult)?.command?.display, before: before, after: after)
        }
    }

    /// A `verify: self` step is its own probe (SPEC 6.1): run once before the first step (it must
    /// fail then, unless `verify_before: pass`) and at its turn (it must pass).
    static func selfProof(of result: StepResult, step: Step) -> ProbeProof {
        let beforeResult = result.verifyBefore?.first
        let before: ProbeProof.Before
        switch beforeResult?.status {
        case nil, .interrupted, .skipped, .blocked: before = .notRun
        case .passed: before = step.selftestVerifyBefore == .pass ? .exempt(passed: true) : .passed
        case .failed: before = step.selftestVerifyBefore == .pass ? .exempt(passed: false) : .failed
        case .error, .timeout:
            before = step.selftestVerifyBefore == .pass ? .exempt(passed: false) : .couldNotRun(beforeResult?.reason ?? "could not run")
        }
        let after: ProbeProof.After
        switch result.status {
        case .passed: after = .passed
        case .failed, .timeout, .error: after = .failed(result.reason ?? result.status.rawValue)
        case .skipped, .blocked, .interrupted: after = .notRun(notRunReason(result))
        }
        return ProbeProof(index: 0, command: result.command?.display ?? beforeResult?.command?.display, before: before, after: after)
    }

    /// Why the probes did not run after the step.
    private static func notRunReason(_ result: StepResult) -> String {
        switch result.status {
        case .skipped: "the step was skipped" + (result.reason.map { ": \($0)" } ?? "")
        case .blocked: "the step was blocked" + (result.reason.map { ": \($0)" } ?? "")
        case .interrupted: "the step was interrupted"
        case .timeout: "the step timed out"
        case .error: "the step could not run" + (result.reason.map { ": \($0)" } ?? "")
        case .failed: "the step failed" + (result.reason.map { ": \($0)" } ?? "")
        case .passed: "the step passed but its probes did not run"
        }
    }
}
