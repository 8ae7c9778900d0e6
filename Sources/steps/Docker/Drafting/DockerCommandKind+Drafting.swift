import Workflow

extension DockerCommandKind {
    /// Both Docker kinds draft through the one `DockerDrafter`.
    public var drafter: (any CommandDrafter)? { DockerDrafter() }
}
