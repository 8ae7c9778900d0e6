import Foundation
import Text

/// Reads the journals behind `runbook report --timings` (SPEC 11.3): journal.jsonl files,
/// results folders (their journal), folders of results folders (`runbook-results/`), and a class
/// board's store folder (one journal per learner). Records are read one line at a time and only
/// their times are kept, so memory grows with learners × steps, not with output.
public struct TimingsReader: Sendable {
    /// Whether journals of different runbooks (sha256) may be mixed.
    public var force: Bool

    /// Creates a reader.
    public init(force: Bool = false) {
        self.force = force
    }

    /// What the journals at `paths` say, learner by learner.
    public func read(_ paths: [String]) throws(ResultsLoadError) -> TimingsInput {
        var input = TimingsInput()
        var firstPath: String?
        for path in paths {
            for journal in try Self.journals(at: path) {
                try read(journal: journal, into: &input)
                guard input.runbook != nil else { continue }
                if firstPath == nil { firstPath = journal }
                if !input.otherRunbooks.isEmpty, !force {
                    throw ResultsLoadError(
                        path: journal, reason: "a journal of another runbook than \(firstPath ?? "the first") (add --force to mix them)")
                }
            }
        }
        guard input.runbook != nil else {
            throw ResultsLoadError(path: paths.joined(separator: " "), reason: "no journal with a run record")
        }
        return input
    }

    /// The journal files that `path` names: itself, its journal.jsonl, its `*.jsonl`, or its subfolders' journals.
    static func journals(at path: String) throws(ResultsLoadError) -> [String] {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: path, isDirectory: &isDirectory) else { throw ResultsLoadError(path: path, reason: "no such file") }
        func child(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
        guard isDirectory.boolValue else {
            if path.hasSuffix(".jsonl") { return [path] }
            let beside = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("journal.jsonl")
            if files.fileExists(atPath: beside) { return [beside] }
            throw ResultsLoadError(path: path, reason: "timings need a journal (journal.jsonl); none is beside this file")
        }
        if files.fileExists(atPath: child("journal.jsonl")) { return [child("journal.jsonl")] }
        let names = ((try? files.contentsOfDirectory(atPath: path)) ?? []).sorted()
        let stored = names.filter { $0.hasSuffix(".jsonl") }
        if !stored.isEmpty { return stored.map(child) }
        let nested = names.map { (child($0) as NSString).appendingPathComponent("journal.jsonl") }.filter(files.fileExists)
        if !nested.isEmpty { return nested }
        throw ResultsLoadError(
            path: path, reason: "a folder without a journal (journal.jsonl, a board's LEARNER.jsonl, or results folders)")
    }

    /// Takes one journal's records into `input` (a torn last line is ignored, as every journal reader does).
    private func read(journal path: String, into input: inout TimingsInput) throws(ResultsLoadError) {
        guard let lines = JSONLinesReader(path: path) else { throw ResultsLoadError(path: path, reason: "cannot open the journal") }
        let decoder = JSONDecoder.runbook
        var learners: [String] = []
        var sawRun = false
        for line in lines where !line.bytes.isEmpty {
            let record: TimingRecord
            do {
                record = try decoder.decode(TimingRecord.self, from: line.bytes)
            } catch {
                if !line.isTerminated { break }  // a torn last line: the writer died while writing it
                throw ResultsLoadError(path: "\(path):\(line.number)", reason: "not a journal record")
            }
            if record.type == .run { sawRun = true }
            input.take(record, learners: &learners)
        }
        if !sawRun { throw ResultsLoadError(path: path, reason: "no run record; is this a runbook journal?") }
    }
}
