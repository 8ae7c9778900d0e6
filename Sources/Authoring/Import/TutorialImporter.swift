/// `runbook import` as one call: a Markdown tutorial in, a draft runbook's YAML out.
public enum TutorialImporter {
    /// A draft runbook: its YAML text and how many steps it has.
    public struct Draft: Sendable {
        /// The YAML text, every guess marked with a `# drafted:` comment.
        public var yaml: String
        /// The number of steps (0: the tutorial holds no command).
        public var stepCount: Int
    }

    /// The draft of `markdown`; `source` is the tutorial's file name, for the notes.
    public static func draft(markdown: String, source: String) -> Draft {
        var reader = TutorialReader(markdown: markdown)
        let draft = DraftBuilder(source: source).build(reader.read())
        return Draft(yaml: DraftYAMLWriter.write(draft), stepCount: draft.steps.count)
    }
}
