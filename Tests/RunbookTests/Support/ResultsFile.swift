import Foundation

/// Reads results.json and journal.jsonl as plain JSON, the way any consumer of the files would.
struct ResultsFile {
    /// The decoded results.json.
    let json: [String: Any]

    /// Loads `DIRECTORY/results.json`.
    init(directory: URL) throws {
        let data = try Data(contentsOf: directory.appendingPathComponent("results.json"))
        json = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// The learners' entries.
    var learners: [[String: Any]] { json["learners"] as? [[String: Any]] ?? [] }

    /// The step entries of `learner` (the first learner by default), by step id.
    func steps(of learner: String? = nil) -> [String: [String: Any]] {
        let entry = learner.flatMap { id in learners.first { $0["id"] as? String == id } } ?? learners.first ?? [:]
        let steps = entry["steps"] as? [[String: Any]] ?? []
        return Dictionary(steps.map { ($0["step"] as? String ?? "", $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// `step id → status` for `learner`.
    func statuses(of learner: String? = nil) -> [String: String] {
        steps(of: learner).mapValues { $0["status"] as? String ?? "?" }
    }

    /// The records of a journal.jsonl, one dictionary per line.
    static func journal(directory: URL) throws -> [[String: Any]] {
        let text = try String(contentsOf: directory.appendingPathComponent("journal.jsonl"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
    }
}
