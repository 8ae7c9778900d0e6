import Foundation

/// An exclusive `flock` on a lock file, so that two runbook processes of the same learner and
/// board (a `run` and a `guide`, say) never interleave their outbox updates.
struct FileLock: Sendable {
    /// The lock file (created when missing).
    let path: String

    /// Runs `body` holding the lock; without a lock file (an unwritable folder) it runs unlocked.
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return try body() }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
