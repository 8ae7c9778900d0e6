import Foundation
import ProcessHarness
import Testing

/// The Engine API where the engine is local (SPEC 12.1): each object probe and `file:` in a
/// container gives the same results through the API as with `--engine-cli` (real engine), the
/// API path survives an engine that goes away mid-answer, and malformed answers are messages
/// with a position, never a crash (a fake engine on a unix socket).
@Suite("runbook run: the Engine API")
struct EngineAPITests {
    static let parity = RunbookBinary.fixtures.appendingPathComponent("engine-api/parity.yaml")
    static let fakeRunbook = RunbookBinary.fixtures.appendingPathComponent("engine-api/fake-engine.yaml")
    static let fakeEngine = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Shared/fake-engine.py")

    @Test(
        "every probe through the API and through the CLI: same statuses, reasons, excerpts, commands, fingerprint",
        .enabled(if: DockerAvailability.engineShouldRun, DockerAvailability.whyEngine))
    func parity() async throws {
        try await DockerAvailability.requireEngine()
        let scratch = DockerScratch()
        defer { scratch.removeAll() }
        let (web, net, vol, image, alias) = (
            scratch.name("web"), scratch.name("net"), scratch.name("vol"), scratch.name("img"), scratch.name("alias")
        )
        scratch.madeNetwork(net)
        try await scratch.docker(["network", "create", net])
        scratch.madeVolume(vol)
        try await scratch.docker(["volume", "create", vol])
        scratch.madeContainer(web)
        let script =
            "umask 022; echo hello > /srv/index.html; ln -s /srv/index.html /srv/link; ln -s index.html /srv/relative; "
            + "ln -s nowhere /srv/dangling; exec sleep 300"
        try await scratch.docker([
            "run", "-d", "--name", web, "--network", net, "--network-alias", alias, DockerAvailability.baseImage, "sh", "-c", script,
        ])
        scratch.madeImage(image)
        try await scratch.docker(["commit", "--change", "EXPOSE 80/tcp", web, image])
        let vars = ["web": web, "gone": scratch.name("gone"), "net": net, "alias": alias, "vol": vol, "image": image]
        let arguments = vars.sorted { $0.key < $1.key }.flatMap { ["--var", "\($0.key)=\($0.value)"] }

        let folder = try RunbookBinary.temporaryDirectory("engine-api")
        defer { try? FileManager.default.removeItem(at: folder) }
        let api = try await Self.run(Self.parity, arguments, in: folder, out: "api")
        let cli = try await Self.run(Self.parity, arguments + ["--engine-cli"], in: folder, out: "cli")
        #expect(
            api.statuses() == [
                "container": "passed", "container-gone": "passed", "container-wrong": "failed", "image": "passed", "image-gone": "passed",
                "volume": "passed", "volume-gone": "failed", "network": "passed", "network-gone": "passed", "file": "passed",
                "file-link": "passed", "file-relative-link": "passed", "file-dangling": "passed", "folder": "passed",
                "file-missing": "passed",
                "file-no-container": "error",
            ])
        for (id, step) in api.steps() {
            let other = try #require(cli.steps()[id])
            #expect(Self.timeless(step) == Self.timeless(other), "step \(id) differs:\n\(step)\n\(other)")
        }
        let preflight = { (results: ResultsFile) in Self.timeless(results.learners.first?["preflight"] as? [String: Any] ?? [:]) }
        #expect(preflight(api) == preflight(cli))
        let fingerprint = (api.learners.first?["preflight"] as? [String: Any])?["fingerprint"] as? [String: Any]
        #expect(fingerprint?["serverVersion"] as? String != nil && fingerprint?["clientVersion"] as? String != nil, "\(fingerprint ?? [:])")
        let reason = api.steps()["file-no-container"]?["reason"] as? String
        #expect(reason == "Error response from daemon: No such container: \(vars["gone"]!)")
        let shown = (api.steps()["container"]?["command"] as? [String: Any])?["display"] as? String
        #expect(shown == "docker container inspect \(web)")
    }

    @Test("the engine goes away in the middle of its answer: the probe is error, the re-probe finds it gone")
    func engineGoesAway() async throws {
        let (results, log) = try await Self.runAgainstFakeEngine("dies")
        #expect(results.statuses() == ["inspect": "error", "after": "error"])
        let inspect = results.steps()["inspect"]?["reason"] as? String ?? ""
        #expect(inspect.contains("closed the connection") || inspect.contains("stopped answering"), "\(inspect)")
        let after = results.steps()["after"]?["reason"] as? String ?? ""
        #expect(
            after.hasPrefix("Cannot connect to the Docker daemon at unix://") && after.hasSuffix("Is the docker daemon running?"),
            "\(after)")
        #expect(log.contains("GET /v1.41/containers/web/json"), "asked at the negotiated version: \(log)")
    }

    @Test("a docker info that is not JSON: the preflight says where it goes wrong; the learner's docker steps are error")
    func malformedInfo() async throws {
        let (results, _) = try await Self.runAgainstFakeEngine("malformed-info")
        let preflight = results.learners.first?["preflight"] as? [String: Any]
        let message = preflight?["message"] as? String ?? ""
        #expect(
            message == "the engine's answer to `docker info` is not JSON: expected a key in double quotes at line 1, column 28",
            "\(message)")
        #expect(results.statuses()["inspect"] == "error")
    }

    @Test("an inspect answer that is not JSON: error with its position")
    func malformedInspect() async throws {
        let (results, _) = try await Self.runAgainstFakeEngine("malformed-inspect")
        let reason = results.steps()["inspect"]?["reason"] as? String ?? ""
        #expect(
            reason
                == "the engine's answer to `docker container inspect web` is not JSON: expected a key in double quotes at line 1, column 2")
        #expect(results.statuses()["inspect"] == "error")
    }

    @Test("a docker info printed by the CLI that is not JSON: the same positioned message")
    func malformedInfoFromCLI() async throws {
        let run = try await StubDocker.run(Self.fakeRunbook, environment: ["STUB_INFO": "{\"ServerVersion\": 1,"])
        let preflight = run.results.learners.first?["preflight"] as? [String: Any]
        let expected = "the engine's answer to `docker info` is not JSON: expected a key in double quotes at line 1, column 21"
        #expect(preflight?["message"] as? String == expected)
        #expect(run.results.statuses()["inspect"] == "error")
    }

    /// Runs `runbook run RUNBOOK ARGUMENTS… --out FOLDER/OUT`; returns the results.
    static func run(_ runbook: URL, _ arguments: [String], in folder: URL, out: String) async throws -> ResultsFile {
        let outcome = try await RunbookBinary.run(
            ["run", runbook.path, "--out", folder.appendingPathComponent(out).path] + arguments, in: folder)
        RunbookBinary.expectNoCrash(outcome)
        return try ResultsFile(directory: folder.appendingPathComponent(out))
    }

    /// Runs the fake-engine runbook against `fake-engine.py SOCKET MODE`; returns the results and the engine's request log.
    static func runAgainstFakeEngine(_ mode: String) async throws -> (ResultsFile, String) {
        let folder = try RunbookBinary.temporaryDirectory("fake-engine")
        defer { try? FileManager.default.removeItem(at: folder) }
        let socket = folder.appendingPathComponent("engine.sock").path
        let engine = try ChildProcess.spawn(
            "/usr/bin/env", ["python3", fakeEngine.path, socket, mode], in: folder.path, environment: ProcessInfo.processInfo.environment,
            stdout: .file(folder.appendingPathComponent("engine.out").path, append: false),
            stderr: .file(folder.appendingPathComponent("engine.err").path, append: false))
        defer {
            engine.signal(SIGKILL)
            engine.reapInBackground()
        }
        // The engine is ready once its socket exists: wait for that, not for a time.
        while !FileManager.default.fileExists(atPath: socket) {
            try #require(engine.isRunning, "the fake engine ended before it listened")
            try await Task.sleep(for: .milliseconds(10))
        }
        let out = folder.appendingPathComponent("results")
        let outcome = try await RunbookBinary.run(
            ["run", fakeRunbook.path, "--out", out.path], in: folder,
            environment: ["DOCKER_HOST": "unix://\(socket)", "DOCKER_CONTEXT": ""])
        RunbookBinary.expectNoCrash(outcome)
        let log = (try? String(contentsOfFile: socket + ".log", encoding: .utf8)) ?? ""
        return (try ResultsFile(directory: out), log)
    }

    /// `value` without the times of a run (they differ between any two runs), as a comparable dictionary.
    static func timeless(_ value: [String: Any]) -> NSDictionary {
        func strip(_ value: Any) -> Any {
            if let dictionary = value as? [String: Any] {
                return dictionary.filter { !["startedAt", "endedAt", "durationSeconds"].contains($0.key) }.mapValues(strip)
            }
            if let array = value as? [Any] { return array.map(strip) }
            return value
        }
        return (strip(value) as? [String: Any] ?? [:]) as NSDictionary
    }
}
