/// Why a command that journals ended (SPEC 7.1): the last record of a learner's journal says it,
/// so that the class board tells a learner who left from one who is still working.
public enum RunEnding: String, Sendable, Codable, CaseIterable {
    /// It went through to its end (every step of a run; the last step of a guide).
    case finished
    /// The learner quit the guide (`q`).
    case quit
    /// Ctrl-C, SIGTERM, SIGHUP, or the terminal went away.
    case interrupted
}
