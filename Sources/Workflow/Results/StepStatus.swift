/// The outcome of a step, probe or cleanup item, and how every format shows it (SPEC 4).
public enum StepStatus: String, Sendable, Codable, CaseIterable {
    case passed, failed, timeout, error, blocked, skipped, interrupted

    /// The symbol of terminal, Markdown and HTML reports.
    public var symbol: String {
        switch self {
        case .passed: "✓"
        case .failed: "✗"
        case .timeout: "⏱"
        case .error: "⚠"
        case .blocked: "⊘"
        case .skipped: "○"
        case .interrupted: "◌"
        }
    }

    /// True for the statuses that make `run`/`check` exit 1.
    public var isFailure: Bool {
        switch self {
        case .passed, .skipped: false
        case .failed, .timeout, .error, .blocked, .interrupted: true
        }
    }

    /// True when a step with this status satisfies a `needs`.
    public var satisfiesNeeds: Bool { self == .passed }
}
