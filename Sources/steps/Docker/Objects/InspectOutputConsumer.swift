import Synchronization
import Workflow

/// Turns what `docker <object> inspect NAME` prints — a one-element JSON array, indented by four
/// spaces per level — into the object itself, line by line as it arrives: the first line (`[`) and
/// the last (`]`) are dropped and every other line loses one level of indentation. The key order
/// and docker's own layout stay, so line matchers see what `docker inspect` shows.
///
/// One line is held back until the next arrives, because only the end of the stream tells which
/// line is the last. stderr is kept (bounded) for the engine's message.
final class InspectOutputConsumer: LineConsumer, Sendable {
    private struct State {
        var seenFirst = false
        var held: [UInt8]?
        var errors: [String] = []
        var errorBytes = 0
    }

    /// The most stderr kept for the message.
    private static let errorLimit = 64 << 10
    private let output: ActionOutput
    private let state = Mutex(State())

    /// A consumer that writes the object to `output`'s stdout.
    init(output: ActionOutput) {
        self.output = output
    }

    func consume(line: UnsafeRawBufferPointer, stream: OutputStreamKind, truncated: Bool) -> Bool {
        let output = output
        state.withLock { state in
            guard stream == .stdout else {
                guard state.errorBytes < Self.errorLimit else { return }
                state.errorBytes += line.count + 1
                state.errors.append(String(decoding: line, as: UTF8.self))
                return
            }
            guard state.seenFirst else {
                state.seenFirst = true
                return
            }
            if let held = state.held { output.write(held, to: .stdout) }
            var bytes = Array(line.prefix(4).allSatisfy { $0 == 0x20 } ? line.dropFirst(4) : line[...])
            bytes.append(0x0A)
            state.held = bytes
        }
        return false
    }

    /// The engine's error output.
    var errorText: String { state.withLock { $0.errors.joined(separator: "\n") } }

    /// Ends the object: the held line is the closing `]` unless the output was not an array.
    func finish() {
        let output = output
        state.withLock { state in
            if let held = state.held, String(decoding: held, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) != "]" {
                output.write(held, to: .stdout)
            }
            state.held = nil
        }
    }
}
