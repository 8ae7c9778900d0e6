import Workflow

/// A step of a drafted runbook, before it is written as YAML.
struct DraftStep: Sendable {
    /// The id, unique in the draft.
    var id: String
    /// The title (a template: `$` escaped where it is not a var).
    var title: String?
    /// The `say:` Markdown (a template).
    var say: String?
    /// The hint (a template).
    var hint: String?
    /// The command.
    var command: DraftedCommand
    /// The working folder.
    var cwd: String?
    /// Text for the command's standard input.
    var stdin: String?
    /// Expectations of the output (all on `output:`).
    var matchers: [DraftMatcher]
    /// `# drafted:` remarks on where the step came from, before the command's own.
    var origin: [String]
    /// `# drafted:` remarks about the step as a whole, after the command's own (its output, its vars).
    var notes: [String]
    /// The command's line in the tutorial.
    var line: Int
    /// `background: true` with `finish_on_match: true`: a server that runs in the foreground, judged on its ready line.
    var background = false
    /// `status:` of an `http:` step, when the text shows the status line.
    var status: Int?
    /// `exit:` when the text shows the command failing (`nonzero`).
    var exit: String?
    /// Why the step does not validate, when it does not: it is written as a comment.
    var invalid: [String]?
    /// The exit status it really ended with (a recording): `exit:` when not 0.
    var exitStatus: Int32? = nil
    /// `capture:` entries: name and regex on stdout (a recording's printed id used later).
    var captures: [(name: String, regex: String)] = []
    /// Verify probes of the state it leaves (a recording).
    var probes: [DraftedProbe] = []
    /// `retry: { for: … }` when it may need to wait for something to be ready (a recording).
    var retryFor: String? = nil
}
