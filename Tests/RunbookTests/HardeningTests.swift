import Foundation
import ProcessHarness
import Testing

/// Nothing leaks and nothing is lost (issue 11): each test reproduces a finding that was seen happen.
@Suite("Hardening", .serialized)
struct HardeningTests {
    /// Pids of living processes whose command line contains `marker`.
    static func processes(containing marker: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"),
                let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")"), !stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
            else { return false }
            return String(decoding: data.map { $0 == 0 ? 32 : $0 }, as: UTF8.self).contains(marker)
        }
    }

    /// Waits up to `seconds` for `condition`.
    static func eventually(_ seconds: Double, _ condition: () -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return condition()
    }

    /// A runbook whose one step ignores SIGTERM and SIGINT and sleeps `seconds` (a unique number).
    static func stubborn(_ seconds: Int, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("stubborn.yaml").path
        try """
        runbook: 1
        steps:
          - id: stubborn
            sh: trap '' TERM INT; sleep \(seconds) & sleep \(seconds + 1); wait
            expect: { exit: 0 }
        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("kill -9 of the runner leaves no step running, not even what the step started")
    func killNineLeavesNothing() async throws {
        let folder = try RunbookBinary.temporaryDirectory("kill9")
        defer { try? FileManager.default.removeItem(at: folder) }
        let seconds = Int.random(in: 40_000...49_000)
        let runbook = try Self.stubborn(seconds, in: folder)
        let running = try RunbookBinary.start(["run", runbook, "--out", folder.appendingPathComponent("out").path], in: folder)
        #expect(await Self.eventually(10) { Self.processes(containing: "sleep \(seconds)").count == 2 })
        kill(running.pid, SIGKILL)
        _ = await running.finish()
        #expect(await Self.eventually(20) { Self.processes(containing: "sleep \(seconds)").isEmpty }, "the step outlived the runner")
    }

    @Test("a second Ctrl-C kills a step that ignores SIGTERM before the runner exits")
    func secondInterruptKills() async throws {
        let folder = try RunbookBinary.temporaryDirectory("ctrl-c-twice")
        defer { try? FileManager.default.removeItem(at: folder) }
        let seconds = Int.random(in: 50_000...59_000)
        let runbook = try Self.stubborn(seconds, in: folder)
        let running = try RunbookBinary.start(["run", runbook, "--out", folder.appendingPathComponent("out").path], in: folder)
        #expect(await Self.eventually(10) { Self.processes(containing: "sleep \(seconds)").count == 2 })
        kill(running.pid, SIGINT)
        try await Task.sleep(for: .milliseconds(300))
        kill(running.pid, SIGINT)
        let outcome = await running.finish()
        #expect(outcome.status == 130)
        #expect(Self.processes(containing: "sleep \(seconds)").isEmpty, "a TERM-ignoring step is still running after the second Ctrl-C")
        let journal = try String(contentsOfFile: folder.appendingPathComponent("out/journal.jsonl").path, encoding: .utf8)
        #expect(journal.contains(#""type":"run""#), "the journal is intact")
    }

    @Test("Ctrl-C while a hung engine has not answered the preflight stops the run at once")
    func interruptDuringPreflight() async throws {
        let folder = try RunbookBinary.temporaryDirectory("hung-engine")
        defer { try? FileManager.default.removeItem(at: folder) }
        let socket = folder.appendingPathComponent("hung.sock").path
        // An engine that takes a connection, says so in a file, and never answers.
        let connected = folder.appendingPathComponent("connected").path
        let script =
            "import socket,time\ns=socket.socket(socket.AF_UNIX)\ns.bind('\(socket)')\ns.listen(64)\n"
            + "c,_=s.accept()\nopen('\(connected)','w').close()\ntime.sleep(120)"
        let listener = try ChildProcess.spawn(
            "python3", ["-c", script],
            in: folder.path, stdout: .file(folder.appendingPathComponent("l.out").path),
            stderr: .file(folder.appendingPathComponent("l.err").path))
        defer {
            listener.signal(SIGKILL)
            listener.reapInBackground()
        }
        #expect(await Self.eventually(10) { FileManager.default.fileExists(atPath: socket) })
        let runbook = folder.appendingPathComponent("r.yaml").path
        try "runbook: 1\nsteps:\n  - id: a\n    docker: ps\n    expect: { stdout: { contains: CONTAINER } }\n"
            .write(toFile: runbook, atomically: true, encoding: .utf8)
        let running = try RunbookBinary.start(
            ["run", runbook, "--out", folder.appendingPathComponent("out").path], in: folder,
            environment: ["DOCKER_HOST": "unix://\(socket)"])
        // The run is in its preflight once the docker client has connected: its signal trap is set.
        #expect(await Self.eventually(30) { FileManager.default.fileExists(atPath: connected) })
        let interrupted = Date()
        kill(running.pid, SIGINT)
        let outcome = await running.finish()
        // The docker client waits 30 s for a hung engine; the interrupt must not.
        #expect(Date().timeIntervalSince(interrupted) < 10)
        #expect(outcome.status == 130)
        #expect(outcome.stdout.contains("○ a") || outcome.stdout.contains("skipped"), "\(outcome.stdout)")
    }

    @Test("--learner is validated as roster ids are: no path outside the temporary folder")
    func learnerIsValidated() async throws {
        let folder = try RunbookBinary.temporaryDirectory("learner-id")
        defer { try? FileManager.default.removeItem(at: folder) }
        let runbook = folder.appendingPathComponent("r.yaml").path
        try "runbook: 1\nsteps:\n  - id: a\n    exec: [echo, hi]\n    expect: { stdout: { contains: hi } }\n".write(
            toFile: runbook, atomically: true, encoding: .utf8)
        for command in ["run", "check"] {
            let outcome = try await RunbookBinary.run(
                [command, runbook, "--learner", "../../../../tmp/x/deep", "--out", folder.appendingPathComponent(command).path], in: folder)
            #expect(outcome.status == 2)
            #expect(outcome.stderr.contains("--learner ../../../../tmp/x/deep: a learner id is lowercase letters, digits"))
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(command).path), "nothing ran")
        }
    }

    @Test("two runs started together on one --out: exactly one claims it, the other exits 2")
    func outIsClaimedOnce() async throws {
        let folder = try RunbookBinary.temporaryDirectory("out-race")
        defer { try? FileManager.default.removeItem(at: folder) }
        let runbook = folder.appendingPathComponent("r.yaml").path
        try "runbook: 1\nsteps:\n  - id: a\n    exec: [echo, hi]\n    expect: { stdout: { contains: hi } }\n".write(
            toFile: runbook, atomically: true, encoding: .utf8)
        for attempt in 0..<12 {
            let out = folder.appendingPathComponent("out-\(attempt)").path
            let first = try RunbookBinary.start(["run", runbook, "--out", out], in: folder)
            let second = try RunbookBinary.start(["run", runbook, "--out", out], in: folder)
            let statuses = await [first.finish().status, await second.finish().status].sorted()
            #expect(statuses == [0, 2], "attempt \(attempt): \(statuses)")
            let journal = try String(contentsOfFile: out + "/journal.jsonl", encoding: .utf8)
            #expect(journal.components(separatedBy: #""type":"run""#).count == 2, "one run's records only")
        }
    }

    @Test("a secret in a program's path or spread over lines shows nowhere in results.json")
    func secretsNowhere() async throws {
        let folder = try RunbookBinary.temporaryDirectory("secret-walk")
        defer { try? FileManager.default.removeItem(at: folder) }
        let tool = folder.appendingPathComponent("tool-s3cr3tpath").path
        try "#!/bin/sh\necho \"$@\"; printf 'line one\\nline two\\n'; exit 1\n".write(toFile: tool, atomically: true, encoding: .utf8)
        chmod(tool, 0o755)
        let runbook = folder.appendingPathComponent("r.yaml").path
        try """
        runbook: 1
        vars:
          TOOL_TOKEN: \(tool)
        steps:
          - id: leak
            exec: ["${TOOL_TOKEN}"]
            expect: { stdout: { contains: nothing } }
        """.write(toFile: runbook, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out").path
        let outcome = try await RunbookBinary.run(["run", runbook, "--out", out], in: folder)
        #expect(outcome.status == 1)
        let data = try Data(contentsOf: URL(fileURLWithPath: out + "/results.json"))
        var strings: [String] = []
        func walk(_ value: Any) {
            switch value {
            case let text as String: strings.append(text)
            case let list as [Any]: list.forEach(walk)
            case let map as [String: Any]:
                map.forEach {
                    strings.append($0.key); walk($0.value)
                }
            default: break
            }
        }
        walk(try JSONSerialization.jsonObject(with: data))
        #expect(strings.count > 20)
        #expect(strings.allSatisfy { !$0.contains("s3cr3tpath") }, "\(strings.filter { $0.contains("s3cr3tpath") })")
        #expect(!outcome.stdout.contains("s3cr3tpath"))
    }
}

/// A full disk (issue 11, finding 5): said in one line, non-zero, and no record claimed kept.
@Suite("Full disk", .serialized)
struct FullDiskTests {
    @Test("a full results disk is one line naming what could not be written and what the journal holds")
    func fullDisk() async throws {
        let folder = try RunbookBinary.temporaryDirectory("full-disk")
        defer { try? FileManager.default.removeItem(at: folder) }
        let disk = folder.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mounted = try await ChildProcess.run("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.path]).status
        guard mounted == 0 else {
            // Mounting needs root: CI runs as root, so there this test always runs.
            #expect(!DockerAvailability.inCI, "cannot mount a tmpfs in CI")
            return
        }
        defer { ExternalTool.launch("/bin/umount", ["-l", disk.path]) }
        let out = disk.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // Fill what is left of the disk.
        _ = try await ChildProcess.run("/bin/sh", ["-c", "cat /dev/zero > \(disk.path)/filler 2>/dev/null; true"])
        let runbook = folder.appendingPathComponent("r.yaml").path
        try "runbook: 1\nsteps:\n  - id: a\n    exec: [echo, hi]\n    expect: { stdout: { contains: hi } }\n"
            .write(toFile: runbook, atomically: true, encoding: .utf8)
        let outcome = try await RunbookBinary.run(["run", runbook, "--out", out.path, "--report", "md"], in: folder)
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 1)
        let errorLines = outcome.stderr.split(separator: "\n").filter { $0.hasPrefix("runbook: error: ") }
        #expect(errorLines.count == 1, "\(outcome.stderr)")
        #expect(errorLines.first?.contains("journal records could not be written (No space left on device)") == true, "\(outcome.stderr)")
        #expect(errorLines.first?.contains("journal.jsonl holds 0 records") == true, "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("NSCocoaErrorDomain"))
    }
}
