import Foundation
import Workflow

/// Where `runbook guide` keeps its state: `$XDG_STATE_HOME/runbook/<runbook sha256>/<learner>.json`,
/// `~/.local/state` when XDG_STATE_HOME is unset (SPEC 3). Files are the learner's own: mode 0600.
public struct GuideStateStore: Sendable {
    /// Why the state cannot be read or written.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong, with the path.
        public var description: String
    }

    /// `…/runbook`: one folder per runbook version (its sha256), one file per learner in it.
    public let root: String

    /// The store of this environment.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        root = StatePaths.root(environment: environment)
    }

    /// The file of `learner` for the runbook with `sha256`.
    public func path(sha256: String, learner: String) -> String {
        ((root as NSString).appendingPathComponent(sha256) as NSString).appendingPathComponent("\(learner).json")
    }

    /// The saved state, nil when there is none; throws when the file exists but cannot be read.
    public func load(sha256: String, learner: String) throws(Failure) -> GuideState? {
        try load(path: path(sha256: sha256, learner: learner))
    }

    /// The newest state of `learner` saved for another version of the runbook at `runbookPath`.
    public func findOtherVersion(of runbookPath: String, sha256: String, learner: String) -> (state: GuideState, path: String)? {
        guard let folders = try? FileManager.default.contentsOfDirectory(atPath: root) else { return nil }
        var newest: (state: GuideState, path: String)?
        for folder in folders where folder != sha256 {
            let file = path(sha256: folder, learner: learner)
            guard FileManager.default.fileExists(atPath: file), let state = try? load(path: file), state.runbook.path == runbookPath else {
                continue
            }
            if newest == nil || state.updatedAt > newest!.state.updatedAt { newest = (state, file) }
        }
        return newest
    }

    /// Saves `state` atomically (a temporary file renamed over the old one), readable by its owner only.
    public func save(_ state: GuideState) throws(Failure) {
        let file = path(sha256: state.runbook.sha256, learner: state.learner)
        let folder = (file as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let encoder = JSONEncoder.runbook
            encoder.outputFormatting.insert(.prettyPrinted)
            let data = try encoder.encode(state)
            let temporary = file + ".tmp-\(getpid())"
            guard FileManager.default.createFile(atPath: temporary, contents: data, attributes: [.posixPermissions: 0o600]) else {
                throw Failure(description: "cannot write \(temporary)")
            }
            guard rename(temporary, file) == 0 else {
                let message = String(cString: strerror(errno))
                unlink(temporary)
                throw Failure(description: "cannot save \(file): \(message)")
            }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "cannot save the guide's progress in \(file): \(error.localizedDescription)")
        }
    }

    /// Removes a state file (after its progress moved to the runbook's new version), and its
    /// learner's `${workdir}` beside it: moved to `movingWorkdirTo` when the progress is kept, else removed.
    public func remove(path: String, movingWorkdirTo workdir: String? = nil) {
        try? FileManager.default.removeItem(atPath: path)
        try? FileManager.default.removeItem(atPath: String(path.dropLast(".json".count)) + ".lock")
        let oldWorkdir = String(path.dropLast(".json".count)) + ".work"
        if FileManager.default.fileExists(atPath: oldWorkdir) {
            if let workdir, (try? FileManager.default.contentsOfDirectory(atPath: workdir))?.isEmpty ?? true {
                try? FileManager.default.removeItem(atPath: workdir)
                try? FileManager.default.moveItem(atPath: oldWorkdir, toPath: workdir)
            }
            try? FileManager.default.removeItem(atPath: oldWorkdir)
        }
        let folder = (path as NSString).deletingLastPathComponent
        if (try? FileManager.default.contentsOfDirectory(atPath: folder))?.isEmpty == true {
            try? FileManager.default.removeItem(atPath: folder)
        }
    }

    private func load(path: String) throws(Failure) -> GuideState? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else { throw Failure(description: "cannot read \(path)") }
        do {
            let state = try JSONDecoder.runbook.decode(GuideState.self, from: data)
            guard state.schema == GuideState.currentSchema else { throw Failure(description: "\(path): unknown schema \(state.schema)") }
            return state
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "\(path) is not a guide state file (\(error.localizedDescription)); remove it to start over")
        }
    }
}
