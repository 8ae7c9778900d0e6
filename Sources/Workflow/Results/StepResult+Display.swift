/// How every report shows a result (SPEC 4, 6.11): the status, "done, since undone", and facts of the machine.
extension StepResult {
    /// The symbol: the status's, `↺` for "done, since undone", the status's followed by ` env` for an
    /// `environment: true` fact.
    public var symbol: String {
        if environment == true { return status.symbol + " env" }
        if status == .passed && undone == true { return Self.undoneSymbol }
        return status.symbol
    }

    /// What is said beside the status: `done, since undone`, `environment`, or nil.
    public var mark: String? {
        if environment == true { return "environment" }
        if status == .passed && undone == true { return "done, since undone" }
        return nil
    }

    /// The status in words: `passed`, `passed (done, since undone)`, `failed (environment)`…
    public var statusText: String {
        mark.map { "\(status.rawValue) (\($0))" } ?? status.rawValue
    }

    /// The symbol of "done, since undone".
    public static let undoneSymbol = "↺"

    /// The legend entries of the marks beside the statuses, for reports that list symbols.
    public static let markLegend = ["\(undoneSymbol) done, since undone", "✓ env a fact of the machine (not counted)"]
}
