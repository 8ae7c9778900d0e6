import Foundation

/// Reads the input of a report: a `results.json`, or a `journal.jsonl` (which recovers a run
/// that crashed before writing results.json).
public enum ResultsLoader {
    /// The results in the file at `path`: a journal when it ends in `.jsonl` or holds journal
    /// records, else results.json.
    public static func load(path: String) throws(ResultsLoadError) -> RunResults {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ResultsLoadError(path: path, reason: "no such file")
        }
        if isDirectory.boolValue {
            let results = (path as NSString).appendingPathComponent("results.json")
            let journal = (path as NSString).appendingPathComponent("journal.jsonl")
            if FileManager.default.fileExists(atPath: results) { return try load(path: results) }
            if FileManager.default.fileExists(atPath: journal) { return try load(path: journal) }
            throw ResultsLoadError(path: path, reason: "a folder without results.json or journal.jsonl")
        }
        if path.hasSuffix(".jsonl") { return try journal(path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ResultsLoadError(path: path, reason: "cannot read the file")
        }
        do {
            return try decode(data, path: path)
        } catch let failure {
            if looksLikeJournal(data) { return try journal(path) }
            throw failure
        }
    }

    private static func journal(_ path: String) throws(ResultsLoadError) -> RunResults {
        do {
            return try JournalReader.read(path: path)
        } catch {
            let prefix = path + ": "
            let message = error.description.hasPrefix(prefix) ? String(error.description.dropFirst(prefix.count)) : error.description
            throw ResultsLoadError(path: path, reason: message)
        }
    }

    private static func decode(_ data: Data, path: String) throws(ResultsLoadError) -> RunResults {
        struct SchemaProbe: Decodable { var schema: String? }
        guard let probe = try? JSONDecoder().decode(SchemaProbe.self, from: data) else {
            throw ResultsLoadError(path: path, reason: "not a results.json or journal.jsonl (not JSON)")
        }
        guard let schema = probe.schema, schema.hasPrefix("runbook-results/") else {
            throw ResultsLoadError(path: path, reason: "not a runbook results file (no \"schema\": \"\(RunResults.currentSchema)\")")
        }
        guard schema == RunResults.currentSchema else {
            throw ResultsLoadError(
                path: path, reason: "results schema \(schema) is not supported; this runbook reads \(RunResults.currentSchema)")
        }
        do {
            return try JSONDecoder.runbook.decode(RunResults.self, from: data)
        } catch {
            throw ResultsLoadError(path: path, reason: "results.json does not match \(RunResults.currentSchema): \(describe(error))")
        }
    }

    /// True when the first line is a journal record.
    private static func looksLikeJournal(_ data: Data) -> Bool {
        let line = data.prefix { $0 != 0x0A }
        return (try? JSONDecoder.runbook.decode(JournalRecord.self, from: Data(line))) != nil
    }

    /// A decoding error as one line: what and where.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return error.localizedDescription }
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let context): return "missing \(path(context)).\(key.stringValue)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(path(context).isEmpty ? "" : path(context) + ": ")\(context.debugDescription)"
        @unknown default: return error.localizedDescription
        }
    }
}
