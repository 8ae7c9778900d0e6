import Foundation
import Workflow

/// The results held in a store, as `runbook report STORE/*.jsonl` reads them: each learner's
/// journal read as a journal, then merged (the latest result of each learner × step wins).
public enum StoreExport {
    /// The merged results of every journal in `directory`; with none yet, the served runbook's steps and no learner.
    public static func results(directory: String, configuration: BoardConfiguration) throws -> RunResults {
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
