import Foundation

/// Starts programs for the tests with posix_spawn and waits for them with waitpid, never through
/// Foundation's `Process` (whose waitUntilExit can spin forever once a child leaves a daemon behind).
enum ChildProcess {
    /// A spawn that could not happen.
    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts `program ARGUMENTS…` (looked up on PATH) in `directory`, stdin from /dev/null, stdout and
    /// stderr appended to the given files; returns the pid.
    static func spawn(
        _ program: String, _ arguments: [String], in directory: URL, environment: [String: String], stdout: URL, stderr: URL
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout.path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr.path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        // The working directory is set by a shell, so that no glibc extension is needed.
        let argv = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory.path, program] + arguments
        let envp = environment.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let status = withCStrings(argv) { argvPointers in
            withCStrings(envp) { envPointers in
                posix_spawn(&pid, "/bin/sh", &actions, nil, argvPointers, envPointers)
            }
        }
        guard status == 0 else { throw SpawnError(description: "cannot start \(program): \(String(cString: strerror(status)))") }
        return pid
    }

    /// Runs `program ARGUMENTS…` (a path) to the end, output discarded; returns its exit status.
    static func run(_ program: String, _ arguments: [String]) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor in Int32(0)...2 { posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", O_RDWR, 0) }
        var pid: pid_t = 0
        let status = withCStrings([program] + arguments) { argv in
            withCStrings(ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }) { envp in
                posix_spawn(&pid, program, &actions, nil, argv, envp)
            }
        }
        guard status == 0 else { throw SpawnError(description: "cannot start \(program): \(String(cString: strerror(status)))") }
        return wait(pid)
    }

    /// Waits for `pid` to end; returns its exit status, or 128 + the signal that killed it.
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            if errno != EINTR { return -1 }
        }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    private static func withCStrings<Result>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> Result) -> Result {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { pointers.forEach { free($0) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
