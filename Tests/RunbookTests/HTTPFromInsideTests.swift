import Foundation
import Testing

/// `http:` with `from:` (SPEC 12.2) against the real engine: targets that publish no port, reached
/// by a network alias and from inside a container's network namespace, one of them built without a
/// shell (a root holding only busybox-static's httpd, so `docker exec` could not work); a readiness
/// wait that runs inside one probe container; and what is refused or reported.
@Suite("runbook run: http from inside", .enabled(if: DockerAvailability.engineShouldRun, DockerAvailability.whyEngine))
struct HTTPFromInsideTests {
    static let inside = RunbookBinary.fixtures.appendingPathComponent("http-inside/inside.yaml")
    static let overSSH = RunbookBinary.fixtures.appendingPathComponent("http-inside/from-over-ssh.yaml")

    @Test("no published port, alias and namespace, a shell-less target, a wait inside one probe, refused, a missing container")
    func requests() async throws {
        try await DockerAvailability.requireEngine()
        let scratch = DockerScratch()
        defer { scratch.removeAll() }
        let folder = try RunbookBinary.temporaryDirectory("http-inside")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (net, site, target, late) = (scratch.name("net"), scratch.name("site"), scratch.name("target"), scratch.name("late"))
        let (shellless, withShell) = (scratch.name("httpd") + ":1", scratch.name("late-httpd") + ":1")
        try await Self.importBusyboxImage(shellless, in: folder.appendingPathComponent("a"), shell: false, scratch: scratch)
        try await Self.importBusyboxImage(withShell, in: folder.appendingPathComponent("b"), shell: true, scratch: scratch)
        scratch.madeNetwork(net)
        try await scratch.docker(["network", "create", net])
        scratch.madeContainer(target)
        try await scratch.docker(["run", "-d", "--name", target, "--network", net, "--network-alias", site, shellless])
        let exec = try await ExternalTool.run("docker", ["exec", target, "sh", "-c", "true"])
        #expect(exec.status != 0, "the target has no shell: docker exec cannot work there")
        scratch.madeContainer(late)
        try await scratch.docker(["run", "-d", "--name", late, "--network", net, withShell])

        let vars = ["net": net, "site": site, "target": target, "late": late, "gone": scratch.name("gone")]
        let out = folder.appendingPathComponent("results")
        let running = try RunbookBinary.start(
            ["run", Self.inside.path, "--out", out.path] + vars.sorted { $0.key < $1.key }.flatMap { ["--var", "\($0.key)=\($0.value)"] },
            in: folder)
        // The late server starts once the wait's probe container is there: one container for the whole wait.
        while running.isRunning {
            let probes = await DockerAvailability.docker(["ps", "-q", "--filter", "label=io.runbook.step=late"])
            if !probes.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                try await scratch.docker(["exec", late, "/bin/busybox", "touch", "/tmp/go"])
                break
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        let outcome = await running.finish()
        RunbookBinary.expectNoCrash(outcome)
        let results = try ResultsFile(directory: out)
        #expect(
            results.statuses() == [
                "by-alias": "passed", "in-namespace": "passed", "not-found": "passed", "late": "passed", "refused": "failed",
                "no-container": "error",
            ], "\(outcome.stdout)\(outcome.stderr)")
        let steps = results.steps()
        #expect(steps["late"]?["attempts"] as? Int == 1, "the wait ran inside one probe container")
        #expect(steps["refused"]?["reason"] as? String == "connection refused: http://\(site):81/")
        let missing = steps["no-container"]?["reason"] as? String ?? ""
        #expect(missing.hasPrefix("no container \(vars["gone"]!) to make the request from"), "\(missing)")
        let command = steps["by-alias"]?["command"] as? [String: Any]
        #expect(command?["display"] as? String == "docker run --rm --network \(net) curlimages/curl -i -L http://\(site)/")
        let shown = steps["in-namespace"]?["command"] as? [String: Any]
        #expect(shown?["display"] as? String == "docker run --rm --network container:\(target) curlimages/curl -i -L http://127.0.0.1:80/")
        let left = await DockerAvailability.docker([
            "ps", "-aq", "--filter", "label=io.runbook.learner=local", "--filter", "label=io.runbook.step=late",
        ])
        #expect(left.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "probe containers remove themselves")
    }

    @Test("from: where a learner's engine is reached over ssh: refused before anything runs, with why")
    func refusedOverSSH() async throws {
        let folder = try RunbookBinary.temporaryDirectory("http-inside-ssh")
        defer { try? FileManager.default.removeItem(at: folder) }
        let roster = folder.appendingPathComponent("roster.yaml")
        try "learners:\n  - { id: alice, docker_host: 'ssh://alice@lab-01.example.org' }\n".write(
            to: roster, atomically: true, encoding: .utf8)
        let outcome = try await RunbookBinary.run([
            "run", Self.overSSH.path, "--learners", roster.path, "--out", folder.appendingPathComponent("out").path,
        ])
        #expect(outcome.status == 2, "\(outcome.stdout)\(outcome.stderr)")
        #expect(
            outcome.stderr.contains("from-over-ssh.yaml:7:24: error: `from:` cannot be used when a learner's engine is reached over ssh://")
        )
        #expect(outcome.stderr.contains("docker run --rm --network NET curlimages/curl -i URL"))
        let valid = try await RunbookBinary.run(["validate", Self.overSSH.path])
        #expect(valid.status == 0, "without a roster nothing says ssh: \(valid.stderr)")
    }

    /// Imports a tiny image of busybox-static: `shell: false` holds only `/httpd` (serving
    /// /www, no shell at all); `shell: true` has `/bin/sh` and waits for /tmp/go before it serves.
    static func importBusyboxImage(_ name: String, in root: URL, shell: Bool, scratch: DockerScratch) async throws {
        let files = FileManager.default
        try files.createDirectory(at: root.appendingPathComponent("www"), withIntermediateDirectories: true)
        let page = shell ? "late but ready\n" : "hello from a shell-less image\n"
        try page.write(to: root.appendingPathComponent("www/index.html"), atomically: true, encoding: .utf8)
        let change: String
        if shell {
            try files.createDirectory(at: root.appendingPathComponent("bin"), withIntermediateDirectories: true)
            try files.createDirectory(at: root.appendingPathComponent("tmp"), withIntermediateDirectories: true)
            try files.copyItem(atPath: "/bin/busybox", toPath: root.appendingPathComponent("bin/sh").path)
            try files.copyItem(atPath: "/bin/busybox", toPath: root.appendingPathComponent("bin/busybox").path)
            change =
                #"CMD ["/bin/sh", "-c", "while [ ! -e /tmp/go ]; do /bin/busybox sleep 0.1; done; "#
                + #"exec /bin/busybox httpd -f -p 80 -h /www"]"#
        } else {
            try files.copyItem(atPath: "/bin/busybox", toPath: root.appendingPathComponent("httpd").path)
            change = #"CMD ["/httpd", "-f", "-p", "80", "-h", "/www"]"#
        }
        let archive = root.appendingPathExtension("tar")
        let tar = try await ExternalTool.run("tar", ["-C", root.path, "-cf", archive.path, "."])
        try #require(tar.status == 0, "tar: \(tar.output)")
        scratch.madeImage(name)
        try await scratch.docker(["import", "--change", change, archive.path, name])
    }
}
