import Workflow

/// `runbook import` as one call: a Markdown tutorial in, a draft runbook's YAML out.
public enum TutorialImporter {
    /// A draft runbook: its YAML text and how many steps it has.
    public struct Draft: Sendable {
        /// The YAML text, every guess marked with a `# drafted:` comment.
        public var yaml: String
        /// The number of steps (0: the tutorial holds no command).
        public var stepCount: Int
        /// The steps written as comments because they did not validate.
        public var commentedOut = 0
    }

    /// The draft of `markdown`; `source` is the tutorial's file name, for the notes; the kinds of
    /// `registry` draft the commands of their programs. What does not validate (judged as if the
    /// draft were at `path`) is written as a comment: the draft always validates.
    public static func draft(markdown: String, source: String, registry: KindRegistry, path: String = "draft.yaml") -> Draft {
        let drafters = Drafters(registry: registry)
        let front = FrontMatter(markdown)
        var reader = TutorialReader(markdown: front.markdown, drafters: drafters)
        var content = reader.read()
        if content.title == nil { content.title = front.title }
        let built = DraftBuilder(source: source, drafters: drafters).build(content)
        let (draft, yaml) = DraftValidator(registry: registry, path: path).settle(built)
        let valid = draft.steps.filter { $0.invalid == nil }.count
        return Draft(yaml: yaml, stepCount: valid, commentedOut: draft.steps.count - valid)
    }
}
