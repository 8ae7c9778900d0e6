import Synchronization
import Workflow

/// Receives what `docker cp CONTAINER:PATH -` prints: reads the tar stream on stdout with a
/// `TarStreamReader` and writes the first entry's content to the step's stdout as it arrives;
/// keeps stderr (bounded) for the engine's message. It asks to stop docker when the checks need
/// no more (`finish_on_match`) or when the entry is a folder (whose archive may be large).
final class TarEntryStreamer: LineConsumer, Sendable {
    /// What the stream told, once docker has ended.
    struct Summary: Sendable {
        /// The first entry's header, if it was read.
        var entry: TarHeader?
        /// Why the stream could not be read, if so.
        var problem: String?
        /// Bytes of the entry's content that never arrived.
        var missing: Int64
        /// The engine's error output.
        var errors: String
    }

    private struct State {
        var reader = TarStreamReader()
        var stop = false
        var errors = KeptErrorLines()
    }

    private let output: ActionOutput
    private let state = Mutex(State())

    /// A streamer that writes the content to `output`'s stdout.
    init(output: ActionOutput) {
        self.output = output
    }

    var wantsRawChunks: Bool { true }

    func consume(chunk: UnsafeRawBufferPointer, stream: OutputStreamKind) {
        guard stream == .stdout else { return }
        let output = output
        state.withLock { state in
            var stop = state.stop
            state.reader.feed(chunk) { piece in
                if !stop, output.write(piece, to: .stdout) { stop = true }
            }
            if let entry = state.reader.entry, entry.type != .file { stop = true }
            state.stop = stop
        }
    }

    func consume(line: UnsafeRawBufferPointer, stream: OutputStreamKind, truncated: Bool) -> Bool {
        state.withLock { state in
            if stream == .stderr { state.errors.take(line) }
            return state.stop
        }
    }

    /// Whether the checks need no more, or the entry is not a file (then the rest is not read).
    var wantsStop: Bool { state.withLock { $0.stop } }

    /// What the stream told so far.
    var summary: Summary {
        state.withLock { state in
            Summary(
                entry: state.reader.entry, problem: state.reader.problem, missing: state.reader.contentRemaining,
                errors: state.errors.text)
        }
    }
}
