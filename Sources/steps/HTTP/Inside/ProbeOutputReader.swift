import Synchronization
import Text
import Workflow

/// Reads what `docker run … runbook-probe probe-http …` prints (see `HTTPProbe`): the JSON line
/// first, kept until the end; every byte after it is the response body, handed to the step's
/// stdout as it arrives. stderr (docker's and the probe's) is kept, bounded, for messages.
final class ProbeOutputReader: LineConsumer, Sendable {
    private struct State {
        var header: [UInt8] = []
        var headerDone = false
        var stop = false
        var errors = KeptErrorLines()
    }

    /// The most header bytes kept.
    private static let limit = 64 << 10
    private let output: ActionOutput
    private let state = Mutex(State())

    /// A reader that writes the body to `output`'s stdout.
    init(output: ActionOutput) {
        self.output = output
    }

    var wantsRawChunks: Bool { true }

    func consume(chunk: UnsafeRawBufferPointer, stream: OutputStreamKind) {
        guard stream == .stdout else { return }
        let output = output
        state.withLock { state in
            var body = chunk[...]
            if !state.headerDone {
                if let newline = body.firstIndex(of: 0x0A) {
                    state.header += body[..<newline].prefix(max(0, Self.limit - state.header.count))
                    state.headerDone = true
                    body = body[(newline + 1)...]
                } else {
                    state.header += body.prefix(max(0, Self.limit - state.header.count))
                    return
                }
            }
            if !body.isEmpty, !state.stop, output.write(UnsafeRawBufferPointer(rebasing: body), to: .stdout) { state.stop = true }
        }
    }

    func consume(line: UnsafeRawBufferPointer, stream: OutputStreamKind, truncated: Bool) -> Bool {
        state.withLock { state in
            if stream == .stderr { state.errors.take(line) }
            return state.stop
        }
    }

    /// The probe's JSON line, parsed; nil when none came (or it is not JSON).
    var header: JSONValue? {
        state.withLock { state in state.headerDone ? try? JSONParser.parse(state.header) : nil }
    }

    /// What was printed on stderr.
    var errorText: String { state.withLock { $0.errors.text } }
}
