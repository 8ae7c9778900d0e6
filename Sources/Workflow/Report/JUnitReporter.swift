import Foundation
import Text

/// JUnit XML (SPEC 4): one `<testsuite>` per learner, one `<testcase>` per step (with the
/// runbook's `file` and the step's `line`, when recorded), output in `<system-out>`/`<system-err>`;
/// as Jenkins, GitLab and junitparser read it.
///
/// failed → `<failure type="failed">`, timeout → `<failure type="timeout">`, error → `<error>`,
/// interrupted → `<error type="interrupted">`, blocked → `<skipped message="blocked: …">`,
/// skipped → `<skipped message="REASON">`; a step with no result (a crashed run, or a learner a
/// merge of shards found no result for) is skipped with "not run". Every untrusted text is escaped
/// and stripped of what XML 1.0 forbids.
public struct JUnitReporter: Sendable {
    /// The results shown.
    public let matrix: ReportMatrix

    /// Creates the reporter.
    public init(results: RunResults) {
        matrix = ReportMatrix(results: results)
    }

    /// The whole document.
    public func render() -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        var totals = Tally()
        var suites = ""
        for learner in matrix.learners {
            let (suite, tally) = testsuite(learner)
            suites += suite
            totals.add(tally)
        }
        xml += "<testsuites name=\"\(attribute(matrix.runbookTitle))\" tests=\"\(totals.tests)\" failures=\"\(totals.failures)\""
        xml += " errors=\"\(totals.errors)\" skipped=\"\(totals.skipped)\" time=\"\(DurationText.seconds(totals.time))\""
        xml += " timestamp=\"\(DurationText.junitTimestamp(matrix.results.startedAt))\">\n"
        xml += suites
        xml += "</testsuites>\n"
        return xml
    }

    /// Counts of one suite, or of all of them.
    struct Tally {
        var tests = 0
        var failures = 0
        var errors = 0
        var skipped = 0
        var time = 0.0

        mutating func add(_ other: Tally) {
            tests += other.tests
            failures += other.failures
            errors += other.errors
            skipped += other.skipped
            time += other.time
        }
    }

    private func testsuite(_ learner: LearnerResult) -> (String, Tally) {
        var tally = Tally()
        var cases = ""
        let classname = classname(for: learner.id)
        for step in matrix.steps {
            let result = matrix.result(learner: learner.id, step: step.id)
            tally.tests += 1
            tally.time += result?.durationSeconds ?? 0
            let title = matrix.title(of: step, learner: learner.id)
            var name = title.isEmpty ? step.id : "\(step.id): \(title)"
            if let mark = result?.mark { name += " [\(mark)]" }
            cases += "    <testcase classname=\"\(attribute(classname))\" name=\"\(attribute(name))\""
            cases += " file=\"\(attribute(matrix.results.runbook.path))\""
            if let line = step.line { cases += " line=\"\(line)\"" }
            cases += " time=\"\(DurationText.seconds(result?.durationSeconds ?? 0))\">\n"
            guard let result else {
                tally.skipped += 1
                let why = learner.notRun ?? "the journal holds no result for this step (the run stopped before it)"
                cases += "      <skipped message=\"\(attribute("not run: " + why))\"/>\n"
                cases += "    </testcase>\n"
                continue
            }
            let reason = result.shownReason ?? result.status.rawValue
            switch result.status {
            case .passed:
                break
            case .failed, .timeout:
                tally.failures += 1
                cases +=
                    "      <failure message=\"\(attribute(reason))\" type=\"\(result.status.rawValue)\">\(MarkupEscaper.escape(FailureText.plain(result)))</failure>\n"
            case .error:
                tally.errors += 1
                cases +=
                    "      <error message=\"\(attribute(reason))\" type=\"error\">\(MarkupEscaper.escape(FailureText.plain(result)))</error>\n"
            case .interrupted:
                tally.errors += 1
                cases +=
                    "      <error message=\"\(attribute(reason))\" type=\"interrupted\">\(MarkupEscaper.escape(FailureText.plain(result)))</error>\n"
            case .blocked:
                tally.skipped += 1
                cases += "      <skipped message=\"\(attribute("blocked: " + reason))\"/>\n"
            case .skipped:
                tally.skipped += 1
                cases += "      <skipped message=\"\(attribute(reason))\"/>\n"
            }
            if let excerpts = result.excerpts {
                let stdout = ExcerptText.full(excerpts.stdout)
                let stderr = ExcerptText.full(excerpts.stderr)
                if !stdout.isEmpty { cases += "      <system-out>\(MarkupEscaper.escape(stdout))</system-out>\n" }
                if !stderr.isEmpty { cases += "      <system-err>\(MarkupEscaper.escape(stderr))</system-err>\n" }
            }
            cases += "    </testcase>\n"
        }
        var suite = "  <testsuite name=\"\(attribute(learner.id))\" tests=\"\(tally.tests)\" failures=\"\(tally.failures)\""
        suite += " errors=\"\(tally.errors)\" skipped=\"\(tally.skipped)\" time=\"\(DurationText.seconds(tally.time))\""
        suite += " timestamp=\"\(DurationText.junitTimestamp(startedAt(of: learner)))\">\n"
        suite += "    <properties>\n"
        for (name, value) in properties(of: learner) {
            suite += "      <property name=\"\(attribute(name))\" value=\"\(attribute(value))\"/>\n"
        }
        suite += "    </properties>\n"
        suite += cases
        let cleanup = learner.cleanup.filter { $0.status != .passed && $0.status != .skipped }
        if !cleanup.isEmpty {
            let lines = cleanup.map { "cleanup \($0.index + 1): \($0.status.rawValue)\($0.reason.map { ": " + $0 } ?? "")" }
            suite += "    <system-err>\(MarkupEscaper.escape(lines.joined(separator: "\n") + "\n"))</system-err>\n"
        }
        suite += "  </testsuite>\n"
        return (suite, tally)
    }

    /// `RUNBOOK_TITLE.LEARNER`, dots in the title replaced so that CI servers do not read packages into it.
    private func classname(for learner: String) -> String {
        matrix.runbookTitle.replacingOccurrences(of: ".", with: "_") + "." + learner
    }

    /// When the learner's first step started, else the run's start.
    private func startedAt(of learner: LearnerResult) -> Date {
        learner.steps.compactMap(\.startedAt).min() ?? matrix.results.startedAt
    }

    /// The suite's properties: who, which run, which engine.
    private func properties(of learner: LearnerResult) -> [(String, String)] {
        var list: [(String, String)] = []
        if let name = learner.name { list.append(("learner.name", name)) }
        list.append(("runbook.title", matrix.runbookTitle))
        list.append(("runbook.path", matrix.results.runbook.path))
        list.append(("runbook.sha256", matrix.results.runbook.sha256))
        list.append(("run.id", matrix.results.runId))
        list.append(("run.command", matrix.results.command))
        if let preflight = learner.preflight {
            list.append(("engine.status", preflight.status.rawValue))
            if let message = preflight.message { list.append(("engine.message", message)) }
            if let summary = preflight.summary { list.append(("engine.summary", summary)) }
            if case .object(let members)? = preflight.fingerprint {
                for member in members.sorted(by: { $0.key < $1.key }) {
                    if let text = Self.propertyText(member.value) { list.append(("engine.\(member.key)", text)) }
                }
            }
        }
        return list
    }

    private func attribute(_ text: String) -> String { MarkupEscaper.attribute(text) }

    /// A fingerprint value as a property's text: strings as they are, lists joined with commas; nil for nothing.
    private static func propertyText(_ value: JSONValue) -> String? {
        switch value {
        case .null: nil
        case .bool(let flag): flag ? "yes" : "no"
        case .number(let text): text
        case .string(let text): text
        case .array(let items): items.isEmpty ? nil : items.compactMap(propertyText).joined(separator: ",")
        case .object: nil
        }
    }
}
