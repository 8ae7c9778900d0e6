import Text

/// Writes a draft runbook as YAML, each guess as a `# drafted:` comment above what it is about.
enum DraftYAMLWriter {
    /// The YAML text of `draft`.
    static func write(_ draft: DraftRunbook) -> String {
        var lines = draft.notes.map { "# drafted: \(oneLine($0))" }
        lines.append("runbook: 1")
        if let title = draft.title { lines.append("title: \(YAMLScalarWriter.scalar(title))") }
        if let description = draft.description { lines += YAMLScalarWriter.entry("description", description, indent: 0) }
        if !draft.variables.isEmpty {
            lines.append("")
            lines.append("vars:")
            for variable in draft.variables { lines += self.variable(variable) }
        }
        lines.append("")
        lines.append("steps:")
        for (number, step) in draft.steps.enumerated() {
            if number > 0 { lines.append("") }
            lines += self.step(step)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    private static func variable(_ variable: DraftRunbook.Variable) -> [String] {
        var lines = variable.notes.map { "  # drafted: \(oneLine($0))" }
        guard variable.required || variable.description != nil else {
            lines.append("  \(variable.name): \(YAMLScalarWriter.scalar(variable.defaultValue ?? ""))")
            return lines
        }
        lines.append("  \(variable.name):")
        if variable.required { lines.append("    required: true") }
        if let value = variable.defaultValue { lines.append("    default: \(YAMLScalarWriter.scalar(value))") }
        if let description = variable.description { lines.append("    description: \(YAMLScalarWriter.scalar(description))") }
        return lines
    }

    private static func step(_ step: DraftStep) -> [String] {
        var lines = (step.origin + step.command.remarks + step.notes).map { "  # drafted: \(oneLine($0))" }
        lines.append("  - id: \(step.id)")
        if let title = step.title { lines.append("    title: \(YAMLScalarWriter.scalar(title))") }
        if let say = step.say { lines += YAMLScalarWriter.entry("say", say.hasSuffix("\n") ? say : say + "\n", indent: 4) }
        if let when = step.command.when { lines.append("    when: \(YAMLScalarWriter.scalar(when))") }
        if let cwd = step.cwd { lines.append("    cwd: \(YAMLScalarWriter.scalar(cwd))") }
        lines += YAMLScalarWriter.entry(step.command.key, step.command.text, indent: 4)
        if let stdin = step.stdin { lines += YAMLScalarWriter.entry("stdin", stdin, indent: 4) }
        if step.command.tty { lines.append("    tty: true") }
        if step.probes.contains(where: \.mayPassBefore) { lines.append("    verify_before: pass") }
        if !step.matchers.isEmpty || (step.exitStatus ?? 0) != 0 { lines.append("    expect:") }
        if let status = step.exitStatus, status != 0 { lines.append("      exit: \(status)") }
        if !step.matchers.isEmpty {
            lines.append("      output:")
            for matcher in step.matchers {
                if let note = matcher.note { lines.append("        # drafted: \(oneLine(note))") }
                let value = matcher.kind == .matches ? YAMLScalarWriter.singleQuoted(matcher.value) : YAMLScalarWriter.scalar(matcher.value)
                lines.append("        - \(matcher.kind.rawValue): \(value)")
            }
        }
        lines += DraftRecordingWriter.lines(captures: step.captures, probes: step.probes, retryFor: step.retryFor)
        if let hint = step.hint { lines += YAMLScalarWriter.entry("hint", hint, indent: 4) }
        return lines
    }
}
