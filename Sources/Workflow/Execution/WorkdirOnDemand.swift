import Foundation
import Synchronization

/// `${workdir}` made when a step first needs it (SPEC 10.2, inside a container), after a check of
/// where it is: the first step that needs a folder the engine cannot see gets that check's problem
/// as its `error`, and so does every later one.
public final class WorkdirOnDemand: Sendable {
    /// The folder.
    let path: String
    /// Why `path` cannot be used; nil when it can.
    private let check: @Sendable (String) -> String?
    /// nil until first needed; then the problem ("" when the folder was made).
    private let state = Mutex<String?>(nil)

    /// A folder at `path`, checked by `check` before it is made.
    init(path: String, check: @escaping @Sendable (String) -> String?) {
        self.path = path
        self.check = check
    }

    /// Makes the folder (mode 0700) unless it was made already; the problem when it cannot be used.
    func ensure() -> String? {
        let problem = state.withLock { state -> String in
            if let known = state { return known }
            let found = check(path) ?? Self.make(path) ?? ""
            state = found
            return found
        }
        return problem.isEmpty ? nil : problem
    }

    /// Makes `path`; the problem when it cannot.
    private static func make(_ path: String) -> String? {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            return nil
        } catch {
            return "cannot make the learner's folder \(path): \(error.localizedDescription)"
        }
    }

    /// Whether `step` (its command, texts, environment, expectations or probes) uses `${workdir}`.
    static func needs(_ step: Step) -> Bool {
        step.usedNames.contains("workdir")
    }
}
