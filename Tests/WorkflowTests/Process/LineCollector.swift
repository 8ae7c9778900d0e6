import Synchronization
import Workflow

/// A test consumer that records every line, checks that calls never overlap, and can ask to stop.
final class LineCollector: LineConsumer {
    /// One recorded line.
    struct Line: Equatable, Sendable {
        /// The stream it came on.
        var stream: OutputStreamKind
        /// Its text (lossy UTF-8).
        var text: String
        /// Whether the runner cut it.
        var truncated: Bool
    }

    private let recorded = Mutex<[Line]>([])
    private let inFlight = Atomic<Int>(0)
    private let overlaps = Atomic<Int>(0)
    private let stopWhen: (@Sendable (String) -> Bool)?

    /// Creates a collector; `stopWhen` returning true for a line asks the runner to stop.
    init(stopWhen: (@Sendable (String) -> Bool)? = nil) {
        self.stopWhen = stopWhen
    }

    func consume(line: UnsafeRawBufferPointer, stream: OutputStreamKind, truncated: Bool) -> Bool {
        if inFlight.wrappingAdd(1, ordering: .acquiringAndReleasing).newValue != 1 {
            overlaps.wrappingAdd(1, ordering: .relaxed)
        }
        defer { inFlight.wrappingSubtract(1, ordering: .acquiringAndReleasing) }
        let text = String(decoding: line, as: UTF8.self)
        recorded.withLock { $0.append(Line(stream: stream, text: text, truncated: truncated)) }
        return stopWhen?(text) ?? false
    }

    /// Every line so far, in arrival order.
    var lines: [Line] { recorded.withLock { $0 } }

    /// The texts of one stream's lines.
    func texts(_ stream: OutputStreamKind) -> [String] {
        lines.filter { $0.stream == stream }.map(\.text)
    }

    /// How many calls overlapped another one (must stay 0).
    var overlappingCalls: Int { overlaps.load(ordering: .relaxed) }
}
