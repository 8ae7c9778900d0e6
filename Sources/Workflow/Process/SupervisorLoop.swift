import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A thread that supervises many children of the runner: each round, one `poll` over the
/// descriptors of all its running children (their output, input, exit and cancellation), then
/// each child's events to its `ProcessSupervisor`.
///
/// Why loops and not a thread per child: a thread's start and end cost about as much as a short
/// command's whole supervision, and children of parallel learners mostly wait. There is one loop
/// per processor (at most four), children are spread over them in turn, so that one child whose
/// output keeps its loop busy (a flood that every line of is matched) slows only the children of
/// that loop; the spawn itself happens on the caller's thread, never behind a busy loop.
/// Consumers are called on their child's loop, one at a time: they must not block.
final class SupervisorLoop: Sendable {
    /// One supervised child, whatever its consumer's type.
    protocol Run: AnyObject {
        /// See `ProcessSupervisor.nextRound`.
        func nextRound() -> (entries: [pollfd], timeout: Int32)?
        /// See `ProcessSupervisor.handle`.
        func handle(_ polled: ArraySlice<pollfd>)
        /// Kills and reaps after `poll` itself failed.
        func abandonAfterPollFailure()
        /// Ends the run and tells the waiting task how it went.
        func complete()
    }

    /// Work for the loop thread: makes the supervisor of a child, or nil when there is none.
    typealias Job = @Sendable () -> (any Run)?

    /// The loops of this process, their threads started on first use (empty when none can start).
    private static let loops: [SupervisorLoop] = {
        let count = max(1, min(4, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))))
        return (0..<count).compactMap { _ in
            guard let loop = SupervisorLoop() else { return nil }
            do throws(LaunchError) {
                try DetachedThread.start { loop.loop() }
            } catch {
                return nil
            }
            return loop
        }
    }()
    /// How many children were handed out, for taking the loops in turn.
    private static let handedOut = Atomic<Int>(0)

    /// The loop for the next child; nil when no loop could start.
    static func next() -> SupervisorLoop? {
        guard !loops.isEmpty else { return nil }
        return loops[handedOut.add(1, ordering: .relaxed).oldValue % loops.count]
    }

    private let pending = Mutex<[Job]>([])
    private let wakeReadEnd: Int32
    private let wakeWriteEnd: Int32

    /// Makes the wake-up pipe; nil when it cannot be made.
    private init?() {
        guard var pipe = try? FileDescriptorPipe.make() else { return nil }
        do throws(LaunchError) {
            try DescriptorControl.setNonBlocking(pipe.readEnd)
            try DescriptorControl.setNonBlocking(pipe.writeEnd)
        } catch {
            pipe.close()
            return nil
        }
        wakeReadEnd = pipe.readEnd
        wakeWriteEnd = pipe.writeEnd
    }

    /// Runs `job` on the loop thread as soon as it is free.
    func submit(_ job: @escaping Job) {
        pending.withLock { $0.append(job) }
        var byte: UInt8 = 1
        _ = write(wakeWriteEnd, &byte, 1)
    }

    /// The loop: never ends (the thread lives as long as the process).
    private func loop() -> Never {
        // A write to a pipe whose reader is gone must fail with EPIPE, not kill the runner:
        // SIGPIPE is blocked on this thread only (children get an empty mask at spawn).
        var pipeSignal = sigset_t()
        sigemptyset(&pipeSignal)
        sigaddset(&pipeSignal, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
        var runs: [any Run] = []
        var entries: [pollfd] = []
        var spans: [Range<Int>] = []
        while true {
            var bytes = (UInt64(0), UInt64(0))
            while withUnsafeMutableBytes(of: &bytes, { read(wakeReadEnd, $0.baseAddress, $0.count) }) > 0 {}
            for job in pending.withLock({ jobs in
                defer { jobs.removeAll() }; return jobs
            }) {
                if let run = job() { runs.append(run) }
            }
            entries.removeAll(keepingCapacity: true)
            spans.removeAll(keepingCapacity: true)
            var timeout: Int32 = -1
            var index = 0
            while index < runs.count {
                guard let round = runs[index].nextRound() else {
                    runs.remove(at: index).complete()
                    continue
                }
                spans.append(entries.count..<(entries.count + round.entries.count))
                entries += round.entries
                if round.timeout >= 0 && (timeout < 0 || round.timeout < timeout) { timeout = round.timeout }
                index += 1
            }
            entries.append(pollfd(fd: wakeReadEnd, events: Int16(POLLIN), revents: 0))
            let ready = poll(&entries, nfds_t(entries.count), timeout)
            if ready < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                for run in runs {
                    run.abandonAfterPollFailure()
                    run.complete()
                }
                runs.removeAll()
                continue
            }
            for (run, span) in zip(runs, spans) { run.handle(entries[span]) }
        }
    }
}
