/// A piece of a typed command's output that stands for a template in the draft: `gifted_darwin`
/// for `${learner}-gifted_darwin`, `wbuchwalter` for `${USERNAME}`.
public struct OutputStandIn: Sendable, Hashable {
    /// The text as the output shows it.
    public var text: String
    /// What it becomes (a template).
    public var template: String

    /// A stand-in.
    public init(text: String, template: String) {
        self.text = text
        self.template = template
    }
}
