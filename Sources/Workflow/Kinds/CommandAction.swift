/// Work a kind does in the runner's own process instead of starting a program (an HTTP request,
/// reading a file): it writes what it finds to the two streams and reports facts about its subject.
///
/// The runner bounds it with the step's timeout and Ctrl-C by cancelling its task: an action must
/// end soon after cancellation (the libraries and `ProcessRunner` it uses do).
public protocol CommandAction: Sendable {
    /// Does the work, writing to `output`; returns how it ended.
    func perform(_ output: ActionOutput) async -> ActionOutcome
}
