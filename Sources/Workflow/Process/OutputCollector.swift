import Synchronization

/// Collects a short command's output as text (bounded), for engine checks and helper commands.
public final class OutputCollector: LineConsumer, Sendable {
    private let limit: Int
    private let state = Mutex<(stdout: [String], stderr: [String], bytes: Int)>(([], [], 0))

    /// Creates a collector that keeps at most `limit` bytes of lines.
    public init(limit: Int = 1 << 20) {
        self.limit = limit
    }

    public func consume(line: UnsafeRawBufferPointer, stream: OutputStreamKind, truncated: Bool) -> Bool {
        state.withLock { state in
            guard state.bytes < limit else { return }
            state.bytes += line.count + 1
            let text = String(decoding: line, as: UTF8.self)
            if stream == .stdout { state.stdout.append(text) } else { state.stderr.append(text) }
        }
        return false
    }

    /// Standard output, lines joined with LF.
    public var stdout: String { state.withLock { $0.stdout.joined(separator: "\n") } }
    /// Standard error, lines joined with LF.
    public var stderr: String { state.withLock { $0.stderr.joined(separator: "\n") } }
}
