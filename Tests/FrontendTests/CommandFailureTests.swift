import Testing
import Workflow

@testable import Frontend

/// The one error funnel: what `RunbookCommand.main()` prints of a failure, in one shape.
@Suite("Command failure")
struct CommandFailureTests {
    @Test("a problem without a place: runbook: error: MESSAGE")
    func usage() {
        let failure = CommandFailure.usage("no step named nope in workshop.yaml")
        #expect(failure.rendered == "runbook: error: no step named nope in workshop.yaml\n")
        #expect(failure.status == 2)
    }

    @Test("a problem at a place: FILE:LINE:COL: error: MESSAGE with the source line and a caret")
    func located() {
        let source = SourceFile(path: "roster.yaml", text: "learners:\n  - id: Bad\n")
        let problem = Diagnostic.error("a learner id is lowercase", at: SourceLocation(file: "roster.yaml", line: 2, column: 11))
        let failure = CommandFailure.diagnostics([problem], sources: [source], colored: false)
        #expect(failure.rendered == "roster.yaml:2:11: error: a learner id is lowercase\n  - id: Bad\n          ^\n")
        #expect(
            CommandFailure.located(SourceLocation(file: "--var", line: 1, column: 2), "no var x").rendered == "--var:1:2: error: no var x\n"
        )
        #expect(CommandFailure.located(nil, "no var x").rendered == "runbook: error: no var x\n")
    }

    @Test("diagnostics first, then the messages; control characters made visible; a status alone prints nothing")
    func order() {
        let failure = CommandFailure(
            diagnostics: [.error("bad", at: SourceLocation(file: "w.yaml", line: 1, column: 1))],
            messages: ["w.yaml: 1 error", "a\u{1B}b"],
            status: 2)
        #expect(failure.rendered == "w.yaml:1:1: error: bad\nrunbook: error: w.yaml: 1 error\nrunbook: error: a^[b\n")
        #expect(CommandFailure.status(1).rendered.isEmpty)
        #expect(CommandFailure.line(.warning, "full") == "runbook: warning: full\n")
    }
}
