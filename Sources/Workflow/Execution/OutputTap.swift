import Foundation
import Synchronization

/// Sits between the process runner and the evaluator: forwards every line, samples the latest one
/// for the live terminal line every few milliseconds, and streams lines to observers that ask.
final class OutputTap: LineConsumer, @unchecked Sendable {
    private let evaluator: OutputEvaluator
    private let live: LiveStatus?
    private let learner: String
    private let step: String
    private let redactor: Redactor
    private let observer: (any RunObserver)?
    /// Whether `observer` is there.
    private let streamsLines: Bool
    private var linesSinceSample = 0
    private var lastSample = ContinuousClock.now
    /// With a held process: where the lines after the ready line go (the evaluator is done by then).
    private let later: OutputEvaluator?
    /// The ready line matched: lines go to `later` from now on (set on the runner's thread before it tells the caller).
    private var detached = false

    /// Sits between the runner and `evaluator`; `later` records what a held process prints after its ready line.
    init(
        evaluator: OutputEvaluator, live: LiveStatus?, learner: String, step: String, redactor: Redactor, observer: (any RunObserver)?,
        later: OutputEvaluator? = nil
    ) {
        self.evaluator = evaluator
        self.later = later
        self.live = live
        self.learner = learner
        self.step = step
        self.redactor = redactor
        self.observer = observer?.wantsOutputLines == true ? observer : nil
        streamsLines = self.observer != nil
    }

    /// Raw output only when the evaluator has whole-stream checks.
    var wantsRawChunks: Bool { evaluator.wantsRawChunks }

    /// Hands raw output to the evaluator.
    func consume(chunk: UnsafeRawBufferPointer, stream: OutputStreamKind) {
        if !detached { evaluator.consume(chunk: chunk, stream: stream) }
    }

    /// Hands a line to the evaluator, samples it for the live line and streams it to observers that ask.
    func consume(line: UnsafeRawBufferPointer, stream: OutputStreamKind, truncated: Bool) -> Bool {
        consume(line: line, stream: stream, truncated: truncated, length: line.count)
    }

    func consume(line: UnsafeRawBufferPointer, stream: OutputStreamKind, truncated: Bool, length: Int) -> Bool {
        if detached {
            // A held process runs on in the background: its lines are recorded, not shown with later steps.
            _ = later?.consume(line: line, stream: stream, truncated: truncated, length: length)
            return false
        }
        let stop = evaluator.consume(line: line, stream: stream, truncated: truncated, length: length)
        // A held process keeps running: the evaluator's verdict stands, later lines are only recorded.
        if stop && later != nil { detached = true }
        // A flag first: unwrapping the existential copies it, once per line of a flood.
        if streamsLines, let observer {
            observer.handle(
                .outputLine(learner: learner, step: step, stream: stream, line: redactor.redact(String(decoding: line, as: UTF8.self))))
        }
        if let live {
            linesSinceSample += 1
            if linesSinceSample >= 64 || linesSinceSample == 1 {
                linesSinceSample = 1
                let now = ContinuousClock.now
                if now - lastSample > .milliseconds(50) || lastSample == now {
                    lastSample = now
                    let text = String(decoding: UnsafeRawBufferPointer(rebasing: line.prefix(240)), as: UTF8.self)
                    live.sample(learner: learner, line: line.count > 240 ? redactor.redactAfterCut(text) : redactor.redact(text))
                }
            }
        }
        return stop
    }
}
