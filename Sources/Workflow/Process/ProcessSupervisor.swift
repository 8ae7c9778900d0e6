#if canImport(Glibc)
    import Glibc
#endif

/// Drives one launched child to the end on the runner's supervisor thread (`SupervisorLoop`):
/// reads its output, feeds the consumer, writes its input, enforces the timeout, and terminates
/// and reaps its process group.
///
/// Everything happens in rounds of the loop's one `poll` over every running child, so the two
/// output streams are drained together and the consumer is only ever called from that thread,
/// one line after another.
///
/// The end of a run:
/// - the main process exits (or is made to: timeout, cancellation, consumer stop): while it is
///   still an unreaped zombie, the group gets SIGTERM, so the group's id cannot have been reused;
///   then the main process is reaped;
/// - whatever is left of the group gets SIGKILL `killGrace` after that SIGTERM;
/// - output is read until every pipe is at end-of-file and the group has no living member
///   (`kill(-pgid, 0)` fails with ESRCH, or `/proc` shows only zombies that PID 1 has yet to
///   reap); if a process outside the group holds a pipe, or a member survives SIGKILL (stuck in
///   the kernel), reading stops `drainTimeout` after the group was found empty or was sent SIGKILL.
final class ProcessSupervisor<Consumer: LineConsumer> {
    /// One output descriptor and the lines it is split into.
    struct Channel {
        /// The runner's end; -1 once at end-of-file.
        var fd: Int32
        /// The stream its lines are reported as.
        let stream: OutputStreamKind
        /// Its line splitter.
        var splitter: LineSplitter
    }

    /// What one polled descriptor is.
    enum Role {
        /// The wake-up pipe (cancellation).
        case wake
        /// The exit watcher.
        case exit
        /// Output channel at this index.
        case output(Int)
        /// The standard input to write.
        case input
        /// Keys typed by a person, for the terminal (`ProcessSpec.terminalInput`).
        case typed
    }

    /// The size of one read.
    static var chunkSize: Int { 256 << 10 }
    /// The most reads of one descriptor per poll wake-up.
    static var readsPerWakeup: Int { 4 }
    /// The longest pause between two checks whether the group is empty.
    static var longestGroupCheckInterval: Duration { .milliseconds(50) }

    /// The clock of every deadline.
    let clock = ContinuousClock()
    /// What was launched, with its limits.
    let spec: ProcessSpec
    /// Where the lines go.
    let consumer: Consumer
    /// The calling task's cancellation.
    let control: RunControl
    /// The main process, and the id of its group.
    let pid: pid_t
    /// Just before the spawn: the timeout and the duration count from here.
    let startedAt: ContinuousClock.Instant
    /// The output descriptors.
    var channels: [Channel]
    /// Where input goes; -1 when done.
    var inputFD: Int32
    /// Whether `inputFD` is the terminal master.
    let inputIsTerminal: Bool
    /// The input text.
    let inputBytes: [UInt8]
    /// How much of `inputBytes` was written.
    var inputOffset = 0
    /// Watches the main process; nil once it exited.
    var exitWatcher: ExitWatcher?
    /// Whether the consumer takes raw chunks too (asked once).
    lazy var wantsRawChunks = consumer.wantsRawChunks
    /// The read buffer, shared by the channels.
    let buffer: UnsafeMutableRawBufferPointer

    /// How the main process ended, once reaped.
    var termination: ProcessOutcome.Termination?
    /// The main process has exited and was reaped.
    var leaderExited = false
    /// The group has no living member any more; it is never signalled again.
    var groupGone = false
    /// When the group got SIGTERM (timeout, cancellation, consumer stop or the main exit).
    var terminationStartedAt: ContinuousClock.Instant?
    /// When the group got SIGKILL.
    var killSentAt: ContinuousClock.Instant?
    /// When to stop reading pipes that a process outside the group keeps open.
    var abandonAt: ContinuousClock.Instant?
    /// When to look at the group again.
    var nextGroupCheck: ContinuousClock.Instant?
    /// The pause before the next look, doubling up to `longestGroupCheckInterval`.
    var groupCheckInterval: Duration = .milliseconds(1)
    /// The cancellation was seen (the wake-up pipe is no longer polled).
    var cancellationSeen = false
    /// The consumer asked to stop (later requests are ignored).
    var stopRequested = false
    /// The timeout fired while the main process ran.
    var timedOut = false
    /// The consumer's request terminated the group (or, with `holdsOnConsumerStop`, held the run).
    var stoppedByConsumer = false
    /// The consumer asked to stop and the process is kept running (`holdsOnConsumerStop`).
    var held = false
    /// When the stop sequence sent SIGINT (`RunningProcess.stop()`).
    var stopSentAt: ContinuousClock.Instant?
    /// `spec.terminalInput` is still read (until its end-of-file or the terminal closes).
    var typedOpen = true
    /// This round's descriptors to poll, and what each one is.
    var fds: [pollfd] = []
    /// See `fds`.
    var roles: [Role] = []
    /// Told the outcome once the run is done.
    var completion: ((ProcessOutcome) -> Void)?

    /// Takes ownership of the launched child's descriptors and of the exit watcher.
    init(
        process: LaunchedProcess,
        exitWatcher: ExitWatcher,
        spec: ProcessSpec,
        consumer: Consumer,
        control: RunControl,
        startedAt: ContinuousClock.Instant
    ) {
        self.spec = spec
        self.consumer = consumer
        self.control = control
        self.pid = process.pid
        self.startedAt = startedAt
        self.channels = process.outputs.map { Channel(fd: $0.fd, stream: $0.stream, splitter: LineSplitter()) }
        self.inputFD = process.inputFD
        self.inputIsTerminal = process.inputIsTerminal
        self.inputBytes = process.inputBytes
        self.exitWatcher = exitWatcher
        self.buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
    }

    deinit {
        buffer.deallocate()
    }

    /// Starts the run: input with nothing to write is closed at once.
    func begin() {
        if inputFD >= 0 && inputBytes.isEmpty { finishInput() }
    }

    /// Fires the deadlines that passed; nil when the child and its group are done, else this
    /// round's descriptors to poll (their events go to `handle`) and the poll timeout.
    func nextRound() -> (entries: [pollfd], timeout: Int32)? {
        let now = clock.now
        advanceTimers(now)
        if isFinished(now) { return nil }
        fds.removeAll(keepingCapacity: true)
        roles.removeAll(keepingCapacity: true)
        for index in channels.indices where channels[index].fd >= 0 {
            fds.append(pollfd(fd: channels[index].fd, events: Int16(POLLIN), revents: 0))
            roles.append(.output(index))
        }
        if inputFD >= 0 {
            fds.append(pollfd(fd: inputFD, events: Int16(POLLOUT), revents: 0))
            roles.append(.input)
        }
        if typedOpen, let typed = spec.terminalInput, terminalMaster != nil {
            fds.append(pollfd(fd: typed, events: Int16(POLLIN), revents: 0))
            roles.append(.typed)
        }
        if !cancellationSeen {
            fds.append(pollfd(fd: control.wakeReadEnd, events: Int16(POLLIN), revents: 0))
            roles.append(.wake)
        }
        if let exitWatcher {
            fds.append(pollfd(fd: exitWatcher.fd, events: Int16(POLLIN), revents: 0))
            roles.append(.exit)
        }
        return (fds, pollTimeout(now))
    }

    /// Handles what `poll` reported for this round's descriptors (in `nextRound`'s order).
    func handle(_ polled: ArraySlice<pollfd>) {
        for (entry, role) in zip(polled, roles) where entry.revents != 0 {
            switch role {
            case .output(let index): readAvailable(index)
            case .input: writeInput()
            case .typed: forwardTyped()
            case .wake: noticeCancellation()
            case .exit: handleLeaderExit()
            }
        }
    }

    /// Closes every descriptor once the run is done; how it ended.
    func outcome() -> ProcessOutcome {
        closeEverything()
        return ProcessOutcome(
            termination: termination,
            timedOut: timedOut,
            stoppedByConsumer: stoppedByConsumer,
            interrupted: control.isCancelled,
            duration: startedAt.duration(to: clock.now),
            pid: pid
        )
    }
}

extension ProcessSupervisor: SupervisorLoop.Run {
    func abandonAfterPollFailure() {
        killAndReapAfterPollFailure()
    }

    func complete() {
        let outcome = outcome()
        completion?(outcome)
        completion = nil
    }
}
