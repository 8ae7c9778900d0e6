import Foundation
import Testing

/// Signals reach runbook in the image (SPEC 5, 10.2): `docker stop` sends SIGTERM to the init,
/// which forwards it; the running step is interrupted, the cleanup runs, results are written, 130.
@Suite("the image stops like the native runner", .enabled(if: RunbookImage.shouldRun, RunbookImage.why))
struct ImageSignalTests {
    @Test("SIGTERM while a step runs: interrupted, cleanup done, results written, exit 130")
    func terminate() async throws {
        try RunbookImage.require()
        let scratch = DockerScratch()
        defer { scratch.removeAll() }
        let folder = try RunbookImage.folder("image-signal")
        defer { try? FileManager.default.removeItem(at: folder) }
        let runbook = """
            runbook: 1
            steps:
              - id: wait
                sh: touch started && sleep 600
              - id: after
                exec: [echo, never]
            cleanup:
              - sh: touch cleaned

            """
        try Data(runbook.utf8).write(to: folder.appendingPathComponent("workshop.yaml"))
        try RunbookImage.chownTree(folder)
        let name = scratch.name("signal")
        scratch.madeContainer(name)
        try await scratch.docker([
            "run", "-d", "--name", name, "-v", "/var/run/docker.sock:/var/run/docker.sock", "-v", "\(folder.path):\(folder.path)", "-w",
            folder.path,
            RunbookImage.name, "run", "--out", "results",
        ])
        // The step holds still until it is signalled: wait for its mark, not for time.
        let started = folder.appendingPathComponent("started")
        for _ in 0..<600 where !FileManager.default.fileExists(atPath: started.path) { try await Task.sleep(for: .milliseconds(50)) }
        let early = try await scratch.docker(["logs", name])
        try #require(FileManager.default.fileExists(atPath: started.path), "the step never started: \(early)")
        try await scratch.docker(["stop", "--time", "30", name])
        let status = try await scratch.docker(["inspect", "-f", "{{.State.ExitCode}}", name]).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let logs = try await scratch.docker(["logs", name])
        #expect(status == "130", "\(logs)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("cleaned").path), "the cleanup ran")
        let results = try ResultsFile(directory: folder.appendingPathComponent("results"))
        #expect(results.statuses()["wait"] == "interrupted")
        #expect(results.statuses()["after"] == "skipped")
    }
}
