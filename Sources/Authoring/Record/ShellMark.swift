/// An OSC 133 mark ("semantic prompt" sequence) that a shell's hooks print around each command.
public enum ShellMark: Sendable, Hashable {
    /// `133;A`: a prompt starts.
    case prompt
    /// `133;B`: the prompt ends, the command line starts.
    case commandStart
    /// `133;C[;key=value…]`: the command runs, its output starts; the parameters carry what the
    /// hooks know (`cmdline_url`, `cwd_url`, `pid`).
    case outputStart(parameters: [String: String])
    /// `133;D[;EXIT][;key=value…]`: the command ended with that exit status.
    case commandEnd(status: Int32?, parameters: [String: String])
}
