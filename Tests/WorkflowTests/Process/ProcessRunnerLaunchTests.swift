import Foundation
import Testing

@testable import Workflow

/// Launch failures come back as text, never as a crash; names resolve on the child's PATH.
@Suite(.timeLimit(.minutes(1))) struct ProcessRunnerLaunchTests {
    /// Runs an executable with the given PATH and working directory.
    private func launch(_ executable: String, path: String = "/usr/bin:/bin", cwd: String = "/") async -> ProcessOutcome {
        await ProcessRunner().run(
            ProcessSpec(executable: executable, environment: ["PATH": path], workingDirectory: cwd),
            consumer: LineCollector()
        )
    }

    @Test("a name not on PATH is a launch failure")
    func notOnPath() async {
        let outcome = await launch("runbook-no-such-tool")
        #expect(outcome.launchFailure == "runbook-no-such-tool: executable not found on PATH")
        #expect(outcome.termination == nil && outcome.pid == nil)
    }

    @Test("a missing absolute path is a launch failure")
    func missingPath() async {
        let outcome = await launch("/nonexistent/tool")
        #expect(outcome.launchFailure == "/nonexistent/tool: No such file or directory")
        #expect(outcome.termination == nil)
    }

    @Test("a missing working directory is a launch failure")
    func missingWorkingDirectory() async {
        let outcome = await launch("true", cwd: "/nonexistent-runbook-dir")
        #expect(outcome.launchFailure == "working directory /nonexistent-runbook-dir: No such file or directory")
        #expect(outcome.termination == nil)
    }

    @Test("names resolve on the child's PATH; a file without x permission is refused")
    func childPath() async throws {
        let directory = try ProcessTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try ProcessTestSupport.writeFile(directory + "/runbook-tool", "#!/bin/sh\necho tool ran\n", permissions: 0o755)
        try ProcessTestSupport.writeFile(directory + "/runbook-plain", "#!/bin/sh\necho no\n", permissions: 0o644)

        let collector = LineCollector()
        let ran = await ProcessRunner().run(
            ProcessSpec(executable: "runbook-tool", environment: ["PATH": "/nonexistent:" + directory], workingDirectory: "/"),
            consumer: collector
        )
        #expect(ran.termination == .exited(0), "launch failure: \(ran.launchFailure ?? "none")")
        #expect(collector.texts(.stdout) == ["tool ran"])

        let refused = await launch("runbook-plain", path: directory)
        #expect(refused.launchFailure == "runbook-plain: Permission denied")
    }
}
