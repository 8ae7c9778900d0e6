/// Everything of a step that is substituted, for questions about which values it uses.
extension Step {
    /// Its texts, command, environment, stdin, cwd and expectations, and those of its probes.
    public var allTemplates: [Template] {
        var templates: [Template] = [title, say, hint, cwd, stdin].compactMap { $0 }
        templates += command.templates + env.map(\.value) + expect.streams.flatMap(\.matcher.templates)
        for probe in verify {
            templates += probe.command.templates + probe.env.map(\.value) + probe.expect.streams.flatMap(\.matcher.templates)
            templates += [probe.cwd, probe.stdin].compactMap { $0 }
        }
        return templates
    }

    /// The `sh:` scripts of the step and its probes (never substituted; vars reach them as environment variables).
    public var scripts: [String] {
        ([command] + verify.map(\.command)).compactMap(\.script)
    }

    /// The names of vars and built-ins the step uses: `${NAME}` in its templates, `$NAME` in its scripts.
    public var usedNames: [String] {
        allTemplates.flatMap(\.variableReferences).map(\.name) + scripts.flatMap { ShellVariables.referenced(in: $0) }
    }
}
