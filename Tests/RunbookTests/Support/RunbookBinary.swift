import Foundation
import Testing

/// Runs the built `runbook` executable for end-to-end tests, its output captured through files
/// (so that no pipe can fill up and no grandchild can hold one open).
enum RunbookBinary {
    /// What one run left behind.
    struct Outcome {
        /// Exit status (or 128 + signal).
        var status: Int32
        /// Everything printed on stdout.
        var stdout: String
        /// Everything printed on stderr.
        var stderr: String
    }

    /// The executable, built next to the test bundle (`.build/debug/runbook`).
    static let url: URL = Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("runbook")

    /// The folder of fixture files of this test target.
    static let fixtures: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    /// A started process with its output files, for tests that signal it.
    final class Running: @unchecked Sendable {
        let process: Process
        let outURL: URL
        let errURL: URL
        private let handles: [FileHandle]

        init(process: Process, outURL: URL, errURL: URL, handles: [FileHandle]) {
            self.process = process
            self.outURL = outURL
            self.errURL = errURL
            self.handles = handles
        }

        /// Waits for the end and collects the output.
        func finish() throws -> Outcome {
            process.waitUntilExit()
            for handle in handles { try? handle.close() }
            let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
            return Outcome(
                status: status, stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
        }
    }

    /// Starts `runbook ARGUMENTS…` in `directory` with extra environment variables.
    static func start(_ arguments: [String], in directory: URL, environment extra: [String: String] = [:]) throws -> Running {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let outURL = scratch.appendingPathComponent("out")
        let errURL = scratch.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment.merge(extra) { _, new in new }
        process.environment = environment
        try process.run()
        return Running(process: process, outURL: outURL, errURL: errURL, handles: [out, err])
    }

    /// Runs `runbook ARGUMENTS…` to the end.
    static func run(_ arguments: [String], in directory: URL = fixtures, environment: [String: String] = [:]) throws -> Outcome {
        try start(arguments, in: directory, environment: environment).finish()
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
            #expect(!outcome.stdout.contains(marker) && !outcome.stderr.contains(marker), "output holds \(marker)", sourceLocation: sourceLocation)
        }
        #expect(outcome.status < 128 || outcome.status == 130, "killed by a signal: \(outcome.status)", sourceLocation: sourceLocation)
    }
}
