import Foundation
import Workflow

/// The results held in a store, as `runbook report STORE/*.jsonl` reads them: each learner's
/// journal read as a journal, then merged (the latest result of each learner × step wins); the
/// roster's learners without any record are added as "not run" (SPEC 7.1), in roster order.
public enum StoreExport {
    /// Why a roster learner without records has no result.
    public static let notReported = "no record on the class board"

    /// The results of every journal in `directory`, with the roster's silent learners as "not run".
    public static func results(directory: String, configuration: BoardConfiguration) throws -> RunResults {
        var results = try reported(directory: directory, configuration: configuration)
        guard let roster = configuration.roster else { return results }
        let reported = Dictionary(results.learners.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rostered = roster.map { learner in
            guard var result = reported[learner.id] else { return LearnerResult(id: learner.id, name: learner.name, notRun: notReported) }
            if result.name?.isEmpty ?? true { result.name = learner.name }
            return result
        }
        let others = results.learners.filter { learner in !roster.contains { $0.id == learner.id } }
        results.learners = rostered + others
        return results
    }

    /// The merged results of every journal in `directory`; with none yet, the served runbook's steps and no learner.
    static func reported(directory: String, configuration: BoardConfiguration) throws -> RunResults {
        let paths = BoardStore.journalIds(in: directory).map { (directory as NSString).appendingPathComponent("\($0).jsonl") }
        var inputs: [ResultsMerger.Input] = []
        for path in paths {
            inputs.append(ResultsMerger.Input(name: path, results: try JournalReader.read(path: path)))
        }
        guard !inputs.isEmpty else {
            return RunResults(
                runId: "board", command: "serve", runbook: configuration.runbook, startedAt: Date(), endedAt: nil, interrupted: false,
                steps: configuration.steps, learners: [])
        }
        return try ResultsMerger().merge(inputs)
    }
}
