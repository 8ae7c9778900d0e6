#if canImport(Glibc)
import Glibc
#endif

/// Drives one launched child to the end on the runner's own thread: reads its output, feeds the
/// consumer, writes its input, enforces the timeout, and terminates and reaps its process group.
///
/// Everything happens in one `poll` loop, so the two output streams are drained together and
/// the consumer is only ever called from this thread, one line after another.
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
    private struct Channel {
        /// The runner's end; -1 once at end-of-file.
        var fd: Int32
        /// The stream its lines are reported as.
        let stream: OutputStreamKind
        /// Its line splitter.
        var splitter: LineSplitter
    }

    /// What one polled descriptor is.
    private enum Role {
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
    private static var readsPerWakeup: Int { 4 }
    /// The longest pause between two checks whether the group is empty.
    private static var longestGroupCheckInterval: Duration { .milliseconds(50) }

    /// The clock of every deadline.
    private let clock = ContinuousClock()
    /// What was launched, with its limits.
    private let spec: ProcessSpec
    /// Where the lines go.
    private let consumer: Consumer
    /// The calling task's cancellation.
    private let control: RunControl
    /// The main process, and the id of its group.
    private let pid: pid_t
    /// Just before the spawn: the timeout and the duration count from here.
    private let startedAt: ContinuousClock.Instant
    /// The output descriptors.
    private var channels: [Channel]
    /// Where input goes; -1 when done.
    private var inputFD: Int32
    /// Whether `inputFD` is the terminal master.
    private let inputIsTerminal: Bool
    /// The input text.
    private let inputBytes: [UInt8]
    /// How much of `inputBytes` was written.
    private var inputOffset = 0
    /// Watches the main process; nil once it exited.
    private var exitWatcher: ExitWatcher?
    /// The read buffer, shared by the channels.
    private let buffer: UnsafeMutableRawBufferPointer

    /// How the main process ended, once reaped.
    private var termination: ProcessOutcome.Termination?
    /// The main process has exited and was reaped.
    private var leaderExited = false
    /// The group has no living member any more; it is never signalled again.
    private var groupGone = false
    /// When the group got SIGTERM (timeout, cancellation, consumer stop or the main exit).
    private var terminationStartedAt: ContinuousClock.Instant?
    /// When the group got SIGKILL.
    private var killSentAt: ContinuousClock.Instant?
    /// When to stop reading pipes that a process outside the group keeps open.
    private var abandonAt: ContinuousClock.Instant?
    /// When to look at the group again.
    private var nextGroupCheck: ContinuousClock.Instant?
    /// The pause before the next look, doubling up to `longestGroupCheckInterval`.
    private var groupCheckInterval: Duration = .milliseconds(1)
    /// The cancellation was seen (the wake-up pipe is no longer polled).
    private var cancellationSeen = false
    /// The consumer asked to stop (later requests are ignored).
    private var stopRequested = false
    /// The timeout fired while the main process ran.
    private var timedOut = false
    /// The consumer's request terminated the group.
    private var stoppedByConsumer = false
    /// `spec.terminalInput` is still read (until its end-of-file or the terminal closes).
    private var typedOpen = true

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

    /// Runs the loop until the child and its group are done, then closes every descriptor.
    func run() -> ProcessOutcome {
        if inputFD >= 0 && inputBytes.isEmpty { finishInput() }
        var fds: [pollfd] = []
        var roles: [Role] = []
        while true {
            let now = clock.now
            advanceTimers(now)
            if isFinished(now) { break }

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

            let ready = poll(&fds, nfds_t(fds.count), pollTimeout(now))
            if ready < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                killAndReapAfterPollFailure()
                break
            }
            for (entry, role) in zip(fds, roles) where entry.revents != 0 {
                switch role {
                case .output(let index): readAvailable(index)
                case .input: writeInput()
                case .typed: forwardTyped()
                case .wake: noticeCancellation()
                case .exit: handleLeaderExit()
                }
            }
        }
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

    // MARK: - Timers and the end

    /// Fires whatever deadline has passed: the timeout, a group check, SIGKILL.
    private func advanceTimers(_ now: ContinuousClock.Instant) {
        if !leaderExited, terminationStartedAt == nil, let timeout = spec.timeout, now >= startedAt + timeout {
            timedOut = true
            beginTermination(now)
        }
        if leaderExited, !groupGone, let check = nextGroupCheck, now >= check {
            checkGroup(now)
        }
        if let started = terminationStartedAt, killSentAt == nil, !groupGone, now >= started + spec.killGrace {
            // Once the main process is reaped, look again right before SIGKILL, so that the
            // group's id is never signalled after it emptied (and could have been reused).
            if leaderExited {
                checkGroup(now)
                if groupGone { return }
            }
            signalGroup(SIGKILL)
            killSentAt = now
            postpone(abandonAt: now + spec.drainTimeout)
        }
    }

    /// Whether the run is over: the main process reaped, and the group empty with every pipe
    /// closed, or the drain deadline passed.
    private func isFinished(_ now: ContinuousClock.Instant) -> Bool {
        guard leaderExited else { return false }
        if groupGone && !outputsOpen { return true }
        if let abandonAt, now >= abandonAt { return true }
        return false
    }

    /// The poll timeout in milliseconds until the nearest deadline, or -1 for none.
    private func pollTimeout(_ now: ContinuousClock.Instant) -> Int32 {
        var nearest: ContinuousClock.Instant?
        func consider(_ instant: ContinuousClock.Instant?) {
            guard let instant else { return }
            if nearest == nil || instant < nearest! { nearest = instant }
        }
        if !leaderExited, terminationStartedAt == nil, let timeout = spec.timeout { consider(startedAt + timeout) }
        if let started = terminationStartedAt, killSentAt == nil, !groupGone { consider(started + spec.killGrace) }
        if leaderExited, !groupGone { consider(nextGroupCheck) }
        if leaderExited { consider(abandonAt) }
        guard let nearest else { return -1 }
        let (seconds, attoseconds) = now.duration(to: nearest).components
        if seconds < 0 || (seconds == 0 && attoseconds <= 0) { return 0 }
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: milliseconds)
    }

    /// Moves the drain deadline earlier (never later).
    private func postpone(abandonAt candidate: ContinuousClock.Instant) {
        if abandonAt == nil || candidate < abandonAt! { abandonAt = candidate }
    }

    /// Whether any output descriptor is still open.
    private var outputsOpen: Bool { channels.contains { $0.fd >= 0 } }

    // MARK: - Signals

    /// Sends SIGTERM to the group, once; the SIGKILL deadline starts now.
    private func beginTermination(_ now: ContinuousClock.Instant) {
        guard terminationStartedAt == nil else { return }
        terminationStartedAt = now
        signalGroup(SIGTERM)
    }

    /// Signals the whole group unless it is known to be gone (its id may be reused after that).
    private func signalGroup(_ signal: Int32) {
        guard !groupGone else { return }
        if kill(-pid, signal) != 0, errno == ESRCH, leaderExited { groupGone = true }
    }

    /// Checks whether anything but zombies is left of the group (the main process is reaped by now).
    private func checkGroup(_ now: ContinuousClock.Instant) {
        if !ProcessGroupScan.hasLiveMember(pid) {
            groupGone = true
            nextGroupCheck = nil
            if outputsOpen { postpone(abandonAt: now + spec.drainTimeout) }
            if inputFD >= 0 { finishInput() }
            return
        }
        nextGroupCheck = now + groupCheckInterval
        groupCheckInterval = min(groupCheckInterval * 2, Self.longestGroupCheckInterval)
    }

    /// Checks the group again right away (an event suggests it may have just emptied).
    private func checkGroupSoon() {
        guard leaderExited, !groupGone else { return }
        groupCheckInterval = .milliseconds(1)
        nextGroupCheck = clock.now
    }

    /// The main process has exited: signal what is left of its group while it is still a
    /// zombie, then reap it.
    private func handleLeaderExit() {
        exitWatcher?.close()
        exitWatcher = nil
        beginTermination(clock.now)
        var status: Int32 = 0
        var reaped: pid_t
        repeat { reaped = waitpid(pid, &status, 0) } while reaped < 0 && errno == EINTR
        if reaped == pid { termination = ProcessOutcome.Termination(waitStatus: status) }
        leaderExited = true
        checkGroupSoon()
    }

    /// The last resort when `poll` itself fails: kill the group and reap the main process.
    private func killAndReapAfterPollFailure() {
        if !leaderExited {
            _ = kill(-pid, SIGKILL)
            var status: Int32 = 0
            var reaped: pid_t
            repeat { reaped = waitpid(pid, &status, 0) } while reaped < 0 && errno == EINTR
            if reaped == pid { termination = ProcessOutcome.Termination(waitStatus: status) }
            leaderExited = true
        } else if !groupGone {
            signalGroup(SIGKILL)
        }
    }

    /// The wake-up pipe fired: the calling task was cancelled.
    private func noticeCancellation() {
        control.drainWakeups()
        guard control.isCancelled else { return }
        cancellationSeen = true
        beginTermination(clock.now)
    }

    // MARK: - Output

    /// Reads what one descriptor has, splits it and feeds the consumer.
    private func readAvailable(_ index: Int) {
        let stream = channels[index].stream
        for _ in 0..<Self.readsPerWakeup {
            let count = read(channels[index].fd, buffer.baseAddress, buffer.count)
            if count > 0 {
                channels[index].splitter.feed(UnsafeRawBufferPointer(rebasing: buffer[0..<count])) { line, truncated in
                    deliver(line, stream: stream, truncated: truncated)
                }
                if count < buffer.count { return }
                continue
            }
            if count < 0 {
                let code = errno
                if code == EAGAIN || code == EWOULDBLOCK { return }
                if code == EINTR { continue }
            }
            // End of file; EIO from a terminal master whose slave side is closed; or an error.
            endOfStream(index)
            return
        }
    }

    /// Hands the stream's last unterminated line out and closes the descriptor.
    private func endOfStream(_ index: Int) {
        let stream = channels[index].stream
        channels[index].splitter.finish { line, truncated in
            deliver(line, stream: stream, truncated: truncated)
        }
        if inputIsTerminal && inputFD == channels[index].fd { inputFD = -1 }
        DescriptorControl.close(channels[index].fd)
        channels[index].fd = -1
        if !outputsOpen { checkGroupSoon() }
    }

    /// Passes one line to the consumer and honours its request to stop.
    private func deliver(_ line: UnsafeRawBufferPointer, stream: OutputStreamKind, truncated: Bool) {
        guard consumer.consume(line: line, stream: stream, truncated: truncated), !stopRequested else { return }
        stopRequested = true
        if !leaderExited && terminationStartedAt == nil {
            stoppedByConsumer = true
            beginTermination(clock.now)
        }
    }

    // MARK: - Input

    /// Writes as much of the standard input text as the pipe (or terminal) takes.
    private func writeInput() {
        while inputOffset < inputBytes.count {
            let written = inputBytes.withUnsafeBytes { bytes in
                write(inputFD, bytes.baseAddress! + inputOffset, min(bytes.count - inputOffset, 1 << 16))
            }
            if written > 0 {
                inputOffset += written
                continue
            }
            if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return }
            if written < 0 && errno == EINTR { continue }
            break  // EPIPE (the reader is gone; SIGPIPE is blocked on this thread) or another error
        }
        finishInput()
    }

    /// The terminal's master while it is open (it is the only output channel under a terminal).
    private var terminalMaster: Int32? {
        guard spec.terminal, let channel = channels.first, channel.fd >= 0 else { return nil }
        return channel.fd
    }

    /// Copies what a person typed to the terminal; keys that the terminal cannot take right now
    /// (its input queue is full) are dropped, as a full terminal would.
    private func forwardTyped() {
        guard let typed = spec.terminalInput, let master = terminalMaster else {
            typedOpen = false
            return
        }
        var bytes = [UInt8](repeating: 0, count: 1024)
        let count = read(typed, &bytes, bytes.count)
        if count > 0 {
            var offset = 0
            while offset < count {
                let written = bytes.withUnsafeBytes { write(master, $0.baseAddress! + offset, count - offset) }
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
        } else if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            typedOpen = false
        }
    }

    /// Stops writing input; closes the pipe, which the child sees as end-of-file.
    private func finishInput() {
        if !inputIsTerminal { DescriptorControl.close(inputFD) }
        inputFD = -1
    }

    /// Closes every descriptor still open.
    private func closeEverything() {
        if inputFD >= 0 { finishInput() }
        for index in channels.indices where channels[index].fd >= 0 {
            let stream = channels[index].stream
            channels[index].splitter.finish { line, truncated in
                deliver(line, stream: stream, truncated: truncated)
            }
            DescriptorControl.close(channels[index].fd)
            channels[index].fd = -1
        }
        exitWatcher?.close()
        exitWatcher = nil
    }
}
