import Foundation

/// Where runbook keeps state between commands: `$XDG_STATE_HOME/runbook/` (default `~/.local/state`).
public enum StatePaths {
    /// The root folder, `$XDG_STATE_HOME/runbook`.
    public static func root(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        // XDG: a relative XDG_STATE_HOME is invalid and ignored.
        let base =
            environment["XDG_STATE_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/state")
        return (base as NSString).appendingPathComponent("runbook")
    }

    /// The folder of one runbook's state (by its sha256).
    public static func runbook(sha256: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        (root(environment: environment) as NSString).appendingPathComponent(sha256)
    }

    /// `${workdir}` of `guide` and `check` for one learner: `<runbook state>/<learner>.work`.
    public static func workdir(sha256: String, learner: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String
    {
        (runbook(sha256: sha256, environment: environment) as NSString).appendingPathComponent("\(learner).work")
    }
}
