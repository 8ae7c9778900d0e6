/// Everything a step's (or probe's) result is checked against.
public struct Expectation: Sendable, Hashable {
    /// Accepted exit statuses (default 0).
    public var exit: ExitExpectation
    /// Whether `exit` was written explicitly.
    public var exitWritten: Bool
    /// Checks on the output streams, in the order written.
    public var streams: [StreamExpectation]
    /// Numeric checks on captured values.
    public var values: [ValueCheck]

    /// Creates an expectation; the default accepts exit status 0 only.
    public init(exit: ExitExpectation = .codes([0]), exitWritten: Bool = false, streams: [StreamExpectation] = [], values: [ValueCheck] = []) {
        self.exit = exit
        self.exitWritten = exitWritten
        self.streams = streams
        self.values = values
    }

    /// True when the only check is the default `exit: 0`.
    public var checksExitZeroOnly: Bool { streams.isEmpty && values.isEmpty && exit == .codes([0]) }
}
