import Foundation
import ProcessHarness
import Testing

/// Runs the built `runbook` executable for end-to-end tests, its output captured through files
/// (so that no pipe can fill up and no grandchild can hold one open).
enum RunbookBinary {
    /// What one run left behind: exit status (or 128 + signal), stdout, stderr.
    typealias Outcome = ProcessHarness.Outcome

    /// The executable, built next to the test bundle (`.build/debug/runbook`).
    static let url: URL = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("runbook")

    /// The folder of fixture files of this test target.
    static let fixtures: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    /// A started process with its output files, for tests that signal it.
    final class Running: Sendable {
        /// The process.
        let child: ChildProcess
        /// Its standard output.
        let outURL: URL
        /// Its standard error.
        let errURL: URL

        init(child: ChildProcess, outURL: URL, errURL: URL) {
            self.child = child
            self.outURL = outURL
            self.errURL = errURL
        }

        /// The process id.
        var pid: pid_t { child.pid }

        /// Whether the process has not ended yet (a zombie counts as ended; it is reaped by `finish`).
        var isRunning: Bool { child.isRunning }

        /// Waits for the end (without blocking Swift's pool) and collects the output.
        func finish() async -> Outcome {
            let status = await child.exitStatus()
            return Outcome(status: status, stdout: ChildProcess.text(outURL.path), stderr: ChildProcess.text(errURL.path))
        }
    }

    /// Starts `runbook ARGUMENTS…` in `directory` with extra environment variables.
    static func start(_ arguments: [String], in directory: URL, environment extra: [String: String] = [:]) throws -> Running {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let outURL = scratch.appendingPathComponent("out")
        let errURL = scratch.appendingPathComponent("err")
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { _, new in new }
        let child = try ChildProcess.spawn(
            url.path, arguments, in: directory.path, environment: environment, stdout: .file(outURL.path), stderr: .file(errURL.path))
        return Running(child: child, outURL: outURL, errURL: errURL)
    }

    /// Runs `runbook ARGUMENTS…` to the end.
    static func run(_ arguments: [String], in directory: URL = fixtures, environment: [String: String] = [:]) async throws -> Outcome {
        try await start(arguments, in: directory, environment: environment).finish()
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryDirectory(_ name: String = "runbook") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// No crash report of any kind in the output, and no death by signal.
    static func expectNoCrash(_ outcome: Outcome, sourceLocation: SourceLocation = #_sourceLocation) {
        for marker in ["Fatal error", "Stack dump", "Backtrace", "Current stack trace", "💣"] {
            #expect(
                !outcome.stdout.contains(marker) && !outcome.stderr.contains(marker), "output holds \(marker)",
                sourceLocation: sourceLocation)
        }
        #expect(outcome.status < 128 || outcome.status == 130, "killed by a signal: \(outcome.status)", sourceLocation: sourceLocation)
    }
}
