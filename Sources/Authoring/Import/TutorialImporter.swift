import Workflow

/// `runbook import` as one call: a Markdown tutorial in, a draft runbook's YAML out.
public enum TutorialImporter {
    /// A draft runbook: its YAML text and how many steps it has.
    public struct Draft: Sendable {
        /// The YAML text, every guess marked with a `# drafted:` comment.
        public var yaml: String
        /// The number of steps (0: the tutorial holds no command).
        public var stepCount: Int
    }

    /// The draft of `markdown`; `source` is the tutorial's file name, for the notes; the kinds of
    /// `registry` draft the commands of their programs.
    public static func draft(markdown: String, source: String, registry: KindRegistry) -> Draft {
        let drafters = Drafters(registry: registry)
        var reader = TutorialReader(markdown: markdown, drafters: drafters)
        let draft = DraftBuilder(source: source, drafters: drafters).build(reader.read())
        return Draft(yaml: DraftYAMLWriter.write(draft), stepCount: draft.steps.count)
    }
}
