import Foundation
import Workflow

@testable import Guide

/// A small runbook for the guide's unit tests, loaded with Workflow's own kinds.
enum GuideFixture {
    /// Four steps: `hello` captures `greeting`, `make-file`, `broken`, `last`.
    static let runbook: Runbook = {
        let text = """
            runbook: 1
            steps:
              - id: hello
                exec: [echo, hi]
                capture: { greeting: { from: stdout, regex: '^(.*)$' } }
              - id: make-file
                exec: [touch, marker]
                expect: { exit: 0 }
              - id: broken
                sh: exit 3
              - id: last
                exec: [echo, "${greeting}"]
            """
        return RunbookLoader(registry: .core).load(bytes: Array(text.utf8), path: "/work/guide.yaml").runbook!
    }()

    /// A result of `step` with `status`.
    static func result(_ step: String, _ status: StepStatus, reason: String? = nil) -> StepResult {
        StepResult(learner: "local", step: step, status: status, reason: reason)
    }

    /// An empty state of learner `local` for the fixture.
    static func state() -> GuideState {
        GuideState(runbook: .init(path: "/work/guide.yaml", title: nil, sha256: runbook.sha256), learner: "local")
    }
}
