import Synchronization

/// What the board benchmark measured: push latencies, when each push was acknowledged, and when
/// its learner's row reached the event stream.
final class BoardLoadRecorder: Sendable {
    private struct State {
        var pushes: [Double] = []
        var acked: [String: ContinuousClock.Instant] = [:]
        var delivered: [String: ContinuousClock.Instant] = [:]
    }

    private let state = Mutex(State())

    /// Creates an empty recorder.
    init() {}

    /// A push of `learner`'s step `step` took `duration` and was acknowledged at `instant`.
    func pushed(_ learner: String, step: Int, duration: Duration, at instant: ContinuousClock.Instant) {
        state.withLock { state in
            state.pushes.append(duration.milliseconds)
            state.acked["\(learner)/\(step)"] = instant
        }
    }

    /// An event showed `learner` with `steps` steps at `instant` (the first such event counts).
    func delivered(_ learner: String, steps: Int, at instant: ContinuousClock.Instant) {
        state.withLock { state in
            let key = "\(learner)/\(steps)"
            if state.delivered[key] == nil { state.delivered[key] = instant }
        }
    }

    /// Events seen so far.
    var deliveredCount: Int { state.withLock { $0.delivered.count } }

    /// Push latencies in milliseconds.
    var pushMilliseconds: [Double] { state.withLock { $0.pushes } }

    /// Ack → event delays in milliseconds (0 when the event came before the client saw the ack), and how many never came.
    var deliveryMilliseconds: (delays: [Double], missing: Int) {
        state.withLock { state in
            var delays: [Double] = []
            var missing = 0
            for (key, acked) in state.acked {
                guard let delivered = state.delivered[key] else {
                    missing += 1
                    continue
                }
                delays.append(max(0, (delivered - acked).milliseconds))
            }
            return (delays, missing)
        }
    }
}
