import Text
import Workflow

/// Writes what only a recording drafts for a step: `capture:` for an id it printed that a later
/// command uses, and `verify:` probes of the state it left, each guess with its `# drafted:` remark.
enum DraftRecordingWriter {
    /// The YAML lines (indented for a step) of `captures` and `probes`; none when both are empty.
    static func lines(captures: [(name: String, regex: String)], probes: [DraftedProbe], retryFor: String? = nil) -> [String] {
        var lines: [String] = []
        if let retryFor {
            lines.append("    # drafted: it asks a server, which may still be starting when it runs: retried until it passes")
            lines.append("    retry: { for: \(retryFor), every: 500ms }")
        }
        if !captures.isEmpty {
            lines.append("    capture:")
            for capture in captures {
                lines.append("      # drafted: the id it printed is used by a later command")
                lines.append("      \(capture.name): { from: stdout, regex: \(YAMLScalarWriter.singleQuoted(capture.regex)) }")
            }
        }
        guard !probes.isEmpty else { return lines }
        lines.append("    verify:")
        for probe in probes {
            lines.append("      # drafted: \(probe.remark)")
            lines.append("      - \(probe.key): \(YAMLScalarWriter.scalar(probe.value))")
            if !probe.exists {
                lines.append("        expect: { exists: false }")
            } else if !probe.jsonEquals.isEmpty {
                lines.append("        expect:")
                lines.append("          stdout:")
                for matcher in probe.jsonEquals {
                    let path = YAMLScalarWriter.scalar(matcher.path)
                    lines.append("            - json: { path: \(path), equals: \(YAMLScalarWriter.doubleQuoted(matcher.equals)) }")
                }
            }
        }
        return lines
    }
}
