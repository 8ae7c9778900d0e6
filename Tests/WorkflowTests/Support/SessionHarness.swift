import Foundation
import Testing
import Workflow

/// Runs whole learner sessions for tests: a runbook written to a temporary folder, the fake kind
/// `fakesh` (`/bin/sh WORDS…`, backend `fake`) and `wordly` registered, results in a folder of their own.
struct SessionHarness {
    /// The backend the runs use.
    let backend: FakeBackend
    /// The registry: core kinds, `fakesh` on the fake backend, `wordly`.
    let registry: KindRegistry
    /// The scratch folder.
    let folder: URL

    init(backend: FakeBackend = FakeBackend()) throws {
        self.backend = backend
        var registry = KindRegistry.with(
            WordsKind(key: "fakesh", program: "/bin/sh", backend: "fake", creates: true), WordsKind(), FileFactsKind(), AbsentThingKind())
        registry.register(backend: backend)
        self.registry = registry
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("session-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Loads `yaml` as a valid runbook (the test fails with the diagnostics otherwise).
    func runbook(_ yaml: String) throws -> Runbook {
        let path = folder.appendingPathComponent("runbook.yaml").path
        let result = RunbookLoader(registry: registry).load(bytes: Array(yaml.utf8), path: path)
        return try #require(result.runbook, "\(result.diagnostics)")
    }

    /// Runs `runbook` for `learners` with `policy`; returns the results and the journal's records.
    func run(
        _ runbook: Runbook, policy: SessionPolicy = .run, learners: [Learner] = [.local], failFast: Bool = false,
        selection: StepSelection = .all, keepWorkdir: Bool = false, environment: [String: String] = [:],
        evidence: JournalEvidence = JournalEvidence(), checkWait: Duration = .seconds(5)
    ) async throws -> (results: RunResults, journal: [String]) {
        var configuration = RunConfiguration(
            runbook: runbook, learners: learners, policy: policy, selection: selection, failFast: failFast, registry: registry,
            baseEnvironment: ProcessInfo.processInfo.environment.merging(environment) { _, new in new }, defaultTimeout: .seconds(30),
            killGrace: .milliseconds(200), stdinIsTerminal: false)
        configuration.keepWorkdir = keepWorkdir
        configuration.evidence = evidence
        configuration.checkWait = checkWait
        let out = folder.appendingPathComponent("out-\(UUID().uuidString)").path
        let recorder = try RunRecorder(claiming: out)
        let results = try await RunCoordinator(configuration: configuration, recorder: recorder).run().results()
        let journal = try String(contentsOfFile: out + "/journal.jsonl", encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(FileManager.default.fileExists(atPath: out + "/results.json"))
        return (results, journal)
    }
}
