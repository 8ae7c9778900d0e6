import Foundation

/// Gathers `JournalEvidence` for one runbook (its sha256) and its learners (SPEC 6.11): the guide's
/// state on this machine, and what `check --journal PATH…` names — results folders, journal.jsonl
/// files, board store folders (one `LEARNER.jsonl` each) — or what a board serves, as JSON lines.
public struct EvidenceReader: Sendable {
    /// Why a source named on the command line cannot be read.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// What is wrong, with the path.
        public var description: String
    }

    /// The runbook's sha256: records of other versions are not evidence.
    public let sha256: String
    /// The learners asked about.
    public let learners: Set<String>

    /// A reader for `learners` of the runbook with `sha256`.
    public init(sha256: String, learners: [String]) {
        self.sha256 = sha256
        self.learners = Set(learners)
    }

    /// The guide's state of each learner on this machine (`<state root>/<sha256>/<learner>.json`):
    /// the steps it recorded as passed, and its captures. Unreadable states are no evidence.
    public func guideStates(root: String, into evidence: inout JournalEvidence) {
        struct State: Decodable {
            var results: [String: StepResult]?
            var captures: [String: String]?
        }
        let folder = (root as NSString).appendingPathComponent(sha256)
        for learner in learners.sorted() {
            let path = (folder as NSString).appendingPathComponent("\(learner).json")
            guard let data = FileManager.default.contents(atPath: path),
                let state = try? JSONDecoder.runbook.decode(State.self, from: data)
            else { continue }
            for (step, result) in (state.results ?? [:]).sorted(by: { $0.key < $1.key }) where result.status == .passed {
                evidence.notePass(learner: learner, step: step, source: RunMode.guide.rawValue)
            }
            evidence.noteCaptures(state.captures ?? [:], learner: learner)
        }
    }

    /// `--journal PATH`: a results folder (its journal.jsonl), a board store folder (every `*.jsonl`
    /// in it), or a journal file.
    public func read(path: String, into evidence: inout JournalEvidence) throws(Failure) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Failure(description: "\(path): no such file or folder")
        }
        guard isDirectory.boolValue else { return try readJournal(file: path, into: &evidence) }
        let journal = (path as NSString).appendingPathComponent("journal.jsonl")
        if FileManager.default.fileExists(atPath: journal) { return try readJournal(file: journal, into: &evidence) }
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".jsonl") }.sorted()
        guard !files.isEmpty else {
            throw Failure(description: "\(path): neither a results folder (journal.jsonl) nor a board store (*.jsonl)")
        }
        for file in files { try readJournal(file: (path as NSString).appendingPathComponent(file), into: &evidence) }
    }

    /// One journal file.
    func readJournal(file: String, into evidence: inout JournalEvidence) throws(Failure) {
        guard let data = FileManager.default.contents(atPath: file) else { throw Failure(description: "\(file): cannot read it") }
        try read(lines: data, named: file, into: &evidence)
    }

    /// Journal records, one JSON object a line (a journal, a board store's journals, or what a
    /// board serves): each step passed under a run record that counts, for this runbook and a
    /// learner asked about, is evidence. A torn last line is ignored; another bad line is an error.
    public func read(lines data: Data, named name: String, into evidence: inout JournalEvidence) throws(Failure) {
        var runs: [String: RunHeader] = [:]
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (number, line) in lines.enumerated() where !line.isEmpty {
            let record: JournalRecord
            do {
                record = try JSONDecoder.runbook.decode(JournalRecord.self, from: Data(line))
            } catch {
                if number == lines.count - 1 { break }
                throw Failure(description: "\(name):\(number + 1): not a journal record")
            }
            switch record.type {
            case .run:
                guard let header = record.run else { continue }
                for learner in header.learners { runs[learner.id] = header }
            case .step:
                guard let step = record.step, step.status == .passed, learners.contains(step.learner),
                    let header = runs[step.learner], header.runbook.sha256 == sha256, JournalEvidence.counts(header)
                else { continue }
                evidence.notePass(learner: step.learner, step: step.step, source: header.command)
            default:
                continue
            }
        }
    }
}
