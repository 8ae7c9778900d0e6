/// A runbook drafted from a tutorial, before it is written as YAML.
struct DraftRunbook: Sendable {
    /// One entry of `vars:`.
    struct Variable: Sendable {
        /// The name.
        var name: String
        /// The default value (a template), if any.
        var defaultValue: String?
        /// Whether a learner must give it a value.
        var required: Bool
        /// What it is.
        var description: String?
        /// `# drafted:` remarks.
        var notes: [String]
        /// Why it does not validate, when it does not: it is written as a comment.
        var invalid: [String]?
    }

    /// `# drafted:` remarks at the top of the file.
    var notes: [String]
    /// The title.
    var title: String?
    /// The description (Markdown).
    var description: String?
    /// The vars, in order of first use.
    var variables: [Variable]
    /// The steps, in the tutorial's order.
    var steps: [DraftStep]
}
