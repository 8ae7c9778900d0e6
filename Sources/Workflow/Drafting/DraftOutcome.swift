/// What a drafter made of a typed command of one of its programs.
public enum DraftOutcome: Sendable, Hashable {
    /// A command of the drafter's kind.
    case drafted(DraftedCommand)
    /// The line is the program's, but written with shell syntax (a pipe, a redirection, `$(…)`):
    /// it becomes an `sh:` step, with this remark.
    case needsShell(remark: String)
}
