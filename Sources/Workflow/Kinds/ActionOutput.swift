import Synchronization

/// Where a `CommandAction` writes what it found: bytes of stdout and stderr, split into lines
/// for the step's checks exactly as a process's output is.
public final class ActionOutput: Sendable {
    private struct State {
        var stdout = LineSplitter()
        var stderr = LineSplitter()
        var stopRequested = false
    }

    private let consumer: any LineConsumer
    private let state = Mutex(State())

    /// Output that goes to `consumer`.
    init(consumer: any LineConsumer) {
        self.consumer = consumer
    }

    /// Writes `bytes` to `stream`; returns true when the checks need no more (`finish_on_match`).
    @discardableResult
    public func write(_ bytes: [UInt8], to stream: OutputStreamKind) -> Bool {
        bytes.withUnsafeBytes { write($0, to: stream) }
    }

    /// Writes `text` as UTF-8 to `stream`; see `write(_:to:)`.
    @discardableResult
    public func write(_ text: String, to stream: OutputStreamKind) -> Bool {
        write(Array(text.utf8), to: stream)
    }

    /// Writes raw bytes to `stream`; see `write(_:to:)`.
    @discardableResult
    public func write(_ bytes: UnsafeRawBufferPointer, to stream: OutputStreamKind) -> Bool {
        let consumer = consumer
        return state.withLock { state in
            if consumer.wantsRawChunks { consumer.consume(chunk: bytes, stream: stream) }
            var stop = state.stopRequested
            let emit: (UnsafeRawBufferPointer, Bool, Int) -> Void = { line, truncated, length in
                if consumer.consume(line: line, stream: stream, truncated: truncated, length: length) { stop = true }
            }
            if stream == .stdout { state.stdout.feed(bytes, emit) } else { state.stderr.feed(bytes, emit) }
            state.stopRequested = stop
            return stop
        }
    }

    /// Hands out each stream's last line when it has no final LF.
    func finish() {
        let consumer = consumer
        state.withLock { state in
            state.stdout.finish { line, truncated, length in
                _ = consumer.consume(line: line, stream: .stdout, truncated: truncated, length: length)
            }
            state.stderr.finish { line, truncated, length in
                _ = consumer.consume(line: line, stream: .stderr, truncated: truncated, length: length)
            }
        }
    }
}
