import Foundation

/// Runs a helper program (python3, chromium, docker) for end-to-end checks, output through files.
enum ExternalTool {
    /// Exit status and output of one run.
    struct Result {
        var status: Int32
        var output: String
    }

    /// Runs `program ARGUMENTS…` found on PATH, with stdout and stderr merged.
    static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("tool-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: log) }
        let pid = try ChildProcess.spawn(
            program, arguments, in: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
            environment: ProcessInfo.processInfo.environment.merging(environment) { _, new in new }, stdout: log, stderr: log)
        let status = ChildProcess.wait(pid)
        return Result(status: status, output: (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }
}
