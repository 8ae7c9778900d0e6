import Foundation

/// Writes `results.json` from a journal without holding the whole run: each step's latest record
/// is read again from the journal (by its place in `JournalIndex`), re-encoded and written out,
/// one at a time. The file is written next to its final path and renamed over it.
enum ResultsStreamWriter {
    /// Writes the results of the journal at `journalPath` (indexed as `index`) to `path`; returns the summary.
    static func write(_ index: JournalIndex, journalPath: String, to path: String) throws -> RunSummary {
        let temporary = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        let output = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
        let journal = try FileHandle(forReadingFrom: URL(fileURLWithPath: journalPath))
        defer {
            try? journal.close()
            try? output.close()
        }
        var writer = Writer(output: output)
        let header = index.header
        var learners: [RunSummary.Learner] = []
        try writer.raw("{\n")
        try writer.member("command", header.command, indent: 2)
        if let ended = index.footer?.endedAt { try writer.member("endedAt", ended, indent: 2) }
        try writer.member("interrupted", index.footer?.interrupted ?? false, indent: 2)
        try writer.raw("  \"learners\" : [")
        for (position, learner) in header.learners.enumerated() {
            try writer.raw(position == 0 ? "\n    {\n" : ",\n    {\n")
            try writer.member("cleanup", index.cleanups[learner.id] ?? [], indent: 6)
            try writer.member("id", learner.id, indent: 6)
            if let name = learner.name { try writer.member("name", name, indent: 6) }
            try writer.member("ports", index.setups[learner.id]?.ports ?? [:], indent: 6)
            if let preflight = index.preflights[learner.id] { try writer.member("preflight", preflight, indent: 6) }
            try writer.raw("      \"steps\" : [")
            var statuses: [(step: String, status: StepStatus)] = []
            let located = header.steps.compactMap { step in index.steps[learner.id]?[step.id].map { (step.id, $0) } }
            for (number, (step, location)) in located.enumerated() {
                try journal.seek(toOffset: location.offset)
                let line = try journal.read(upToCount: location.length) ?? Data()
                let record = try JSONDecoder.runbook.decode(JournalRecord.self, from: line)
                guard let result = record.step else { continue }
                try writer.raw(number == 0 ? "\n        " : ",\n        ")
                try writer.value(result, indent: 8)
                statuses.append((step, location.status))
            }
            try writer.raw(located.isEmpty ? "]" : "\n      ]")
            if let workdir = index.setups[learner.id]?.workdir {
                try writer.raw(",\n")
                try writer.raw("      \"workdir\" : ")
                try writer.value(workdir, indent: 6)
            }
            try writer.raw("\n    }")
            learners.append(RunSummary.Learner(id: learner.id, name: learner.name, statuses: statuses))
        }
        try writer.raw(header.learners.isEmpty ? "],\n" : "\n  ],\n")
        try writer.member("runId", header.runId, indent: 2)
        try writer.member("runbook", header.runbook, indent: 2)
        try writer.member("schema", RunResults.currentSchema, indent: 2)
        if let shard = header.shard { try writer.member("shard", shard, indent: 2) }
        try writer.member("startedAt", header.startedAt, indent: 2)
        try writer.member("steps", header.steps, indent: 2, last: true)
        try writer.raw("}\n")
        try writer.flush()
        try output.synchronize()
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: reason])
        }
        return RunSummary(runId: header.runId, interrupted: index.footer?.interrupted ?? false, learners: learners, resultsPath: path)
    }

    /// Pretty-printed JSON pieces in the layout of `JSONEncoder` (sorted keys, two-space indents), buffered.
    private struct Writer {
        let output: FileHandle
        let encoder: JSONEncoder = {
            let encoder = JSONEncoder.runbook
            encoder.outputFormatting.insert(.prettyPrinted)
            return encoder
        }()
        var buffer = Data()

        /// Writes text as is.
        mutating func raw(_ text: String) throws {
            buffer.append(contentsOf: text.utf8)
            if buffer.count >= 1 << 16 { try flush() }
        }

        /// `"key" : value,` on its own line(s), indented.
        mutating func member(_ key: String, _ value: some Encodable, indent: Int, last: Bool = false) throws {
            try raw(String(repeating: " ", count: indent) + "\"\(key)\" : ")
            try self.value(value, indent: indent)
            try raw(last ? "\n" : ",\n")
        }

        /// A value whose first line follows the current text and whose later lines are indented.
        mutating func value(_ value: some Encodable, indent: Int) throws {
            let data = try encoder.encode(value)
            let pad = Array(String(repeating: " ", count: indent).utf8)
            var text = [UInt8]()
            text.reserveCapacity(data.count)
            for byte in data {
                text.append(byte)
                if byte == 0x0A { text += pad }
            }
            buffer.append(contentsOf: text)
            if buffer.count >= 1 << 16 { try flush() }
        }

        /// Writes what is buffered.
        mutating func flush() throws {
            guard !buffer.isEmpty else { return }
            try output.write(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }
}
