import Foundation

/// Starts programs for the HTTP tests with posix_spawn (never Foundation's `Process`), output to
/// /dev/null, with an empty signal mask and default signal dispositions (the test process's
/// threads block signals that the child would otherwise inherit); the caller ends and reaps them.
enum SpawnedProgram {
    /// A spawn that could not happen.
    struct SpawnError: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts `program ARGUMENTS…`, looked up on PATH; returns its pid.
    static func start(_ program: String, _ arguments: [String]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = [program] + arguments
        let envp = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let status = withCStrings(argv) { argvPointers in
            withCStrings(envp) { envPointers in posix_spawnp(&pid, program, &actions, &attributes, argvPointers, envPointers) }
        }
        guard status == 0 else { throw SpawnError(description: "cannot start \(program): \(String(cString: strerror(status)))") }
        return pid
    }

    /// Runs `program ARGUMENTS…` to its end; returns its exit status (or 128 + signal).
    static func run(_ program: String, _ arguments: [String]) throws -> Int32 {
        wait(try start(program, arguments))
    }

    /// Waits for `pid` to end; returns its exit status, or 128 + the signal that killed it.
    @discardableResult
    static func wait(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            if errno != EINTR { return -1 }
        }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    private static func withCStrings<Result>(
        _ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> Result
    ) -> Result {
        var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
        pointers.append(nil)
        defer { pointers.forEach { free($0) } }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
