/// Background steps and the steps that stop them (SPEC 6.11).
extension RunbookValidator {
    /// Every `stop: ID` names an earlier step with `background: true` (a missing or later ID is
    /// reported once, as the need it implies).
    mutating func checkStopTargets(_ runbook: Runbook, findings: DecodeFindings) {
        for (target, location) in findings.stopTargets {
            guard let step = runbook.step(target) else { continue }
            if !step.background {
                error("stop: '\(target)' is not a background step; give it `background: true`, or remove this step", at: location)
            }
        }
    }
}
