/// One CSV row per learner (SPEC 4): `id,name,passed,total`, then a column per step holding the
/// status word (`not run` for a step without a result, SPEC 7.1). RFC 4180 quoting, CRLF
/// line ends, formula starts defused (SPEC 5).
public struct CSVReporter: Sendable {
    /// The results shown.
    public let matrix: ReportMatrix

    /// Creates the reporter.
    public init(results: RunResults) {
        matrix = ReportMatrix(results: results)
    }

    /// The whole document.
    public func render() -> String {
        var csv = CSVEscaper.record(["id", "name", "passed", "total"] + matrix.steps.map(\.id))
        for learner in matrix.learners {
            let statuses = matrix.steps.map { matrix.result(learner: learner.id, step: $0.id)?.statusText ?? "not run" }
            let counts = [String(matrix.passedCount(learner)), String(matrix.countedSteps)]
            csv += CSVEscaper.record([learner.id, learner.name ?? ""] + counts + statuses)
        }
        return csv
    }
}
