import Foundation
import Text
import Workflow

/// Hand-built results for the report tests: every status once, and hostile text everywhere a
/// learner or a step's output can put it.
enum ReportFixture {
    /// Text that breaks every format that forgets to escape: markup, CDATA end, table pipes,
    /// backtick fences, a spreadsheet formula, a NUL and an ESC byte.
    static let hostile = "<script>alert(1)</script> & \"q\" 'a' ]]> | ```` `tick` =cmd|' /C calc'!A0 \u{0}NUL \u{1B}[31mESC"
    /// A learner name that is a script tag.
    static let scriptName = "<script>alert(1)</script>"
    /// A learner name that a spreadsheet would run.
    static let formulaName = "=cmd|' /C calc'!A0"

    static let start = Date(timeIntervalSince1970: 1_795_000_000)

    /// The steps, one per status in the order of `StepStatus.allCases`.
    static let steps: [RunHeader.StepInfo] = [
        .init(id: "hello", title: "Say hello", hint: nil),
        .init(id: "build", title: "Build the image", hint: "Is the base image there? `docker images`"),
        .init(id: "train", title: "Train # the model", hint: "Training must end within 2m."),
        .init(id: "gpu", title: "Train on a GPU", hint: "Ask for a GPU machine."),
        .init(id: "push", title: "Push the image", hint: "Log in first."),
        .init(id: "extra", title: "Optional extra", hint: nil),
        .init(id: "serve", title: "Serve the model", hint: nil),
    ]

    static func excerpt(_ text: String, omitted: Int = 0, tail: String = "") -> StreamExcerpt {
        let lines = text.split(separator: "\n").count + tail.split(separator: "\n").count + omitted
        return StreamExcerpt(
            head: text, tail: tail, omittedLines: omitted, omittedBytes: omitted * 10, totalLines: lines,
            totalBytes: text.utf8.count + tail.utf8.count)
    }

    /// One learner's results with each status once (`hello` passed … `serve` interrupted).
    static func everyStatus(learner: String, end: Date = start.addingTimeInterval(60)) -> [StepResult] {
        let output = OutputExcerpts(
            stdout: excerpt("Step 1/4 : FROM python\n\(hostile)\n", omitted: 120, tail: "layer 200\nlast line\n"),
            stderr: excerpt("ERROR: \(hostile)\n"),
            output: excerpt("Step 1/4 : FROM python\n\(hostile)\nERROR: \(hostile)\n", omitted: 120, tail: "layer 200\nlast line\n"))
        let command = CommandRecord(
            key: "docker", argv: ["docker", "build", "-t", "x", "."], display: "docker build -t x . # \(hostile)", binary: "docker")
        return [
            StepResult(
                learner: learner, step: "hello", title: "Say hello", status: .passed, exitCode: 0, startedAt: start, endedAt: end,
                durationSeconds: 0.25, attempts: 1,
                excerpts: OutputExcerpts(stdout: excerpt("hello\n"), output: excerpt("hello\n"))),
            StepResult(
                learner: learner, step: "build", title: "Build the image", status: .failed, reason: "exit: expected 0, got 1 \(hostile)",
                exitCode: 1,
                startedAt: start, endedAt: end, durationSeconds: 12.5, attempts: 2, command: command,
                failures: [
                    MatcherFailure(matcher: "exit", expected: "0", message: "expected 0, got 1"),
                    MatcherFailure(
                        matcher: "stdout: contains", expected: "Successfully built",
                        message: "no line of stdout contains \"Successfully built\"",
                        lines: [NumberedLine(number: 2, text: hostile), NumberedLine(number: 124, text: "last line")], sourceLine: 12),
                ],
                excerpts: output, hint: "Is the base image there? `docker images` \(hostile)"),
            StepResult(
                learner: learner, step: "train", title: "Train # the model", status: .timeout, reason: "ran past its timeout of 2m",
                startedAt: start, endedAt: end,
                durationSeconds: 120, attempts: 1, command: command, excerpts: output, hint: "Training must end within 2m."),
            StepResult(
                learner: learner, step: "gpu", title: "Train on a GPU", status: .error, reason: "no NVIDIA runtime on this engine",
                startedAt: start, endedAt: end,
                durationSeconds: 0.1, attempts: 1, hint: "Ask for a GPU machine."),
            StepResult(
                learner: learner, step: "push", title: "Push the image", status: .blocked, reason: "needs 'build', which failed",
                endedAt: end, hint: "Log in first."),
            StepResult(
                learner: learner, step: "extra", title: "Optional extra", status: .skipped, reason: "condition ${extra} is false # really",
                endedAt: end),
            StepResult(
                learner: learner, step: "serve", title: "Serve the model", status: .interrupted, reason: "interrupted", startedAt: start,
                endedAt: end,
                durationSeconds: 3, attempts: 1, command: command, excerpts: output),
        ]
    }

    /// Two learners, every status each: `alice` named with a script tag, `bob` with a formula.
    static func results(
        sha: String = "ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12", runId: String = "20261125t085601-ab12",
        start: Date = start, end: Date? = start.addingTimeInterval(125)
    ) -> RunResults {
        let fingerprint = JSONValue.object([
            "clientVersion": .string("20.10.24"), "serverVersion": .string("20.10.24"),
            "operatingSystem": .string("Debian GNU/Linux 12 (bookworm)"),
            "osType": .string("linux"), "architecture": .string("x86_64"), "storageDriver": .string("overlay2"),
            "runtimes": .array([.string("runc")]),
            "gpu": .bool(false),
        ])
        let summary = "Docker 20.10.24 · Debian GNU/Linux 12 (bookworm) · x86_64, overlay2"
        let learners = [
            LearnerResult(
                id: "alice", name: scriptName,
                preflight: PreflightRecord(
                    learner: "alice", status: .passed, message: nil, backend: "docker", fingerprint: fingerprint, summary: summary,
                    endedAt: start),
                steps: everyStatus(learner: "alice"),
                cleanup: [ProbeResult(index: 0, status: .failed, reason: "exit: expected 0, got 1 \(hostile)")]),
            LearnerResult(id: "bob", name: formulaName, steps: everyStatus(learner: "bob")),
        ]
        return RunResults(
            runId: runId, command: "run",
            runbook: RunHeader.RunbookInfo(path: "workshop.yaml", title: "1 - Docker \(hostile)", sha256: sha),
            startedAt: start, endedAt: end, interrupted: false, steps: steps, learners: learners)
    }
}
