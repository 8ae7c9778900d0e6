/// A report format of `--report FORMAT[:PATH]` and `runbook report --format` (SPEC 4).
public enum ReportFormat: String, Sendable, CaseIterable, Hashable, CustomStringConvertible {
    /// `results.json` itself.
    case json
    /// JUnit XML: a testsuite per learner, a testcase per step.
    case junit
    /// TAP version 13, output only inside the YAML diagnostic blocks.
    case tap
    /// The instructor's Markdown checklist.
    case md
    /// One CSV row per learner.
    case csv
    /// One self-contained HTML page.
    case html
    /// GitHub Actions: the Markdown checklist for `$GITHUB_STEP_SUMMARY` (annotations are printed beside it).
    case github

    /// The usual file extension of the format (`xml` for JUnit).
    public var fileExtension: String {
        switch self {
        case .json: "json"
        case .junit: "xml"
        case .tap: "tap"
        case .md: "md"
        case .csv: "csv"
        case .html: "html"
        case .github: "md"
        }
    }

    /// The file a report goes to without an explicit path: `report.FORMAT` (SPEC 4: `DIR/report.F`).
    public var defaultFileName: String { "report.\(rawValue)" }

    /// The valid names, for messages: `json, junit, tap, md, csv or html`.
    public static var validNames: String {
        let names = allCases.map(\.rawValue)
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    /// The format named `name` (exactly, lower case).
    public init(parsing name: String) throws(ReportError) {
        guard let format = ReportFormat(rawValue: name) else { throw .unknownFormat(name) }
        self = format
    }

    /// The format's name.
    public var description: String { rawValue }
}
