import Foundation
import Testing

@testable import Workflow

#if canImport(Glibc)
    import Glibc
#endif

/// Output of real processes: streams, lines, CRs, long lines, volume, exit statuses.
@Suite(.timeLimit(.minutes(1))) struct ProcessRunnerOutputTests {
    @Test("stdout and stderr are split into lines, CRs stripped, the last unterminated line kept")
    func streamsAndLines() async {
        let collector = LineCollector()
        let outcome = await ProcessRunner().run(
            ProcessTestSupport.shell(#"printf 'a\r\nb\n\n'; printf 'err\r\r\n' >&2; printf tail"#),
            consumer: collector
        )
        #expect(outcome.termination == .exited(0))
        #expect(outcome.launchFailure == nil)
        #expect(outcome.pid != nil)
        #expect(collector.texts(.stdout) == ["a", "b", "", "tail"])
        #expect(collector.texts(.stderr) == ["err"])
        #expect(collector.lines.allSatisfy { !$0.truncated })
    }

    @Test("lines over 1 MiB are cut to their first 1 MiB and flagged; the next line is intact")
    func longLines() async throws {
        let collector = LineCollector()
        let outcome = await ProcessRunner().run(
            ProcessTestSupport.shell(
                #"head -c 3145728 /dev/zero | tr '\0' x; echo; echo next; head -c 1048576 /dev/zero | tr '\0' y; printf '\r\r\n'"#
            ),
            consumer: collector
        )
        #expect(outcome.termination == .exited(0))
        let lines = collector.lines
        try #require(lines.count == 3)
        guard lines.count == 3 else { return }
        #expect(lines[0].text.utf8.count == 1 << 20 && lines[0].truncated)
        #expect(lines[0].text.utf8.allSatisfy { $0 == UInt8(ascii: "x") })
        #expect(lines[1] == .init(stream: .stdout, text: "next", truncated: false))
        #expect(lines[2].text.utf8.count == 1 << 20 && !lines[2].truncated)
    }

    @Test("both streams are drained together and consumer calls never overlap")
    func interleavedStreams() async {
        let collector = LineCollector()
        let outcome = await ProcessRunner().run(
            ProcessTestSupport.shell(#"i=0; while [ $i -lt 3000 ]; do echo "o$i"; echo "e$i" >&2; i=$((i+1)); done"#),
            consumer: collector
        )
        #expect(outcome.termination == .exited(0))
        #expect(collector.texts(.stdout) == (0..<3000).map { "o\($0)" })
        #expect(collector.texts(.stderr) == (0..<3000).map { "e\($0)" })
        #expect(collector.overlappingCalls == 0)
    }

    @Test("64 MiB of output arrives complete, line by line")
    func volume() async {
        let counter = UniformLineCounter()
        let line = String(repeating: "x", count: 99)
        let outcome = await ProcessRunner().run(
            ProcessTestSupport.shell("yes '\(line)' | head -n 671089"),
            consumer: counter
        )
        #expect(outcome.termination == .exited(0))
        #expect(counter.count == 671_089)
        #expect(counter.wrongLines == 0)
    }

    @Test("exit statuses and signals are reported")
    func terminations() async {
        let exited = await ProcessRunner().run(ProcessTestSupport.shell("exit 3"), consumer: LineCollector())
        #expect(exited.termination == .exited(3))
        let killed = await ProcessRunner().run(ProcessTestSupport.shell("kill -9 $$"), consumer: LineCollector())
        #expect(killed.termination == .signaled(SIGKILL))
        #expect(!killed.timedOut && !killed.interrupted && !killed.stoppedByConsumer)
    }

    @Test("the child gets exactly the environment given, nothing of the runner's")
    func exactEnvironment() async {
        setenv("RUNBOOK_RUNNER_LEAK_CHECK", "leaked", 1)
        let collector = LineCollector()
        let environment = ["PATH": "/usr/bin:/bin", "RUNBOOK_TEST": "a b=c;d"]
        let outcome = await ProcessRunner().run(
            ProcessSpec(executable: "env", environment: environment, workingDirectory: "/"),
            consumer: collector
        )
        #expect(outcome.termination == .exited(0))
        #expect(collector.texts(.stdout).sorted() == ["PATH=/usr/bin:/bin", "RUNBOOK_TEST=a b=c;d"])
    }

    @Test("the working directory is applied, and a relative executable path is relative to it")
    func workingDirectory() async throws {
        let directory = try ProcessTestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try ProcessTestSupport.writeFile(directory + "/hello.sh", "#!/bin/sh\necho hello from \"$(pwd)\"\n", permissions: 0o755)
        let collector = LineCollector()
        let outcome = await ProcessRunner().run(
            ProcessSpec(executable: "./hello.sh", environment: ProcessTestSupport.environment, workingDirectory: directory),
            consumer: collector
        )
        #expect(outcome.termination == .exited(0), "\(outcome.launchFailure ?? "")")
        #expect(collector.texts(.stdout) == ["hello from \(directory)"])
    }

    @Test("the child leads its own process group, with no blocked and no ignored signals")
    func processGroupAndSignals() async {
        // An ignored SIGPIPE in the runner (common in servers) must not reach the child.
        signal(SIGPIPE, SIG_IGN)
        let collector = LineCollector()
        let outcome = await ProcessRunner().run(
            ProcessTestSupport.shell(#"echo "$$ $(cut -d' ' -f5 /proc/$$/stat)"; grep -E '^Sig(Blk|Ign)' /proc/self/status"#),
            consumer: collector
        )
        let lines = collector.texts(.stdout)
        #expect(lines.first == "\(outcome.pid ?? -1) \(outcome.pid ?? -1)")
        let blocked = lines.first { $0.hasPrefix("SigBlk:") }.map { UInt64($0.split(separator: "\t").last ?? "", radix: 16) }
        let ignored = lines.first { $0.hasPrefix("SigIgn:") }.map { UInt64($0.split(separator: "\t").last ?? "", radix: 16) }
        #expect(blocked == 0)
        // Signals 1 to 31 are at their defaults (glibc keeps its two internal real-time ones ignored).
        #expect(ignored.flatMap { $0 }.map { $0 & 0x7fff_ffff } == 0)
    }
}
