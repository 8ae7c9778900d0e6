/// A child that `ProcessLauncher` started, with the runner's ends of its descriptors.
///
/// The supervisor owns and closes every descriptor in it.
struct LaunchedProcess {
    /// The child's pid, which is also its process group's (and, under a terminal, its session's) id.
    var pid: Int32
    /// The descriptors to read, each with the stream its lines belong to (non-blocking).
    var outputs: [(fd: Int32, stream: OutputStreamKind)]
    /// Where the standard input text goes (non-blocking): the pipe's write end, or the terminal's
    /// master; -1 when there is nothing to write.
    var inputFD: Int32
    /// Whether `inputFD` is the terminal master (which `outputs` also holds and which must not
    /// be closed when the input is done).
    var inputIsTerminal: Bool
    /// The standard input text still to write.
    var inputBytes: [UInt8]
}
