import Foundation
import Testing
import Workflow

@testable import Steps

/// Which containers a sweep names (issue 17, runner fix 1), with a stub `docker` that lists containers with their creation times.
@Suite("Docker sweeps")
struct DockerSweepTests {
    /// The environment of a `docker` stub (Fixtures/docker-stub): `ps` prints `LISTING` (tab-separated
    /// id and time), every call is recorded in `calls`. The stub is a fixture, never written while
    /// tests spawn processes (a fresh executable can be busy then).
    static func stub() throws -> (environment: [String: String], calls: URL) {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent("docker-stub")
        let calls = FileManager.default.temporaryDirectory.appendingPathComponent("sweep-calls-\(UUID().uuidString)")
        // RUNBOOK_ENGINE_CLI: the stub is the CLI; without it a local engine's API would be asked instead.
        return (["PATH": folder.path + ":/usr/bin:/bin", "STUB_CALLS": calls.path, "RUNBOOK_ENGINE_CLI": "1"], calls)
    }

    @Test("leftovers: this learner's and module's stopped containers and Compose project, none created after the preflight")
    func leftoversBeforeTheCutoff() async throws {
        var (environment, calls) = try Self.stub()
        environment["LISTING"] = "old1\\t2026-11-29 10:00:00 +0000 UTC\\nyoung\\t2026-11-29 10:00:05 +0000 UTC\\n"
        let sweep = DockerSweep(cli: DockerCLI(timeout: .seconds(10)))
        let cutoff = try #require(DockerSweep.date("2026-11-29T10:00:03.123456789Z"))
        let ids = await sweep.containers(.leftovers(learner: "ada", module: "5-compose"), environment: environment, cutoff: cutoff)
        #expect(ids == ["old1"])
        let listed = try String(contentsOf: calls, encoding: .utf8).split(separator: "\n")
        #expect(listed.count == 2)
        #expect(listed[0].contains("--filter label=io.runbook.learner=ada --filter label=io.runbook.module=5-compose"))
        #expect(listed[1].contains("--filter label=com.docker.compose.project=ada-5-compose"))
        #expect(listed.allSatisfy { $0.contains("--filter status=exited --filter status=dead") && !$0.contains("status=created") })
    }

    @Test("a run's sweep: its labelled containers and its Compose projects, whatever their age; removed with -v")
    func runSweep() async throws {
        var (environment, calls) = try Self.stub()
        environment["LISTING"] = "abc\\t2030-01-01 00:00:00 +0000 UTC\\n"
        let sweep = DockerSweep(cli: DockerCLI(timeout: .seconds(10)))
        let scope = SweepScope.run(runId: "r1", learner: "ada", module: "m", groups: ["ada-m"])
        let ids = await sweep.containers(scope, environment: environment, cutoff: Date.distantPast)
        #expect(ids == ["abc"])
        await sweep.removeContainers(ids, environment: environment)
        let listed = try String(contentsOf: calls, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(listed.contains { $0.contains("label=com.docker.compose.project=ada-m") })
        #expect(listed.last == "rm -f -v abc")
    }

    @Test("the times docker prints", arguments: ["2026-11-29 10:00:00 +0100 CET", "2026-11-29T09:00:00Z", "2026-11-29T09:00:00.5Z"])
    func dates(_ text: String) throws {
        let date = try #require(DockerSweep.date(text))
        #expect(abs(date.timeIntervalSince1970 - 1_795_942_800) < 1)
    }

    @Test("the CLI's filters as the Engine API's: one key, every value, in the order given")
    func apiFilters() {
        let document = EngineClient.filterDocument([
            "label=io.runbook.learner=ada", "label=io.runbook.module=m", "status=exited", "status=dead",
        ])
        #expect(document == #"{"label":["io.runbook.learner=ada","io.runbook.module=m"],"status":["exited","dead"]}"#)
    }

    @Test("Compose project names: <learner>-<module slug>")
    func projectNames() {
        #expect(ComposeProject.name(learner: "ada", module: "5-Compose App") == "ada-5-compose-app")
    }
}
