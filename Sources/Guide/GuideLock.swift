import Foundation
import Frontend
import Workflow

/// One `runbook guide` at a time for a learner and a runbook: a second one would silently lose the
/// first one's choices when both save the state. The lock is an advisory `flock` on a file beside
/// the state, held until the process exits (the kernel releases it even after `kill -9`).
public enum GuideLock {
    /// Takes the lock of `learner` on the runbook with `sha256`, or says who holds it.
    public static func acquire(sha256: String, learner: String) throws(CommandFailure) {
        let folder = StatePaths.runbook(sha256: sha256)
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = (folder as NSString).appendingPathComponent("\(learner).lock")
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }  // no lock without a state folder; the state store reports that
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            close(descriptor)
            throw .usage(
                "another `runbook guide` is running for learner \(learner) on this runbook\(holder.isEmpty ? "" : " (pid \(holder))"); "
                    + "finish or quit it first")
        }
        _ = ftruncate(descriptor, 0)
        DescriptorWriter.writeAll("\(getpid())\n", to: descriptor)
        // The descriptor stays open: the lock lives as long as this process.
    }
}
