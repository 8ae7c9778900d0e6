import Synchronization
import Workflow

/// Counts 100-byte lines of x and notes any other line.
final class UniformLineCounter: LineConsumer {
    private let lines = Mutex((count: 0, wrong: 0))

    func consume(line: UnsafeRawBufferPointer, stream: OutputStreamKind, truncated: Bool) -> Bool {
        let good = line.count == 99 && line.allSatisfy { $0 == UInt8(ascii: "x") } && stream == .stdout && !truncated
        lines.withLock {
            $0.count += 1; if !good { $0.wrong += 1 }
        }
        return false
    }

    /// Lines seen.
    var count: Int { lines.withLock { $0.count } }
    /// Lines that were not 99 x's on stdout.
    var wrongLines: Int { lines.withLock { $0.wrong } }
}
