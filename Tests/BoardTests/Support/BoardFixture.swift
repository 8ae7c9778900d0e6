import Board
import Foundation
import Workflow

/// Records, batches and configurations for the board's tests: a runbook of three steps
/// (`build`, `run`, `push`) and learners who report on it.
enum BoardFixture {
    /// The served runbook's sha256.
    static let sha = String(repeating: "ab", count: 32)
    /// The served runbook.
    static let runbook = RunHeader.RunbookInfo(path: "workshop.yaml", title: "Fixture <module>", sha256: sha)
    /// Its steps.
    static let steps = ["build", "run", "push"].map { RunHeader.StepInfo(id: $0, title: $0.capitalized, hint: "hint for \($0)") }
    /// A fixed start time.
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    /// A configuration with its store in `directory`.
    static func configuration(store directory: URL, roster: [String]? = nil, stuckAfter: TimeInterval = 3600) -> BoardConfiguration {
        BoardConfiguration(
            runbook: runbook, steps: steps, roster: roster.map { $0.map { RunHeader.LearnerInfo(id: $0, name: $0.capitalized) } },
            storeDirectory: directory.path, code: "test-code-42", stuckAfter: stuckAfter, host: "127.0.0.1", port: 0)
    }

    /// `learner`'s run record.
    static func header(_ learner: String, name: String? = nil, sha: String = sha, at date: Date = start) -> JournalRecord {
        .run(
            RunHeader(
                runId: "20270115t080000-abcd", command: "guide", runbook: .init(path: "workshop.yaml", title: runbook.title, sha256: sha),
                startedAt: date, learners: [.init(id: learner, name: name)], steps: steps))
    }

    /// A result of `step` for `learner`, ending `seconds` after the start.
    static func step(
        _ learner: String, _ step: String, _ status: StepStatus, after seconds: Double = 10, output: String = ""
    ) -> JournalRecord {
        let excerpt = StreamExcerpt(head: output, totalLines: output.split(separator: "\n").count, totalBytes: output.utf8.count)
        return .step(
            StepResult(
                learner: learner, step: step, title: step.capitalized, status: status,
                reason: status == .passed ? nil : "exit: expected 0, got 1",
                exitCode: status == .passed ? 0 : 1, startedAt: start.addingTimeInterval(seconds - 1),
                endedAt: start.addingTimeInterval(seconds),
                durationSeconds: 1, attempts: 1,
                command: CommandRecord(key: "sh", argv: ["sh", "-c", "make \(step)"], display: "make \(step)", binary: "sh"),
                excerpts: OutputExcerpts(stdout: excerpt, output: excerpt), hint: "hint for \(step)"))
    }

    /// A raised hand of `learner` on `step`.
    static func hand(_ learner: String, _ step: String, after seconds: Double) -> JournalRecord {
        .hand(HandRecord(learner: learner, step: step, raisedAt: start.addingTimeInterval(seconds)))
    }

    /// Learner `learner` was shown step `step` in the guide, `seconds` after `start`.
    static func shown(_ learner: String, _ step: String, after seconds: Double) -> JournalRecord {
        .start(StepStartRecord(learner: learner, step: step, at: start.addingTimeInterval(seconds), source: .guide))
    }

    /// `records` as a push body, numbered from `first`.
    static func body(_ records: [JournalRecord], from first: Int = 1) -> [UInt8] {
        var body: [UInt8] = []
        for (index, record) in records.enumerated() {
            body += Array(try! JSONEncoder.runbook.encode(SequencedRecord(seq: first + index, record: record)))
            body.append(0x0A)
        }
        return body
    }

    /// A fresh temporary folder; the caller removes it.
    static func temporaryDirectory(_ name: String = "board") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The lines of a learner's store journal.
    static func storedLines(_ directory: URL, _ learner: String) -> [String] {
        let text = (try? String(contentsOf: directory.appendingPathComponent("\(learner).jsonl"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }
}
