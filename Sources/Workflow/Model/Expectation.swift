/// Everything a step's (or probe's) result is checked against.
public struct Expectation: Sendable, Hashable {
    /// Accepted exit statuses (default 0).
    public var exit: ExitExpectation
    /// Whether `exit` was written explicitly.
    public var exitWritten: Bool
    /// `status:` of an `http:` step; nil when not written (the kind's default applies).
    public var status: StatusExpectation?
    /// `exists:`; nil when not written (true for kinds whose subject may be absent).
    public var exists: Bool?
    /// `size:` of a file, in bytes.
    public var size: Comparison?
    /// `mode:` of a file, four octal digits (`0644`).
    public var mode: String?
    /// Where each kind-specific check (`exit`, `status`, `exists`, `size`, `mode`) is written, for validation.
    public var written: [ExpectationCheck: SourceLocation]
    /// Checks on the output streams, in the order written.
    public var streams: [StreamExpectation]
    /// Numeric checks on captured values.
    public var values: [ValueCheck]
    /// `exit: { equals: …, why: … }`: the learner's explanation of a wrong exit status.
    public var exitWhy: Template?
    /// `status: { equals: …, why: … }`: the learner's explanation of a wrong HTTP status.
    public var statusWhy: Template?

    /// Creates an expectation; the default accepts exit status 0 only.
    public init(
        exit: ExitExpectation = .codes([0]), exitWritten: Bool = false, status: StatusExpectation? = nil, exists: Bool? = nil,
        size: Comparison? = nil, mode: String? = nil, written: [ExpectationCheck: SourceLocation] = [:], streams: [StreamExpectation] = [],
        values: [ValueCheck] = [], exitWhy: Template? = nil, statusWhy: Template? = nil
    ) {
        self.exit = exit
        self.exitWritten = exitWritten
        self.status = status
        self.exists = exists
        self.size = size
        self.mode = mode
        self.written = written
        self.streams = streams
        self.values = values
        self.exitWhy = exitWhy
        self.statusWhy = statusWhy
    }

    /// Every `why:` of the expectation (exit, status, matchers).
    public var whyTemplates: [Template] {
        [exitWhy, statusWhy].compactMap { $0 } + streams.compactMap(\.why)
    }

    /// True when the only check is the default `exit: 0`.
    public var checksExitZeroOnly: Bool {
        streams.isEmpty && values.isEmpty && exit == .codes([0]) && status == nil && exists == nil && size == nil && mode == nil
    }
}
