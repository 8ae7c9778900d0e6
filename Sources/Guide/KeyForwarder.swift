import Foundation

/// Copies the learner's keys to a `tty: true` step while it runs: the terminal is polled, and
/// what is typed goes into a pipe whose read end the runner copies to the step's terminal.
/// Ctrl-C is not among the keys: it still arrives as SIGINT and stops the step.
final class KeyForwarder: Sendable {
    /// The end the runner reads (non-blocking).
    let readEnd: Int32
    private let writeEnd: Int32
    private let source: Int32

    /// Why the pipe cannot be made.
    struct Failure: Error {
        /// errno.
        var code: Int32
    }

    /// Makes the pipe; `source` is the learner's terminal.
    init(source: Int32) throws(Failure) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw Failure(code: errno) }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        readEnd = ends[0]
        writeEnd = ends[1]
        self.source = source
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// Copies keys until the calling task is cancelled.
    func forward() async {
        var buffer = [UInt8](repeating: 0, count: 256)
        while !Task.isCancelled {
            var entry = pollfd(fd: source, events: Int16(POLLIN), revents: 0)
            if poll(&entry, 1, 0) > 0, entry.revents & Int16(POLLIN) != 0 {
                let count = read(source, &buffer, buffer.count)
                if count > 0 { _ = buffer.withUnsafeBytes { write(writeEnd, $0.baseAddress!, count) } }
                continue
            }
            try? await Task.sleep(for: .milliseconds(15))
        }
    }
}
