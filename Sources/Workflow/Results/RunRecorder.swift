import Foundation

/// A run's results folder: claimed atomically, the journal written record by record (and shown to
/// a tap), then `results.json` built from it. Every command that runs steps records through one.
public final class RunRecorder: Sendable {
    /// The results folder.
    public let directory: String
    /// The journal inside it.
    public let journal: Journal
    private let tap: (any JournalTap)?

    /// Claims `directory` for one run: it must be an empty folder or not exist; the journal is
    /// created exclusively, so of two runs started together on one folder exactly one wins.
    public init(claiming directory: String, tap: (any JournalTap)? = nil) throws(SessionError) {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        if files.fileExists(atPath: directory, isDirectory: &isDirectory) {
            let contents = (try? files.contentsOfDirectory(atPath: directory)) ?? []
            guard isDirectory.boolValue, contents.isEmpty else {
                throw .results("--out \(directory) must be an empty folder or not exist")
            }
        } else {
            do {
                try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw .results("cannot create the results folder \(directory): \(error.localizedDescription)")
            }
        }
        self.directory = directory
        self.journal = try Journal(path: (directory as NSString).appendingPathComponent("journal.jsonl"), exclusive: true)
        self.tap = tap
    }

    /// Whether a tap hears the journal (a class board).
    public var hasTap: Bool { tap != nil }

    /// Journals one record and hands it to the tap.
    public func record(_ record: JournalRecord) async {
        await journal.append(record)
        tap?.journaled(record)
    }

    /// Ends the journal, flushes it, and writes `results.json` from it, one step at a time (the
    /// run's results are never all in memory); returns the summary, or throws (after writing what
    /// it can) when a record or the results file could not be written. The end record says why the
    /// command ended (`ending`, by default finished or interrupted) and, for a guide, at which `step`.
    public func finish(interrupted: Bool, ending: RunEnding? = nil, step: String? = nil) async throws(RecordingError) -> RunSummary {
        await record(.end(RunFooter(endedAt: Date(), interrupted: interrupted, ending: ending, step: step)))
        let synced = await journal.sync()
        let lost = await journal.lost
        let written = await journal.written
        var problems: [String] = []
        if lost > 0 {
            let reason = await journal.firstLossReason ?? "unknown"
            problems.append("\(lost) of \(lost + written) journal records could not be written (\(reason))")
        } else if !synced {
            problems.append("the journal could not be flushed to disk (\(String(cString: strerror(errno))))")
        }
        let path = (directory as NSString).appendingPathComponent("results.json")
        var summary: RunSummary?
        do {
            let index = try JournalIndex.read(path: journal.path)
            do {
                summary = try ResultsStreamWriter.write(index, journalPath: journal.path, to: path)
            } catch {
                let reason = (error as NSError).userInfo[NSUnderlyingErrorKey].map { "\($0)" } ?? error.localizedDescription
                problems.append("cannot write \(path) (\(Self.shortReason(reason)))")
            }
        } catch {
            if lost == 0 { problems.append("cannot read back \(journal.path): \(error)") }
            problems.append("\(path) was not written")
        }
        guard problems.isEmpty, let summary else {
            throw RecordingError(problems.joined(separator: "; ") + "; \(journal.path) holds \(written) record\(written == 1 ? "" : "s")")
        }
        return summary
    }

    /// The errno text out of an NSError description, or the description cut to one line.
    private static func shortReason(_ text: String) -> String {
        if text.contains("No space left") { return "No space left on device" }
        return String(text.split(separator: "\n").first ?? Substring(text)).prefix(160).description
    }
}
