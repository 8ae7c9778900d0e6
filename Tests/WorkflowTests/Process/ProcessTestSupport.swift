import Foundation
import Workflow

#if canImport(Glibc)
    import Glibc
#endif

/// Helpers shared by the process runner tests: specs, clocks and a look at process groups.
enum ProcessTestSupport {
    /// The environment every test child gets.
    static let environment = ["PATH": "/usr/bin:/bin"]

    /// A spec running `script` with `/bin/sh -c`.
    static func shell(
        _ script: String,
        standardInput: StandardInput = .null,
        terminal: Bool = false,
        timeout: Duration? = nil,
        killGrace: Duration = .seconds(5),
        drainTimeout: Duration = .seconds(2)
    ) -> ProcessSpec {
        ProcessSpec(
            executable: "/bin/sh",
            arguments: ["-c", script],
            environment: environment,
            workingDirectory: "/",
            standardInput: standardInput,
            terminal: terminal,
            timeout: timeout,
            killGrace: killGrace,
            drainTimeout: drainTimeout
        )
    }

    /// Runs `spec` and measures how long the call took.
    static func timedRun(
        _ spec: ProcessSpec,
        consumer: LineCollector,
        runner: ProcessRunner = ProcessRunner()
    ) async -> (outcome: ProcessOutcome, elapsed: Duration) {
        let start = ContinuousClock.now
        let outcome = await runner.run(spec, consumer: consumer)
        return (outcome, start.duration(to: .now))
    }

    /// Whether no process of group `pgid` is alive: the kernel does not know the group, or
    /// `/proc` shows only zombies in it (PID 1 here reaps orphans lazily).
    static func groupIsGone(_ pgid: Int32) -> Bool {
        if kill(-pgid, 0) != 0 && errno == ESRCH { return true }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries where entry.allSatisfy(\.isNumber) {
            guard let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 2 else { continue }
            if Int32(fields[2]) == pgid && fields[0] != "Z" && fields[0] != "X" { return false }
        }
        return true
    }

    /// Makes a fresh temporary directory.
    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("runner-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes a file with the given permissions.
    static func writeFile(_ path: String, _ contents: String, permissions: Int) throws {
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: path)
    }
}
