import Synchronization
import Workflow

/// A `LineConsumer` that keeps every line of both streams and counts the chunks they came in,
/// optionally asking to stop after a given stdout line (as `finish_on_match` does).
final class CollectedOutput: LineConsumer {
    private struct State {
        var stdout: [String] = []
        var stderr: [String] = []
        var stdoutChunks = 0
    }

    private let state = Mutex(State())
    /// Says "enough" once a stdout line contains this text.
    private let stopAfter: String?

    init(stopAfter: String? = nil) {
        self.stopAfter = stopAfter
    }

    let wantsRawChunks = true

    func consume(chunk: UnsafeRawBufferPointer, stream: OutputStreamKind) {
        if stream == .stdout { state.withLock { $0.stdoutChunks += 1 } }
    }

    func consume(line: UnsafeRawBufferPointer, stream: OutputStreamKind, truncated: Bool) -> Bool {
        let text = String(decoding: line, as: UTF8.self)
        state.withLock { state in
            if stream == .stdout { state.stdout.append(text) } else { state.stderr.append(text) }
        }
        return stream == .stdout && stopAfter.map { text.contains($0) } == true
    }

    /// The lines of stdout so far.
    var stdout: [String] { state.withLock { $0.stdout } }
    /// The lines of stderr so far.
    var stderr: [String] { state.withLock { $0.stderr } }
    /// How many chunks stdout came in.
    var stdoutChunks: Int { state.withLock { $0.stdoutChunks } }
}
