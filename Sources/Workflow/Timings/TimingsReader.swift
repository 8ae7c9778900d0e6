import Foundation

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
    public func read(_ paths: [String]) throws(TimingsError) -> TimingsInput {
        var input = TimingsInput()
        var firstPath: String?
        for path in paths {
            for journal in try Self.journals(at: path) {
                try read(journal: journal, into: &input)
                guard input.runbook != nil else { continue }
                if firstPath == nil { firstPath = journal }
                if !input.otherRunbooks.isEmpty, !force {
                    throw TimingsError(
                        path: journal, reason: "a journal of another runbook than \(firstPath ?? "the first") (add --force to mix them)")
                }
            }
        }
        guard input.runbook != nil else {
            throw TimingsError(path: paths.joined(separator: " "), reason: "no journal with a run record")
        }
        return input
    }

    /// The journal files that `path` names: itself, its journal.jsonl, its `*.jsonl`, or its subfolders' journals.
    static func journals(at path: String) throws(TimingsError) -> [String] {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        guard files.fileExists(atPath: path, isDirectory: &isDirectory) else { throw TimingsError(path: path, reason: "no such file") }
        func child(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }
        guard isDirectory.boolValue else {
            if path.hasSuffix(".jsonl") { return [path] }
            let beside = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("journal.jsonl")
            if files.fileExists(atPath: beside) { return [beside] }
            throw TimingsError(path: path, reason: "timings need a journal (journal.jsonl); none is beside this file")
        }
        if files.fileExists(atPath: child("journal.jsonl")) { return [child("journal.jsonl")] }
        let names = ((try? files.contentsOfDirectory(atPath: path)) ?? []).sorted()
        let stored = names.filter { $0.hasSuffix(".jsonl") }
        if !stored.isEmpty { return stored.map(child) }
        let nested = names.map { (child($0) as NSString).appendingPathComponent("journal.jsonl") }.filter(files.fileExists)
        if !nested.isEmpty { return nested }
        throw TimingsError(path: path, reason: "a folder without a journal (journal.jsonl, a board's LEARNER.jsonl, or results folders)")
    }

    /// Takes one journal's records into `input`.
    private func read(journal path: String, into input: inout TimingsInput) throws(TimingsError) {
        guard let file = FileHandle(forReadingAtPath: path) else { throw TimingsError(path: path, reason: "cannot open the journal") }
        defer { try? file.close() }
        let decoder = JSONDecoder.runbook
        var learners: [String] = []
        var lineNumber = 0
        var sawRun = false
        func process(_ line: Data, last: Bool) throws(TimingsError) {
            lineNumber += 1
            guard !line.isEmpty else { return }
            let record: TimingRecord
            do {
                record = try decoder.decode(TimingRecord.self, from: line)
            } catch {
                if last { return }  // a torn last line: the writer died while writing it
                throw TimingsError(path: "\(path):\(lineNumber)", reason: "not a journal record")
            }
            if record.type == .run { sawRun = true }
            input.take(record, learners: &learners)
        }
        var pending = Data()
        while true {
            let chunk = file.readData(ofLength: 1 << 20)
            if chunk.isEmpty { break }
            pending.append(chunk)
            var start = pending.startIndex
            while let newline = pending[start...].firstIndex(of: 0x0A) {
                try process(pending[start..<newline], last: false)
                start = pending.index(after: newline)
            }
            pending = Data(pending[start...])
        }
        try process(pending, last: true)
        if !sawRun { throw TimingsError(path: path, reason: "no run record; is this a runbook journal?") }
    }
}
