#if canImport(Glibc)
    import Glibc
#endif

/// The descriptors made for one child: pipes for its standard streams, or one pseudo-terminal.
///
/// The runner's ends are made non-blocking before the spawn; the child's ends are closed in the
/// runner right after it.
struct ChildWiring {
    /// The terminal, when the child runs under one.
    private var terminal: PseudoTerminal?
    /// The pipe for standard input text.
    private var input: FileDescriptorPipe?
    /// The child's stdout pipe.
    private var output: FileDescriptorPipe?
    /// The child's stderr pipe.
    private var error: FileDescriptorPipe?

    /// Makes the descriptors `spec` needs.
    init(spec: ProcessSpec) throws(LaunchError) {
        do throws(LaunchError) {
            if spec.terminal {
                terminal = try PseudoTerminal.open()
                try DescriptorControl.setNonBlocking(terminal!.master)
            } else {
                if case .text = spec.standardInput {
                    input = try FileDescriptorPipe.make()
                    try DescriptorControl.setNonBlocking(input!.writeEnd)
                }
                output = try FileDescriptorPipe.make()
                try DescriptorControl.setNonBlocking(output!.readEnd)
                _ = fcntl(output!.readEnd, GlibcExtensions.setPipeSize, ProcessLauncher.pipeCapacity)
                if !spec.mergesStreams {
                    error = try FileDescriptorPipe.make()
                    try DescriptorControl.setNonBlocking(error!.readEnd)
                }
            }
        } catch {
            closeAll()
            throw error
        }
    }

    /// Adds the dup2/open actions that put the child's ends on descriptors 0, 1 and 2.
    ///
    /// Under a terminal the child opens the slave by path: glibc runs file actions after
    /// `setsid`, so that open makes it the new session's controlling terminal.
    func addActions(to actions: UnsafeMutablePointer<posix_spawn_file_actions_t>) throws(LaunchError) {
        if let terminal {
            try check(posix_spawn_file_actions_addopen(actions, 0, terminal.slavePath, O_RDWR, 0))
            try check(posix_spawn_file_actions_adddup2(actions, 0, 1))
            try check(posix_spawn_file_actions_adddup2(actions, 0, 2))
            return
        }
        if let input {
            try check(posix_spawn_file_actions_adddup2(actions, input.readEnd, 0))
        } else {
            try check(posix_spawn_file_actions_addopen(actions, 0, "/dev/null", O_RDONLY, 0))
        }
        if let output { try check(posix_spawn_file_actions_adddup2(actions, output.writeEnd, 1)) }
        if let error {
            try check(posix_spawn_file_actions_adddup2(actions, error.writeEnd, 2))
        } else if let output {
            // Merged streams: both on the one pipe, in the order the program writes them.
            try check(posix_spawn_file_actions_adddup2(actions, output.writeEnd, 2))
        }
    }

    /// Closes the runner's copies of the child's ends.
    mutating func closeChildEnds() {
        terminal?.closeSlave()
        if input != nil { DescriptorControl.close(input!.readEnd); input!.readEnd = -1 }
        if output != nil { DescriptorControl.close(output!.writeEnd); output!.writeEnd = -1 }
        if error != nil { DescriptorControl.close(error!.writeEnd); error!.writeEnd = -1 }
    }

    /// Closes everything (when the spawn failed).
    mutating func closeAll() {
        terminal?.close()
        input?.close()
        output?.close()
        error?.close()
    }

    /// Hands the runner's ends over to a `LaunchedProcess`, which owns them from then on.
    func launched(pid: pid_t, input text: StandardInput) -> LaunchedProcess {
        var bytes: [UInt8] = []
        if case .text(let string) = text { bytes = Array(string.utf8) }
        if let terminal {
            return LaunchedProcess(
                pid: pid,
                outputs: [(terminal.master, .stdout)],
                inputFD: bytes.isEmpty ? -1 : terminal.master,
                inputIsTerminal: true,
                inputBytes: bytes
            )
        }
        var outputs: [(fd: Int32, stream: OutputStreamKind)] = []
        if let output { outputs.append((output.readEnd, .stdout)) }
        if let error { outputs.append((error.readEnd, .stderr)) }
        return LaunchedProcess(
            pid: pid,
            outputs: outputs,
            inputFD: input?.writeEnd ?? -1,
            inputIsTerminal: false,
            inputBytes: bytes
        )
    }

    /// Turns a nonzero return code of a file-action call into an error.
    private func check(_ rc: Int32) throws(LaunchError) {
        guard rc == 0 else { throw .resource(what: "spawn file actions", errno: rc) }
    }
}
