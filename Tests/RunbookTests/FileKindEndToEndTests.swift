import Foundation
import Testing

/// `file:` (SPEC 6.6) through the built binary: on the runner's machine, and inside containers
/// (running, stopped, and made from an image without a shell) through the real engine.
@Suite("runbook run: file kind")
struct FileKindEndToEndTests {
    /// The content of the big file: 100 000 numbered lines, about 1 MiB, many read chunks long.
    static let bigText = (0..<100_000).map { "line \($0)\n" }.joined()

    @Test("on the runner's machine: content, size, mode, a step's cwd, absent files, folders and a file many chunks long")
    func local() async throws {
        let folder = try RunbookBinary.temporaryDirectory("file-local")
        defer { try? FileManager.default.removeItem(at: folder) }
        let work = folder.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("folder"), withIntermediateDirectories: true)
        let files = FileManager.default
        let notesContent = Data("hello\nworld\n".utf8)
        let notesPath = work.appendingPathComponent("notes.txt").path
        #expect(files.createFile(atPath: notesPath, contents: notesContent, attributes: [.posixPermissions: 0o640]))
        #expect(files.createFile(atPath: work.appendingPathComponent("big.txt").path, contents: Data(Self.bigText.utf8)))
        let runbook = folder.appendingPathComponent("files.yaml")
        try files.copyItem(at: RunbookBinary.fixtures.appendingPathComponent("objects/files-local.yaml"), to: runbook)
        let out = folder.appendingPathComponent("results")
        // Started elsewhere: relative paths count from the runbook's folder (or the step's cwd), not from where runbook runs.
        let outcome = try await RunbookBinary.run(["run", runbook.path, "--out", out.path], in: URL(fileURLWithPath: "/"))
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 1, "\(outcome.stdout)\(outcome.stderr)")
        let results = try ResultsFile(directory: out)
        #expect(
            results.statuses() == [
                "content": "passed", "step-cwd": "passed", "absolute": "passed", "absent": "passed", "absent-but-expected": "failed",
                "folder": "passed", "folder-size": "failed", "wrong-mode": "failed", "big": "passed",
            ], "\(outcome.stdout)")
        let steps = results.steps()
        let notes = work.appendingPathComponent("notes.txt").path
        #expect(steps["absent-but-expected"]?["reason"] as? String == "exists: file \(work.path)/nope.txt does not exist")
        #expect(steps["folder-size"]?["reason"] as? String == "size: folder \(work.path)/folder has no size; `size` applies to files only")
        #expect(steps["wrong-mode"]?["reason"] as? String == "mode: file \(notes) has mode 0640, expected 0644")
        let command = steps["content"]?["command"] as? [String: Any]
        #expect(command?["display"] as? String == "cat work/notes.txt")
        #expect(command?["argv"] as? [String] == ["cat", notes])
    }

    @Test(
        "inside containers: running, stopped, from an image without a shell; a link, a folder, a file not there, no such container",
        .enabled(if: DockerAvailability.engineShouldRun, DockerAvailability.whyEngine))
    func inContainers() async throws {
        try await DockerAvailability.requireEngine()
        let scratch = DockerScratch()
        defer { scratch.removeAll() }
        let (running, stopped) = (scratch.name("running"), scratch.name("stopped"))
        let (noshell, image) = (scratch.name("noshell"), scratch.name("scratch"))
        scratch.madeContainer(running)
        try await scratch.docker(["run", "-d", "--name", running, DockerAvailability.baseImage, "sleep", "300"])
        try await scratch.docker([
            "exec", running, "sh", "-c",
            "echo hi from a running container > /tmp/greeting.txt && chmod 600 /tmp/greeting.txt && ln -s /tmp/greeting.txt /tmp/link",
        ])
        scratch.madeContainer(stopped)
        try await scratch.docker([
            "run", "--name", stopped, DockerAvailability.baseImage, "sh", "-c",
            "echo written before it stopped > /tmp/note.txt",
        ])

        let folder = try RunbookBinary.temporaryDirectory("file-container")
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = folder.appendingPathComponent("rootfs")
        let files = FileManager.default
        try files.createDirectory(at: root.appendingPathComponent("data"), withIntermediateDirectories: true)
        let hello = Data("hello from scratch\n".utf8)
        let helloPath = root.appendingPathComponent("hello.txt").path
        #expect(files.createFile(atPath: helloPath, contents: hello, attributes: [.posixPermissions: 0o604]))
        #expect(files.createFile(atPath: root.appendingPathComponent("data/big.txt").path, contents: Data(Self.bigText.utf8)))
        let tar = folder.appendingPathComponent("rootfs.tar").path
        let archived = try await ExternalTool.run("tar", ["-C", root.path, "-cf", tar, "."])
        try #require(archived.status == 0, "tar: \(archived.output)")
        scratch.madeImage(image)
        try await scratch.docker(["import", tar, image])
        scratch.madeContainer(noshell)
        try await scratch.docker(["create", "--name", noshell, image, "/no-such-program"])

        let out = folder.appendingPathComponent("results")
        let vars = ["running": running, "stopped": stopped, "noshell": noshell, "gone": scratch.name("gone")]
        let outcome = try await RunbookBinary.run(
            ["run", RunbookBinary.fixtures.appendingPathComponent("objects/files-container.yaml").path, "--out", out.path]
                + vars.sorted { $0.key < $1.key }.flatMap { ["--var", "\($0.key)=\($0.value)"] },
            in: folder)
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 1, "\(outcome.stdout)\(outcome.stderr)")
        let results = try ResultsFile(directory: out)
        #expect(
            results.statuses() == [
                "running": "passed", "link": "passed", "stopped": "passed", "no-shell": "passed", "no-shell-big": "passed",
                "absent": "passed",
                "absent-but-expected": "failed", "folder": "passed", "folder-mode": "failed", "no-container": "error",
            ], "\(outcome.stdout)")
        let steps = results.steps()
        #expect(steps["absent-but-expected"]?["reason"] as? String == "exists: file /tmp/nope.txt in container \(running) does not exist")
        let folderMode = "mode: folder /etc in container \(stopped) has no mode; `mode` applies to files only"
        #expect(steps["folder-mode"]?["reason"] as? String == folderMode)
        #expect((steps["no-container"]?["reason"] as? String)?.contains("No such container: \(vars["gone"]!)") == true)
        let command = steps["running"]?["command"] as? [String: Any]
        #expect(command?["display"] as? String == "docker exec \(running) cat /tmp/greeting.txt")
        #expect(command?["argv"] as? [String] == ["docker", "cp", "-L", "\(running):/tmp/greeting.txt", "-"])
    }
}
