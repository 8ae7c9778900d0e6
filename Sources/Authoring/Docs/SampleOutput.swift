import Workflow

/// The output of a passing run that `runbook docs` shows under a command: the first learner of
/// the results who passed the step, at most `maximumLines` lines (the first and the last), with
/// what changes from run to run as placeholders: that learner's id and name, the run id, and the
/// parts `VolatileText` knows (ids, digests, dates, times, durations, sizes, "N seconds ago",
/// temporary folders).
public struct SampleOutput {
    /// Lines shown at most: the first `maximumLines - tailLines` and the last `tailLines`.
    public static let maximumLines = 40
    /// Lines kept from the end when the output is longer.
    public static let tailLines = 10

    /// The results the samples come from.
    public let results: RunResults
    private let volatile = VolatileText()

    /// Creates the samples of `results`.
    public init(results: RunResults) {
        self.results = results
    }

    /// The sample of step `id`, or nil when no learner passed it with some output.
    public func sample(of id: String) -> String? {
        for learner in results.learners {
            guard let step = learner.step(id), step.status == .passed, let excerpt = step.excerpts?.output, excerpt.totalLines > 0 else {
                continue
            }
            var lines = Self.lines(excerpt.head)
            var tail = Self.lines(excerpt.tail)
            var omitted = excerpt.omittedLines
            if lines.count + tail.count > Self.maximumLines {
                let all = lines + tail
                let keepHead = Self.maximumLines - Self.tailLines
                omitted += all.count - Self.maximumLines
                lines = Array(all.prefix(keepHead))
                tail = Array(all.suffix(Self.tailLines))
            }
            let marker = omitted > 0 ? ["… (\(omitted) line\(omitted == 1 ? "" : "s") left out) …"] : []
            return (lines + marker + tail).map { normalise($0, learner: learner) }.joined(separator: "\n")
        }
        return nil
    }

    private func normalise(_ line: String, learner: LearnerResult) -> String {
        var text = volatile.placeholders(ControlCharacters.visible(line, keepLineFeeds: false))
        text = Self.replace(results.runId, with: "<run-id>", in: text)
        if let name = learner.name, name.count >= 2 { text = Self.replace(name, with: "<learner-name>", in: text) }
        if learner.id.count >= 2 { text = Self.replace(learner.id, with: "<learner>", in: text) }
        return text
    }

    private static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// `text` with each occurrence of `value` that is not part of a longer word replaced.
    private static func replace(_ value: String, with placeholder: String, in text: String) -> String {
        guard !value.isEmpty, text.contains(value) else { return text }
        var output = ""
        var rest = Substring(text)
        while let range = rest.range(of: value) {
            let before = range.lowerBound > rest.startIndex ? rest[rest.index(before: range.lowerBound)] : (output.last ?? " ")
            let after = range.upperBound < rest.endIndex ? rest[range.upperBound] : " "
            let alone = !(before.isLetter || before.isNumber) && !(after.isLetter || after.isNumber)
            output += rest[..<range.lowerBound] + (alone ? placeholder : value)
            rest = rest[range.upperBound...]
            if alone { rest = Substring(VolatileText.padded(String(rest), shift: value.count - placeholder.count)) }
        }
        return output + rest
    }
}
