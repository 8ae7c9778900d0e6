import Workflow

/// Cuts what a learner's record may carry into the board (SPEC 7.1): names, titles, hints and
/// commands to a number of characters (Unicode scalars, so that combining marks cannot make one
/// character megabytes long), reasons to four times that. The learner's own journal keeps them whole;
/// what the board stores, folds and sends to browsers is bounded whatever a client pushes.
struct RecordCaps: Sendable {
    /// Characters kept of a name, title, hint or command.
    let characters: Int

    /// `record` with its free text cut.
    func capped(_ record: JournalRecord) -> JournalRecord {
        var record = record
        if var header = record.run {
            header.runbook.title = cut(header.runbook.title)
            header.runbook.path = cut(header.runbook.path) ?? ""
            header.learners = header.learners.map { .init(id: $0.id, name: cut($0.name)) }
            header.steps = header.steps.map { .init(id: $0.id, title: cut($0.title), hint: cut($0.hint), line: $0.line) }
            record.run = header
        }
        if var step = record.step {
            step.title = cut(step.title)
            step.hint = cut(step.hint)
            step.reason = cut(step.reason, to: characters * 4)
            step.command = step.command.map(cut)
            step.verify = step.verify.map(cut)
            step.verifyBefore = step.verifyBefore?.map(cut)
            record.step = step
        }
        if var cleanup = record.cleanup {
            cleanup.result = cut(cleanup.result)
            record.cleanup = cleanup
        }
        return record
    }

    private func cut(_ probe: ProbeResult) -> ProbeResult {
        var probe = probe
        probe.command = probe.command.map(cut)
        probe.reason = cut(probe.reason, to: characters * 4)
        return probe
    }

    private func cut(_ command: CommandRecord) -> CommandRecord {
        var command = command
        command.display = cut(command.display) ?? ""
        command.binary = cut(command.binary) ?? ""
        command.note = cut(command.note)
        // The argv is the display with the runner's flags: as many words, each as short.
        var budget = characters
        var argv: [String] = []
        for word in command.argv {
            guard budget > 0 else {
                argv.append("…")
                break
            }
            let kept = cut(word, to: budget) ?? ""
            argv.append(kept)
            budget -= kept.unicodeScalars.count
        }
        command.argv = argv
        return command
    }

    private func cut(_ text: String?) -> String? {
        cut(text, to: characters)
    }

    /// `text` with at most `limit` Unicode scalars, the last one `…` when cut.
    private func cut(_ text: String?, to limit: Int) -> String? {
        guard let text, text.unicodeScalars.count > limit else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.prefix(max(0, limit - 1)))
        scalars.append("…")
        return String(scalars)
    }
}
