#if canImport(Glibc)
    import Glibc
#endif

/// Small operations on raw file descriptors that the launcher and the supervisor share.
enum DescriptorControl {
    /// Closes `fd`, retrying nothing: on Linux the descriptor is gone even when close reports EINTR.
    static func close(_ fd: Int32) {
        if fd >= 0 { _ = Glibc.close(fd) }
    }

    /// Sets `O_NONBLOCK` on this descriptor's open file description.
    static func setNonBlocking(_ fd: Int32) throws(LaunchError) {
        let flags = fcntl(fd, F_GETFL)
        guard flags >= 0, fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0 else {
            throw .resource(what: "a non-blocking descriptor", errno: errno)
        }
    }

    /// Sets `FD_CLOEXEC` (for descriptors that a C call made without it).
    static func setCloseOnExec(_ fd: Int32) throws(LaunchError) {
        let flags = fcntl(fd, F_GETFD)
        guard flags >= 0, fcntl(fd, F_SETFD, flags | FD_CLOEXEC) == 0 else {
            throw .resource(what: "a close-on-exec descriptor", errno: errno)
        }
    }

    /// Returns a close-on-exec descriptor numbered 3 or above for `fd`, closing `fd` if it moved
    /// (on failure `fd` stays open and the caller still owns it).
    ///
    /// This keeps the spawn's dup2 actions onto 0, 1 and 2 from clobbering one another when the
    /// runner itself was started with a standard descriptor closed.
    static func aboveStandardDescriptors(_ fd: Int32) throws(LaunchError) -> Int32 {
        guard fd < 3 else { return fd }
        let moved = fcntl(fd, F_DUPFD_CLOEXEC, 3)
        guard moved >= 0 else { throw .resource(what: "a descriptor", errno: errno) }
        close(fd)
        return moved
    }
}
