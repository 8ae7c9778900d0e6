#if canImport(Glibc)
    import Glibc
#endif

/// Starts a child with `posix_spawn` in a new process group (or session), with its pipes or
/// terminal wired up, default signal handling and exactly the environment it was given.
///
/// No Swift code runs in the child: glibc's `posix_spawn` (clone with CLONE_VFORK) performs
/// setsid or setpgid, the signal mask and dispositions, the file actions and the exec itself.
enum ProcessLauncher {
    /// The pipe size asked for the child's stdout and stderr, so that a fast writer and the
    /// reader switch less often (an unprivileged process may ask up to /proc/sys/fs/pipe-max-size).
    static let pipeCapacity: Int32 = 1 << 20

    /// Starts the child described by `spec`.
    static func launch(_ spec: ProcessSpec) throws(LaunchError) -> LaunchedProcess {
        try ExecutableResolver.checkWorkingDirectory(spec.workingDirectory)
        let path = try ExecutableResolver.resolve(
            spec.executable,
            path: spec.environment["PATH"],
            workingDirectory: spec.workingDirectory
        )
        guard let addChdir = GlibcExtensions.addChdir else {
            throw .resource(what: "a child in another directory (glibc 2.29 or later is needed)", errno: ENOSYS)
        }
        let argv = try CStringArray([spec.executable] + spec.arguments, describing: "an argument")
        let envp = try CStringArray(
            spec.environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" },
            describing: "the environment"
        )

        let actions = UnsafeMutablePointer<posix_spawn_file_actions_t>.allocate(capacity: 1)
        let attributes = UnsafeMutablePointer<posix_spawnattr_t>.allocate(capacity: 1)
        guard posix_spawn_file_actions_init(actions) == 0 else {
            actions.deallocate()
            attributes.deallocate()
            throw .resource(what: "spawn file actions", errno: errno)
        }
        guard posix_spawnattr_init(attributes) == 0 else {
            posix_spawn_file_actions_destroy(actions)
            actions.deallocate()
            attributes.deallocate()
            throw .resource(what: "spawn attributes", errno: errno)
        }
        defer {
            posix_spawn_file_actions_destroy(actions)
            posix_spawnattr_destroy(attributes)
            actions.deallocate()
            attributes.deallocate()
        }

        var wiring = try ChildWiring(spec: spec)
        do throws(LaunchError) {
            try wiring.addActions(to: actions)
            try check(addChdir(actions, spec.workingDirectory), "spawn file actions (chdir)")
            if let addClosefrom = GlibcExtensions.addClosefrom {
                try check(addClosefrom(actions, 3), "spawn file actions (closefrom)")
            }
            try configure(attributes, newSession: spec.terminal)

            var pid: pid_t = 0
            var rc = posix_spawn(&pid, path, actions, attributes, argv.pointers, envp.pointers)
            var delay: UInt32 = 1000
            while rc == ETXTBSY && delay <= 512_000 {
                // The file was just written, and a child that another thread of this process is
                // spawning at this moment holds a copy of the writer's descriptor until its exec
                // (a race all fork/exec runners share, e.g. a test writing a stub script): retry
                // for about a second in all, as a loaded 2-core machine can hold that copy for
                // longer than a hundred milliseconds.
                usleep(delay)
                delay *= 2
                rc = posix_spawn(&pid, path, actions, attributes, argv.pointers, envp.pointers)
            }
            guard rc == 0 else {
                throw LaunchError.spawnFailed(executable: spec.executable.contains("/") ? path : spec.executable, errno: rc)
            }
            wiring.closeChildEnds()
            return wiring.launched(pid: pid, input: spec.standardInput)
        } catch {
            wiring.closeAll()
            throw error
        }
    }

    /// Sets the flags: new group or session, an empty signal mask and default dispositions for
    /// every signal (the runner's own ignored SIGPIPE must not reach the child).
    private static func configure(_ attributes: UnsafeMutablePointer<posix_spawnattr_t>, newSession: Bool) throws(LaunchError) {
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        try check(posix_spawnattr_setsigmask(attributes, &noSignals), "spawn attributes (sigmask)")
        try check(posix_spawnattr_setsigdefault(attributes, &allSignals), "spawn attributes (sigdefault)")
        var flags = Int32(POSIX_SPAWN_SETSIGMASK) | Int32(POSIX_SPAWN_SETSIGDEF)
        if newSession {
            flags |= GlibcExtensions.spawnSetSession
        } else {
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
            try check(posix_spawnattr_setpgroup(attributes, 0), "spawn attributes (pgroup)")
        }
        try check(posix_spawnattr_setflags(attributes, Int16(flags)), "spawn attributes (flags)")
    }

    /// Turns a nonzero return code of a posix_spawn setup call into an error.
    private static func check(_ rc: Int32, _ what: String) throws(LaunchError) {
        guard rc == 0 else { throw .resource(what: what, errno: rc) }
    }
}
