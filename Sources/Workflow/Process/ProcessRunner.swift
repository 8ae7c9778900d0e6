// Design: a small posix_spawn runner, not swift-subprocess 1.0.2.
//
// swift-subprocess was read (1.0.2: Platforms/Subprocess+Linux.swift, Subprocess+Unix.swift,
// Teardown.swift) and is in the way of what SPEC 5 asks:
// - It reaps the main process itself as soon as it exits, and its teardown never sends SIGKILL
//   once the leader is gone; the runner must signal the leftover group (SIGTERM, SIGKILL after
//   the grace) and read until both pipes close. Signalling a group after its leader was reaped
//   by someone else races with the reuse of that id (pid_max is 32768 here); we keep the leader
//   an unreaped zombie until its group has had SIGTERM.
// - Its Linux PlatformOptions has no hook to add a file action after setsid, so the pseudo
//   terminal cannot become the child's controlling terminal (`/dev/tty`, job control, SIGHUP).
// - On kernels without pidfd it installs a process-wide SIGCHLD handler.
// - Its output sequences hand chunks through an epoll thread and continuations; one poll loop
//   on a thread of our own drains both pipes, serializes the consumer without a lock and owns
//   every deadline (timeout, SIGKILL grace, drain) with no extra tasks.
// So: glibc posix_spawn (clone + CLONE_VFORK; no Swift code between fork and exec) with
// POSIX_SPAWN_SETPGROUP or POSIX_SPAWN_SETSID, an empty signal mask and default dispositions,
// file actions for dup2/open/chdir/closefrom, and a pidfd (or a waitid helper thread) to learn
// of the exit of that one child. A supervisor thread polls many children (`SupervisorLoop`).

#if canImport(Glibc)
    import Glibc
#endif

/// Runs processes in their own process group, streams their output line by line to a consumer,
/// and makes sure nothing of the group outlives the run.
///
/// Every run is spawned by the calling task (posix_spawn: the parent waits only until the child's
/// exec) and supervised by one of a few supervisor threads (`SupervisorLoop`, outside Swift's
/// cooperative pool, each polling its running children at once); the calling task awaits the outcome. Cancelling the calling
/// task terminates the group (SIGTERM, then SIGKILL after `killGrace`) and the outcome says
/// `interrupted`. No run ever throws: launch problems come back as `launchFailure`.
public struct ProcessRunner: Sendable {
    /// How the exit of the main process is noticed (tests force the fallback).
    let exitWatching: ExitWatcher.Strategy

    /// Creates a runner.
    public init() {
        self.exitWatching = .automatic
    }

    /// Creates a runner that notices exits with the given strategy.
    init(exitWatching: ExitWatcher.Strategy) {
        self.exitWatching = exitWatching
    }

    /// Runs `spec` to the end, passing every line of its output to `consumer`.
    ///
    /// Returns once the main process has been reaped, its group is empty (or was killed) and
    /// both pipes are closed (or `drainTimeout` passed after that).
    public func run(_ spec: ProcessSpec, consumer: some LineConsumer) async -> ProcessOutcome {
        if Task.isCancelled { return ProcessOutcome(interrupted: true) }
        let control: RunControl
        do {
            control = try RunControl()
        } catch {
            return ProcessOutcome(launchFailure: error.message)
        }
        let strategy = exitWatching
        return await withTaskCancellationHandler {
            await Self.supervised(spec, consumer: consumer, control: control, exitWatching: strategy)
        } onCancel: {
            control.cancel()
        }
    }

    /// Starts `spec` and returns at once: the process runs until it ends, `stop()` or `cancel()`.
    /// With `spec.holdsOnConsumerStop`, a consumer's request to stop (a ready line) keeps it
    /// running: `waitUntilHeld()` returns then, and the caller stops it when it is done with it
    /// (SIGINT, SIGTERM after `spec.stopGrace`, SIGKILL after `spec.killGrace`). Cancelling the
    /// calling task does not stop it; the handle does.
    public func start(_ spec: ProcessSpec, consumer: some LineConsumer) -> RunningProcess {
        let control: RunControl
        do {
            control = try RunControl()
        } catch {
            return RunningProcess(failed: ProcessOutcome(launchFailure: error.message))
        }
        let strategy = exitWatching
        let task = Task { await Self.supervised(spec, consumer: consumer, control: control, exitWatching: strategy) }
        return RunningProcess(control: control, task: task)
    }

    /// Spawns on the calling thread and hands the child to a supervisor loop; the outcome once the
    /// run is over (then `control` says it ended).
    private static func supervised(
        _ spec: ProcessSpec, consumer: some LineConsumer, control: RunControl, exitWatching strategy: ExitWatcher.Strategy
    ) async -> ProcessOutcome {
        let outcome = await launchAndSupervise(spec, consumer: consumer, control: control, exitWatching: strategy)
        control.markEnded()
        return outcome
    }

    /// Spawns `spec` and waits for its supervisor loop to end the run.
    private static func launchAndSupervise(
        _ spec: ProcessSpec, consumer: some LineConsumer, control: RunControl, exitWatching strategy: ExitWatcher.Strategy
    ) async -> ProcessOutcome {
        guard let loop = SupervisorLoop.next() else { return ProcessOutcome(launchFailure: "cannot start the runner's supervisor thread") }
        let clock = ContinuousClock()
        let startedAt = clock.now
        let process: LaunchedProcess
        do {
            process = try ProcessLauncher.launch(spec)
        } catch {
            return ProcessOutcome(
                launchFailure: error.message, interrupted: control.isCancelled, duration: startedAt.duration(to: clock.now))
        }
        ProcessGroups.shared.started(process.pid)
        let watcher: ExitWatcher
        do {
            watcher = try ExitWatcher.watch(process.pid, strategy: strategy)
        } catch {
            let outcome = Self.abandon(process, failure: error, startedAt: startedAt)
            ProcessGroups.shared.ended(process.pid)
            return outcome
        }
        return await withCheckedContinuation { (continuation: CheckedContinuation<ProcessOutcome, Never>) in
            loop.submit {
                let supervisor = ProcessSupervisor(
                    process: process, exitWatcher: watcher, spec: spec, consumer: consumer, control: control, startedAt: startedAt)
                supervisor.completion = { outcome in
                    ProcessGroups.shared.ended(process.pid)
                    continuation.resume(returning: outcome)
                }
                supervisor.begin()
                return supervisor
            }
        }
    }

    /// Kills and reaps a child that cannot be supervised (its exit cannot be watched).
    private static func abandon(
        _ process: LaunchedProcess,
        failure: LaunchError,
        startedAt: ContinuousClock.Instant
    ) -> ProcessOutcome {
        _ = kill(-process.pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(process.pid, &status, 0) < 0 && errno == EINTR {}
        for output in process.outputs { DescriptorControl.close(output.fd) }
        if process.inputFD >= 0 && !process.inputIsTerminal { DescriptorControl.close(process.inputFD) }
        return ProcessOutcome(
            termination: ProcessOutcome.Termination(waitStatus: status),
            launchFailure: failure.message,
            duration: startedAt.duration(to: ContinuousClock.now),
            pid: process.pid
        )
    }
}
