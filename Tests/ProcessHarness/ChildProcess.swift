import Foundation
import Synchronization

/// A program started for a test or a benchmark with posix_spawn (never Foundation's `Process`,
/// whose waitUntilExit can spin forever once a child leaves a daemon behind), with an empty signal
/// mask and default signal dispositions (the test process's threads block signals that the child
/// would otherwise inherit).
///
/// Waiting never blocks Swift's cooperative pool: `exitStatus()` parks the caller and waits for
/// the child on a thread of its own. On a 2-core machine the pool has 2 threads, and a helper that
/// called waitpid on one of them starved every other async test of the process.
public final class ChildProcess: Sendable {
    /// Where a standard stream of the child goes.
    public enum Redirect: Sendable {
        /// /dev/null.
        case null
        /// A file, created if needed; appended to, or truncated first.
        case file(String, append: Bool = true)
    }

    /// A spawn that could not happen.
    public struct SpawnError: Error, CustomStringConvertible {
        /// What went wrong.
        public var description: String
    }

    /// The child's process id.
    public let pid: pid_t
    private let waiter = Mutex<Task<Int32, Never>?>(nil)

    /// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34), looked up at run time: Swift's Glibc module does not declare it.
    private static let addCloseFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32)? =
        dlsym(nil, "posix_spawn_file_actions_addclosefrom_np").map {
            unsafeBitCast($0, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32).self)
        }

    private init(pid: pid_t) {
        self.pid = pid
    }

    /// Starts `program ARGUMENTS…` (looked up on PATH) in `directory` (by default this process's),
    /// with `environment` (by default this process's) and the standard streams redirected.
    public static func spawn(
        _ program: String, _ arguments: [String], in directory: String? = nil, environment: [String: String]? = nil,
        stdin: Redirect = .null, stdout: Redirect = .null, stderr: Redirect = .null
    ) throws(SpawnError) -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (descriptor, redirect) in [(Int32(0), stdin), (1, stdout), (2, stderr)] {
            switch redirect {
            case .null:
                posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
            case .file(let path, let append):
                let flags = descriptor == 0 ? O_RDONLY : O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC)
                posix_spawn_file_actions_addopen(&actions, descriptor, path, flags, 0o644)
            }
        }
        // Nothing else of the test process reaches the child: a descriptor another test has open for
        // writing (a stub script being copied; Foundation does not always set close-on-exec) would
        // stay open in a long-lived child and make that script "Text file busy" for as long as it runs.
        if let closeFrom = Self.addCloseFrom { _ = closeFrom(&actions, 3) }
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
        // A working directory is set by a shell, so that no glibc extension is needed.
        let argv = directory.map { ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", $0, program] + arguments } ?? [program] + arguments
        let envp = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        var pid: pid_t = 0
        let status = withCStrings(argv) { argvPointers in
            withCStrings(envp) { envPointers in posix_spawnp(&pid, argv[0], &actions, &attributes, argvPointers, envPointers) }
        }
        guard status == 0 else { throw SpawnError(description: "cannot start \(program): \(String(cString: strerror(status)))") }
        return ChildProcess(pid: pid)
    }

    /// Waits for the end (on a thread of its own) and reaps the child; its exit status, or 128 + the
    /// signal that killed it. Every call gives the same status.
    public func exitStatus() async -> Int32 {
        let task = waiter.withLock { current in
            if let current { return current }
            let pid = pid
            let started = Task { await Self.waitOnThread(pid) }
            current = started
            return started
        }
        return await task.value
    }

    /// Waits for the end on the calling thread and reaps the child: only for a one-time check that
    /// cannot be async (a test trait's condition), never inside a test; `exitStatus()` is the wait.
    public func exitStatusBlocking() -> Int32 {
        Self.blockingWait(pid)
    }

    /// Reaps the child on a thread of its own once it ends, without waiting for it (for `defer`).
    public func reapInBackground() {
        Task { _ = await exitStatus() }
    }

    /// Sends `signal` to the child.
    public func signal(_ signal: Int32) {
        kill(pid, signal)
    }

    /// Whether the child has not ended yet (a zombie waiting to be reaped counts as ended).
    public var isRunning: Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8), let close = stat.lastIndex(of: ")") else {
            return false
        }
        return !stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    /// Runs `program ARGUMENTS…` to its end, its output through files (no pipe can fill up, no
    /// grandchild can hold one open); with `mergeOutput`, stderr is in `stdout`.
    public static func run(
        _ program: String, _ arguments: [String], in directory: String? = nil, environment: [String: String]? = nil,
        mergeOutput: Bool = false
    ) async throws -> Outcome {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("out").path
        let err = mergeOutput ? out : scratch.appendingPathComponent("err").path
        let child = try spawn(program, arguments, in: directory, environment: environment, stdout: .file(out), stderr: .file(err))
        let status = await child.exitStatus()
        return Outcome(status: status, stdout: Self.text(out), stderr: mergeOutput ? "" : Self.text(err))
    }

    /// The text of a file, empty when it cannot be read.
    public static func text(_ path: String) -> String {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// Blocks the calling thread (never one of the pool's) until `pid` ends, and reaps it.
    private static func waitOnThread(_ pid: pid_t) async -> Int32 {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: blockingWait(pid)) }
        }
    }

    private static func blockingWait(_ pid: pid_t) -> Int32 {
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
