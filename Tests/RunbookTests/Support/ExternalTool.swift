import Foundation
import ProcessHarness

/// Runs a helper program (python3, chromium, docker, curl) for end-to-end checks, output through files.
enum ExternalTool {
    /// Exit status and output of one run.
    struct Result {
        /// Exit status (or 128 + signal).
        var status: Int32
        /// stdout and stderr, merged.
        var output: String
    }

    /// Runs `program ARGUMENTS…` found on PATH, with stdout and stderr merged.
    static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) async throws -> Result {
        let outcome = try await ChildProcess.run(
            program, arguments, environment: ProcessInfo.processInfo.environment.merging(environment) { _, new in new }, mergeOutput: true)
        return Result(status: outcome.status, output: outcome.stdout)
    }

    /// Starts `program ARGUMENTS…` without waiting for it (cleanup in a `defer`): it is reaped in the background.
    static func launch(_ program: String, _ arguments: [String]) {
        (try? ChildProcess.spawn(program, arguments))?.reapInBackground()
    }
}
