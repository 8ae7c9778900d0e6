#if canImport(Glibc)
    import Glibc
#endif

/// The supervisor's deadlines and signals: the timeout, SIGTERM then SIGKILL to the group, and
/// the checks that tell when the group is empty.
extension ProcessSupervisor {
    // MARK: - Timers and the end

    /// Fires whatever deadline has passed: the timeout, a group check, SIGKILL.
    func advanceTimers(_ now: ContinuousClock.Instant) {
        if !leaderExited, !held, terminationStartedAt == nil, let timeout = spec.timeout, now >= startedAt + timeout {
            timedOut = true
            beginTermination(now)
        }
        if let stopSentAt, terminationStartedAt == nil, now >= stopSentAt + spec.stopGrace {
            // The stop sequence's SIGINT was not enough: SIGTERM now, SIGKILL after the kill grace.
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
    func isFinished(_ now: ContinuousClock.Instant) -> Bool {
        guard leaderExited else { return false }
        if groupGone && !outputsOpen { return true }
        if let abandonAt, now >= abandonAt { return true }
        return false
    }

    /// The poll timeout in milliseconds until the nearest deadline, or -1 for none.
    func pollTimeout(_ now: ContinuousClock.Instant) -> Int32 {
        var nearest: ContinuousClock.Instant?
        func consider(_ instant: ContinuousClock.Instant?) {
            guard let instant else { return }
            if nearest == nil || instant < nearest! { nearest = instant }
        }
        if !leaderExited, !held, terminationStartedAt == nil, let timeout = spec.timeout { consider(startedAt + timeout) }
        if let stopSentAt, terminationStartedAt == nil { consider(stopSentAt + spec.stopGrace) }
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
    func postpone(abandonAt candidate: ContinuousClock.Instant) {
        if abandonAt == nil || candidate < abandonAt! { abandonAt = candidate }
    }

    /// Whether any output descriptor is still open.
    var outputsOpen: Bool { channels.contains { $0.fd >= 0 } }

    // MARK: - Signals

    /// Sends SIGTERM to the group, once; the SIGKILL deadline starts now.
    func beginTermination(_ now: ContinuousClock.Instant) {
        guard terminationStartedAt == nil else { return }
        terminationStartedAt = now
        signalGroup(SIGTERM)
    }

    /// Signals the whole group unless it is known to be gone (its id may be reused after that).
    func signalGroup(_ signal: Int32) {
        guard !groupGone else { return }
        if kill(-pid, signal) != 0, errno == ESRCH, leaderExited { groupGone = true }
    }

    /// Checks whether anything but zombies is left of the group (the main process is reaped by now).
    func checkGroup(_ now: ContinuousClock.Instant) {
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
    func checkGroupSoon() {
        guard leaderExited, !groupGone else { return }
        groupCheckInterval = .milliseconds(1)
        nextGroupCheck = clock.now
    }

    /// The main process has exited: signal what is left of its group while it is still a
    /// zombie, then reap it.
    func handleLeaderExit() {
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
    func killAndReapAfterPollFailure() {
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

    /// The wake-up pipe fired: the calling task was cancelled, or the stop sequence was asked for.
    func noticeCancellation() {
        control.drainWakeups()
        if control.isStopAsked, stopSentAt == nil, !leaderExited, terminationStartedAt == nil {
            // As a person at the terminal: Ctrl-C (SIGINT to the group), then SIGTERM after the stop grace.
            stopSentAt = clock.now
            signalGroup(SIGINT)
        }
        guard control.isCancelled else { return }
        cancellationSeen = true
        beginTermination(clock.now)
    }

}
