import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Every process group the runner has started and not yet seen end, so that nothing of a step
/// outlives the runner: a second Ctrl-C kills them all at once (`killAll`), and a watchdog process
/// kills them when the runner dies in any way, `kill -9` included.
///
/// `PR_SET_PDEATHSIG` cannot be used: no code of ours runs in a child between fork and exec
/// (posix_spawn), and it would reach only the group's leader, not what the leader started. So the
/// first group started also starts a watchdog: `/bin/sh` in a session of its own, ignoring the
/// terminal's signals, reading `+ PGID` and `- PGID` lines from a pipe whose only writer is this
/// process. When the pipe closes — the runner exited or was killed — it sends SIGTERM, then two
/// seconds later SIGKILL, to every group still listed.
public final class ProcessGroups: Sendable {
    /// The runner's groups.
    public static let shared = ProcessGroups()

    private struct State {
        var live: Set<pid_t> = []
        var watchdogPipe: Int32 = -1
        var watchdogTried = false
    }

    private let state = Mutex(State())

    /// The watchdog's script: keep a list of groups; when stdin closes, end them.
    static let watchdogScript = """
        trap '' INT TERM HUP QUIT PIPE
        groups=' '
        while read -r op id; do
          case "$op" in
            +) groups="$groups$id " ;;
            -) kept=' '; for g in $groups; do [ "$g" = "$id" ] || kept="$kept$g "; done; groups=$kept ;;
          esac
        done
        [ -n "${groups# }" ] || exit 0
        for g in $groups; do kill -TERM -"$g" 2>/dev/null; done
        sleep 2
        for g in $groups; do kill -KILL -"$g" 2>/dev/null; done
        """

    /// Records a group that just started.
    func started(_ group: pid_t) {
        let pipe = state.withLock { state -> Int32 in
            state.live.insert(group)
            if !state.watchdogTried {
                state.watchdogTried = true
                state.watchdogPipe = Self.startWatchdog()
            }
            return state.watchdogPipe
        }
        if pipe >= 0 { DescriptorWriter.writeAll("+ \(group)\n", to: pipe) }
    }

    /// Records that a group ended (its leader was reaped and nothing of it is left, or it was killed).
    func ended(_ group: pid_t) {
        let pipe = state.withLock { state -> Int32 in
            state.live.remove(group)
            return state.watchdogPipe
        }
        if pipe >= 0 { DescriptorWriter.writeAll("- \(group)\n", to: pipe) }
    }

    /// Sends SIGKILL to every group still running (the second Ctrl-C, just before the runner exits).
    public func killAll() {
        let groups = state.withLock { $0.live }
        for group in groups { _ = kill(-group, SIGKILL) }
    }

    /// Starts the watchdog; returns the pipe's write end (close-on-exec), or -1 when it cannot start.
    private static func startWatchdog() -> Int32 {
        guard let made = try? FileDescriptorPipe.make() else { return -1 }
        let (readEnd, writeEnd) = (made.readEnd, made.writeEnd)
        defer { close(readEnd) }
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        guard posix_spawn_file_actions_init(&actions) == 0 else {
            close(writeEnd)
            return -1
        }
        defer { posix_spawn_file_actions_destroy(&actions) }
        guard posix_spawnattr_init(&attributes) == 0 else {
            close(writeEnd)
            return -1
        }
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawn_file_actions_adddup2(&actions, readEnd, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(Int32(POSIX_SPAWN_SETSIGMASK) | GlibcExtensions.spawnSetSession))
        let argv = ["/bin/sh", "-c", watchdogScript, "runbook-watchdog"]
        var pid: pid_t = 0
        let rc = withCStrings(argv) { pointers in posix_spawn(&pid, "/bin/sh", &actions, &attributes, pointers, environ) }
        guard rc == 0 else {
            close(writeEnd)
            return -1
        }
        return writeEnd
    }

    private static func withCStrings<Result>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> Result) -> Result
    {
        let copies = strings.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        return (copies + [nil]).withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
