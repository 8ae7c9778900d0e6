import Foundation
import Testing

/// `container:`, `image:`, `volume:` and `network:` (SPEC 6.4) against the real engine, through the built binary.
@Suite("runbook run: docker object kinds", .enabled(if: DockerAvailability.engineShouldRun, DockerAvailability.whyEngine))
struct DockerObjectKindsTests {
    static let objects = RunbookBinary.fixtures.appendingPathComponent("objects/objects.yaml")

    @Test("the object's JSON on stdout; exists true and false; a volume gone after docker volume rm; network aliases")
    func objects() async throws {
        try await DockerAvailability.requireEngine()
        let scratch = DockerScratch()
        defer { scratch.removeAll() }
        let (web, net, vol, image) = (scratch.name("web"), scratch.name("net"), scratch.name("vol"), scratch.name("image"))
        let alias = scratch.name("alias")
        scratch.madeNetwork(net)
        try await scratch.docker(["network", "create", net])
        scratch.madeVolume(vol)
        try await scratch.docker(["volume", "create", vol])
        scratch.madeContainer(web)
        try await scratch.docker([
            "run", "-d", "--name", web, "--network", net, "--network-alias", alias, "-e", "AUTHOR=ada",
            DockerAvailability.baseImage, "sleep", "300",
        ])
        scratch.madeImage(image)
        try await scratch.docker(["commit", "--change", "EXPOSE 80/tcp", web, image])

        let folder = try RunbookBinary.temporaryDirectory("objects")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("results")
        let vars = ["web": web, "gone": scratch.name("gone"), "net": net, "alias": alias, "vol": vol, "image": image]
        let outcome = try await RunbookBinary.run(
            ["run", Self.objects.path, "--out", out.path] + vars.sorted { $0.key < $1.key }.flatMap { ["--var", "\($0.key)=\($0.value)"] },
            in: folder)
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 1, "\(outcome.stdout)\(outcome.stderr)")
        let results = try ResultsFile(directory: out)
        #expect(
            results.statuses() == [
                "running": "passed", "not-stopped": "failed", "absent": "passed", "absent-but-expected": "failed",
                "present-but-unexpected": "failed", "image-ports": "passed", "network-members": "passed", "network-absent": "passed",
                "image-absent": "passed", "volume-there": "passed", "remove-volume": "passed", "volume-gone": "passed",
            ], "\(outcome.stdout)")
        let steps = results.steps()
        #expect(steps["absent-but-expected"]?["reason"] as? String == "exists: container \(vars["gone"]!) does not exist")
        #expect(steps["present-but-unexpected"]?["reason"] as? String == "exists: container \(web) exists")
        #expect((steps["not-stopped"]?["reason"] as? String)?.contains(".State.Running") == true)
        let command = steps["running"]?["command"] as? [String: Any]
        #expect(command?["display"] as? String == "docker container inspect \(web)")
        #expect(command?["argv"] as? [String] == ["docker", "container", "inspect", web])
        #expect(outcome.stdout.contains("$ docker container inspect \(vars["gone"]!)"))
    }

    @Test("an engine that does not answer: object and container-file checks are error, even exists: false; a local file still reads")
    func engineDown() async throws {
        let folder = try RunbookBinary.temporaryDirectory("objects-down")
        defer { try? FileManager.default.removeItem(at: folder) }
        let runbook = folder.appendingPathComponent("engine-down.yaml")
        try FileManager.default.copyItem(at: RunbookBinary.fixtures.appendingPathComponent("objects/engine-down.yaml"), to: runbook)
        let out = folder.appendingPathComponent("results")
        let socket = folder.appendingPathComponent("nobody.sock").path
        let outcome = try await RunbookBinary.run(
            ["run", runbook.path, "--out", out.path], in: folder, environment: ["DOCKER_HOST": "unix://\(socket)", "DOCKER_CONTEXT": ""])
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 1, "\(outcome.stdout)\(outcome.stderr)")
        let results = try ResultsFile(directory: out)
        #expect(results.statuses() == ["container": "error", "in-container": "error", "local-file": "passed", "probe": "error"])
        for step in ["container", "in-container", "probe"] {
            let reason = results.steps()[step]?["reason"] as? String ?? ""
            #expect(reason.contains("Cannot connect to the Docker daemon") && reason.contains(socket), "\(step): \(reason)")
        }
    }
}
