#if canImport(Glibc)
    import Glibc
#endif

/// A descriptor that becomes readable when one child exits, without reaping it.
///
/// Leaving the exited leader as a zombie until the runner has signalled its group keeps the
/// group's id from being reused by an unrelated process in the meantime. The descriptor is a
/// pidfd where the C library has `pidfd_open` (glibc 2.36, Linux 5.3); otherwise a pipe that a
/// helper thread closes after a blocking `waitid(P_PID, pid, WEXITED | WNOWAIT)`. Neither
/// installs a SIGCHLD handler, and neither waits for any child but this one.
struct ExitWatcher {
    /// How the exit is noticed.
    enum Strategy: Sendable {
        /// A pidfd when available, else the helper thread.
        case automatic
        /// Always the helper thread (the fallback, exercised by tests).
        case waiterThread
    }

    /// The descriptor to poll for readability.
    private(set) var fd: Int32

    /// Starts watching `pid`, a child of this process.
    static func watch(_ pid: pid_t, strategy: Strategy) throws(LaunchError) -> ExitWatcher {
        if strategy == .automatic, let pidfdOpen = GlibcExtensions.pidfdOpen {
            let fd = pidfdOpen(pid, 0)
            if fd >= 0 { return ExitWatcher(fd: fd) }
        }
        var pipe = try FileDescriptorPipe.make()
        let writeEnd = pipe.writeEnd
        do throws(LaunchError) {
            try DetachedThread.start {
                var info = siginfo_t()
                while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0, errno == EINTR {}
                DescriptorControl.close(writeEnd)
            }
        } catch {
            pipe.close()
            throw error
        }
        return ExitWatcher(fd: pipe.readEnd)
    }

    /// Stops watching and closes the descriptor.
    mutating func close() {
        DescriptorControl.close(fd)
        fd = -1
    }
}
