#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Lets the calling task reach a run's supervisor thread: a cancellation flag plus a wake-up
/// pipe that the supervisor polls.
///
/// The pipe is closed in `deinit`, so a cancellation handler that fires late still writes to
/// this run's pipe and never to a reused descriptor.
final class RunControl: Sendable {
    /// Set once the calling task is cancelled.
    private let cancelled = Atomic<Bool>(false)
    /// The end the supervisor polls.
    let wakeReadEnd: Int32
    /// The end `cancel()` writes to.
    private let wakeWriteEnd: Int32

    /// Makes the wake-up pipe (both ends non-blocking).
    init() throws(LaunchError) {
        var pipe = try FileDescriptorPipe.make()
        do throws(LaunchError) {
            try DescriptorControl.setNonBlocking(pipe.readEnd)
            try DescriptorControl.setNonBlocking(pipe.writeEnd)
        } catch {
            pipe.close()
            throw error
        }
        wakeReadEnd = pipe.readEnd
        wakeWriteEnd = pipe.writeEnd
    }

    deinit {
        DescriptorControl.close(wakeReadEnd)
        DescriptorControl.close(wakeWriteEnd)
    }

    /// Whether the calling task has been cancelled.
    var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

    /// Marks the run cancelled and wakes the supervisor.
    func cancel() {
        cancelled.store(true, ordering: .releasing)
        var byte: UInt8 = 1
        _ = write(wakeWriteEnd, &byte, 1)
    }

    /// Empties the wake-up pipe.
    func drainWakeups() {
        var bytes = (UInt64(0), UInt64(0))
        while withUnsafeMutableBytes(of: &bytes, { read(wakeReadEnd, $0.baseAddress, $0.count) }) > 0 {}
    }
}
