import Foundation

/// GitHub Actions output: the Markdown checklist for `$GITHUB_STEP_SUMMARY`, kept within GitHub's
/// 1 MiB limit, and `::error file=…,line=…::` workflow commands that annotate each failing step at
/// its line in the runbook (at most 10 per run; the rest are counted at the top of the summary).
///
/// One annotation per failing step, naming every learner it failed for; a blocked step is not
/// annotated (the step it needs is). Every text is escaped as workflow commands require.
public struct GitHubReporter: Sendable {
    /// GitHub's limit on a step's summary, in bytes.
    public static let summaryLimit = 1 << 20
    /// The most annotations written for one run.
    public static let annotationLimit = 10
    /// Learners named one per line in an annotation before the rest are counted.
    static let learnersPerAnnotation = 5

    /// The results shown.
    public let matrix: ReportMatrix
    /// Where annotation paths are relative to: `GITHUB_WORKSPACE`, else the working directory.
    public var workspace: String
    /// The working directory the runbook's path was given in.
    public var currentDirectory: String

    /// Creates the reporter.
    public init(
        results: RunResults, workspace: String? = ProcessInfo.processInfo.environment["GITHUB_WORKSPACE"],
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) {
        matrix = ReportMatrix(results: results)
        self.currentDirectory = currentDirectory
        self.workspace = workspace.flatMap { $0.isEmpty ? nil : $0 } ?? currentDirectory
    }

    /// A step that failed for some learners: where it is and for whom.
    public struct FailingStep: Sendable {
        /// The step.
        public var step: RunHeader.StepInfo
        /// Its results that failed, timed out, errored or were interrupted, in roster order.
        public var results: [StepResult]
    }

    /// The steps to annotate, in file order.
    public var failingSteps: [FailingStep] {
        matrix.steps.compactMap { step in
            let failed = matrix.learners.compactMap { matrix.result(learner: $0.id, step: step.id) }
                .filter { $0.status.isFailure && $0.status != .blocked }
            return failed.isEmpty ? nil : FailingStep(step: step, results: failed)
        }
    }

    /// The workflow commands, one per line, for the first `annotationLimit` failing steps.
    public func annotations() -> [String] {
        failingSteps.prefix(Self.annotationLimit).map(annotation)
    }

    /// The summary: the checklist within `summaryLimit`.
    public func render() -> String {
        summary(limit: Self.summaryLimit)
    }

    /// The summary in at most `limit` bytes of UTF-8: the whole checklist; if too long, without
    /// the failures' details; if still too long, cut at a line; each cut says so at its end.
    public func summary(limit: Int) -> String {
        var head = ""
        let failing = failingSteps.count
        if failing > Self.annotationLimit {
            head =
                "> **Annotations:** the first \(Self.annotationLimit) of \(failing) failing steps are annotated in the runbook; "
                + "the other \(failing - Self.annotationLimit) are in the checklist below.\n\n"
        }
        let full = head + MarkdownReporter(results: matrix.results).render()
        guard full.utf8.count > limit else { return full }
        let note =
            "\n> **Cut:** this summary was cut to fit GitHub's 1 MiB limit; "
            + "`runbook report RESULTS --format md` gives the whole checklist.\n"
        let room = max(0, limit - note.utf8.count)
        if let details = full.range(of: "## Failures by learner\n"), full[..<details.lowerBound].utf8.count <= room {
            return String(full[..<details.lowerBound]) + note
        }
        var bytes = Array(full.utf8.prefix(room))
        if let newline = bytes.lastIndex(of: 0x0A) { bytes.removeSubrange(bytes.index(after: newline)...) } else { bytes.removeAll() }
        return String(decoding: bytes, as: UTF8.self) + note
    }

    /// Appends the summary to `path` (GitHub's `$GITHUB_STEP_SUMMARY`), within what is left of the
    /// limit after what earlier steps of the job wrote there; false when nothing useful fits.
    @discardableResult
    public func appendSummary(to path: String) throws(ReportError) -> Bool {
        let existing = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? 0
        let separator = existing > 0 ? "\n" : ""
        let text = summary(limit: Self.summaryLimit - existing - separator.utf8.count)
        guard text.utf8.count > 200 else { return false }
        do {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: path) { _ = FileManager.default.createFile(atPath: path, contents: nil) }
            guard let file = FileHandle(forWritingAtPath: path) else {
                throw ReportError.cannotWrite(path: path, reason: "cannot open the file")
            }
            defer { try? file.close() }
            try file.seekToEnd()
            try file.write(contentsOf: Data((separator + text).utf8))
        } catch let error as ReportError {
            throw error
        } catch {
            throw .cannotWrite(path: path, reason: ReportRenderer.describe(error))
        }
        return true
    }

    /// `::error file=F,line=L,title=T::MESSAGE` for one failing step.
    func annotation(_ failing: FailingStep) -> String {
        let title = matrix.title(of: failing.step)
        var properties = ["file=" + Self.property(annotationPath)]
        if let line = failing.step.line { properties.append("line=\(line)") }
        properties.append("title=" + Self.property("runbook: step \(failing.step.id)" + (title.isEmpty ? "" : " (\(title))")))
        var lines: [String] = []
        let results = failing.results
        if results.count == 1, let only = results.first {
            lines.append("\(only.learner): \(only.status.rawValue)" + (only.shownReason.map { ": " + $0 } ?? ""))
        } else {
            lines.append("\(results.first?.status.rawValue ?? "failed") for \(results.count) learners")
            for result in results.prefix(Self.learnersPerAnnotation) {
                lines.append("\(result.learner): \(result.status.rawValue)" + (result.shownReason.map { ": " + $0 } ?? ""))
            }
            if results.count > Self.learnersPerAnnotation { lines.append("… and \(results.count - Self.learnersPerAnnotation) more") }
        }
        if let hint = results.compactMap(\.hint).first ?? failing.step.hint, !hint.isEmpty { lines.append("Hint: " + hint) }
        let message = lines.map { ControlCharacters.singleLine($0) }.joined(separator: "\n")
        return "::error \(properties.joined(separator: ","))::\(Self.data(message))"
    }

    /// The runbook's path as GitHub names files: relative to the workspace when inside it.
    var annotationPath: String {
        let given = matrix.results.runbook.path
        let absolute =
            given.hasPrefix("/")
            ? given : URL(fileURLWithPath: currentDirectory).appendingPathComponent(given).standardizedFileURL.path
        let root = URL(fileURLWithPath: workspace).standardizedFileURL.path
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : given
    }

    /// A workflow command's message: `%`, CR and LF escaped.
    static func data(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A workflow command's property value: as a message, plus `:` and `,`.
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
