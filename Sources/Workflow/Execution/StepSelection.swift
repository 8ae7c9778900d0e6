/// `--only`, `--skip` and `--from`: which steps a run considers selected.
public struct StepSelection: Sendable {
    /// Only these ids (empty: all).
    public var only: Set<String>
    /// Never these ids.
    public var skip: Set<String>
    /// Start at this id; earlier steps are not selected.
    public var from: String?

    /// Creates a selection.
    public init(only: Set<String> = [], skip: Set<String> = [], from: String? = nil) {
        self.only = only
        self.skip = skip
        self.from = from
    }

    /// Every step selected.
    public static let all = StepSelection()

    /// The ids named that the runbook lacks, for an argument error.
    public func unknownIds(in runbook: Runbook) -> [String] {
        let ids = Set(runbook.steps.map(\.id))
        return (Array(only) + Array(skip) + (from.map { [$0] } ?? [])).filter { !ids.contains($0) }.sorted()
    }

    /// Whether the step at `index` is selected.
    public func isSelected(_ step: Step, index: Int, in runbook: Runbook) -> Bool {
        if !only.isEmpty && !only.contains(step.id) { return false }
        if skip.contains(step.id) { return false }
        if let from, let start = runbook.steps.firstIndex(where: { $0.id == from }), index < start { return false }
        return true
    }
}
