import Text

/// Writes a draft runbook as YAML, each guess as a `# drafted:` comment above what it is about.
enum DraftYAMLWriter {
    /// The YAML text of `draft`.
    static func write(_ draft: DraftRunbook) -> String {
        layout(draft).text
    }

    /// The YAML text of `draft` and the lines (1-based, comments included) of each var and each step.
    static func layout(_ draft: DraftRunbook) -> (text: String, variableLines: [ClosedRange<Int>], stepLines: [ClosedRange<Int>]) {
        var lines = draft.notes.map { "# drafted: \(oneLine($0))" }
        lines.append("runbook: 1")
        if let title = draft.title { lines.append("title: \(YAMLScalarWriter.scalar(title))") }
        if let description = draft.description { lines += YAMLScalarWriter.entry("description", description, indent: 0) }
        var variableLines: [ClosedRange<Int>] = []
        if !draft.variables.isEmpty {
            lines.append("")
            lines.append("vars:")
            for variable in draft.variables {
                let start = lines.count + 1
                lines += self.variable(variable)
                variableLines.append(start...lines.count)
            }
        }
        lines.append("")
        lines.append("steps:")
        var stepLines: [ClosedRange<Int>] = []
        for (number, step) in draft.steps.enumerated() {
            if number > 0 { lines.append("") }
            let start = lines.count + 1
            lines += self.step(step)
            stepLines.append(start...lines.count)
        }
        if !draft.steps.contains(where: { $0.invalid == nil }) { lines.append("  []") }
        return (lines.joined(separator: "\n") + "\n", variableLines, stepLines)
    }

    private static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    private static func variable(_ variable: DraftRunbook.Variable) -> [String] {
        var lines = variable.notes.map { "  # drafted: \(oneLine($0))" }
        var entry: [String] = []
        if !variable.required && variable.description == nil {
            entry.append("  \(variable.name): \(YAMLScalarWriter.scalar(variable.defaultValue ?? ""))")
        } else {
            entry.append("  \(variable.name):")
            if variable.required { entry.append("    required: true") }
            if let value = variable.defaultValue { entry.append("    default: \(YAMLScalarWriter.scalar(value))") }
            if let description = variable.description { entry.append("    description: \(YAMLScalarWriter.scalar(description))") }
        }
        guard let invalid = variable.invalid else { return lines + entry }
        lines += invalid.map { "  # drafted: not valid, so kept as a comment: \(oneLine($0))" }
        return lines + entry.map { "  # " + $0.dropFirst(2) }
    }

    private static func step(_ step: DraftStep) -> [String] {
        var lines = (step.origin + step.command.remarks + step.notes).map { "  # drafted: \(oneLine($0))" }
        var entry = ["  - id: \(step.id)"]
        if let title = step.title { entry.append("    title: \(YAMLScalarWriter.scalar(title))") }
        if let say = step.say { entry += YAMLScalarWriter.entry("say", say.hasSuffix("\n") ? say : say + "\n", indent: 4) }
        if let when = step.command.when { entry.append("    when: \(YAMLScalarWriter.scalar(when))") }
        if let cwd = step.cwd { entry.append("    cwd: \(YAMLScalarWriter.scalar(cwd))") }
        entry += YAMLScalarWriter.entry(step.command.key, step.command.text, indent: 4)
        if let stdin = step.stdin { entry += YAMLScalarWriter.entry("stdin", stdin, indent: 4) }
        if step.command.tty { entry.append("    tty: true") }
        if step.background { entry += ["    background: true", "    finish_on_match: true"] }
        if step.probes.contains(where: \.mayPassBefore) { entry.append("    verify_before: pass") }
        // A recording's real exit status wins (none when 0); else `nonzero` when a tutorial's text shows it failing.
        let exit = step.exitStatus.map { $0 == 0 ? nil : String($0) } ?? step.exit
        if !step.matchers.isEmpty || step.status != nil || exit != nil {
            entry.append("    expect:")
            if let exit { entry.append("      exit: \(exit)") }
            if let status = step.status { entry.append("      status: \(status)") }
            for stream in ["output", "stdout", "stderr"] {
                let matchers = step.matchers.filter { $0.stream == stream }
                guard !matchers.isEmpty else { continue }
                entry.append("      \(stream):")
                for matcher in matchers {
                    if let note = matcher.note { entry.append("        # drafted: \(oneLine(note))") }
                    entry.append("        - \(matcher.kind.rawValue): \(value(of: matcher))")
                }
            }
        }
        entry += DraftRecordingWriter.lines(captures: step.captures, probes: step.probes, retryFor: step.retryFor)
        if let hint = step.hint { entry += YAMLScalarWriter.entry("hint", hint, indent: 4) }
        guard let invalid = step.invalid else { return lines + entry }
        lines += invalid.map { "  # drafted: not a valid step, so kept as a comment: \(oneLine($0))" }
        return lines + entry.map { "  # " + $0.dropFirst(2) }
    }

    private static func value(of matcher: DraftMatcher) -> String {
        switch matcher.kind {
        case .matches: YAMLScalarWriter.singleQuoted(matcher.value)
        case .contains: YAMLScalarWriter.scalar(matcher.value)
        case .json: matcher.value
        }
    }
}
