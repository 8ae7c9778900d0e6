import Workflow

extension HTTPCommandKind {
    /// `curl URL` lines are drafted as `http:` steps.
    public var drafter: (any CommandDrafter)? { HTTPDrafter() }
}
