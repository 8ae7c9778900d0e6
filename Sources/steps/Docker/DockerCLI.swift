import Foundation
import Workflow

/// Runs the real `docker` binary for the backend's own questions (preflight, sweeps), with the
/// learner's environment and a limit.
struct DockerCLI: Sendable {
    /// What one call printed and how it ended.
    struct Reply: Sendable {
        /// The exit status; nil when it could not start, timed out or was killed.
        var status: Int32?
        /// Standard output.
        var stdout: String
        /// Standard error.
        var stderr: String
        /// Why there is no status.
        var failure: String?
    }

    private let runner = ProcessRunner()
    /// Limit for each call.
    let timeout: Duration

    /// Runs `docker ARGS`.
    func run(_ arguments: [String], environment: [String: String]) async -> Reply {
        let collector = OutputCollector()
        var spec = ProcessSpec(executable: "docker", arguments: arguments, environment: environment, workingDirectory: "/")
        spec.timeout = timeout
        spec.killGrace = .seconds(2)
        let outcome = await runner.run(spec, consumer: collector)
        if let failure = outcome.launchFailure { return Reply(status: nil, stdout: "", stderr: "", failure: failure) }
        let name = arguments.first ?? ""
        if outcome.timedOut {
            return Reply(
                status: nil, stdout: collector.stdout, stderr: collector.stderr,
                failure: "`docker \(name)` did not answer within \(Int(timeout.seconds)) s")
        }
        if outcome.interrupted {
            return Reply(status: nil, stdout: collector.stdout, stderr: collector.stderr, failure: "`docker \(name)` was interrupted")
        }
        if case .exited(let code) = outcome.termination { return Reply(status: code, stdout: collector.stdout, stderr: collector.stderr) }
        return Reply(status: nil, stdout: collector.stdout, stderr: collector.stderr, failure: "`docker \(name)` was killed")
    }

    /// The engine's own error, without docker's usage noise; the fallback when it printed nothing.
    static func engineMessage(_ reply: Reply) -> String {
        let lines = reply.stderr.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let meaningful = lines.first { $0.contains("Cannot connect") || $0.contains("error") || $0.contains("Error") } ?? lines.first
        let message = meaningful ?? (reply.failure ?? reply.stdout).trimmingCharacters(in: .whitespacesAndNewlines)
        return message.isEmpty ? DockerBackend.unreachableMessage : message
    }
}
