import Workflow

/// Makes sure a draft validates: it loads the draft's YAML as `runbook validate` would, and writes
/// each step (or var) that an error points into as a comment, with the error, until none is left.
/// `import` never writes a draft that does not validate.
struct DraftValidator {
    /// The kinds the runbook may name.
    let registry: KindRegistry
    /// Where the draft will be written (relative paths of the draft are judged from its folder).
    let path: String

    /// `draft` with what does not validate commented out, and its YAML text.
    func settle(_ draft: DraftRunbook) -> (draft: DraftRunbook, yaml: String) {
        var draft = draft
        // Each round comments out at least one entry, or ends.
        for _ in 0...(draft.steps.count + draft.variables.count) {
            let (yaml, variableLines, stepLines) = DraftYAMLWriter.layout(draft)
            let loaded = RunbookLoader(registry: registry).load(bytes: Array(yaml.utf8), path: path)
            let errors = loaded.diagnostics.filter { $0.severity == .error }
            var changed = false
            for error in errors {
                let line = error.location.line
                if let index = stepLines.firstIndex(where: { $0.contains(line) }) {
                    draft.steps[index].invalid = (draft.steps[index].invalid ?? []) + [error.message]
                    changed = true
                } else if let index = variableLines.firstIndex(where: { $0.contains(line) }) {
                    draft.variables[index].invalid = (draft.variables[index].invalid ?? []) + [error.message]
                    changed = true
                }
            }
            if !changed { return (draft, yaml) }
        }
        return (draft, DraftYAMLWriter.write(draft))
    }
}
