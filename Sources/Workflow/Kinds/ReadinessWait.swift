/// A step's `retry: { for, every }` as its command sees it (SPEC 6.2): how much of the wait is
/// left when the attempt starts, and the pause between tries. A kind that can wait more cheaply
/// itself (a request made from inside a container, which would otherwise start one container per
/// try) loops within one attempt until its subject answers or the time is up.
public struct ReadinessWait: Sendable, Hashable {
    /// What is left of `for` when this attempt starts.
    public var remaining: Duration
    /// `every`: the pause between tries.
    public var every: Duration

    /// Creates the wait.
    public init(remaining: Duration, every: Duration) {
        self.remaining = remaining
        self.every = every
    }
}
