import Workflow

/// A tutorial's command as a draft step's command: its key and text, and what was guessed.
struct ClassifiedCommand: Sendable {
    /// `docker`, `nvidia-docker` or `sh`.
    var key: DraftCommandKey
    /// The text after the key: docker's arguments (vars as `${…}`), or the script.
    var command: String
    /// The words runbook will split the command into (docker: after the binary).
    var words: [String]
    /// Whether it needs a terminal.
    var tty: Bool
    /// A condition, e.g. `gpu`.
    var when: String?
    /// `# drafted:` remarks.
    var notes: [String]
    /// The vars the command uses.
    var variables: [DraftVariable]
}
