/// Texts of the runbook as the learner sees them.
extension LearnerContext {
    /// `template` substituted and redacted; nil when it is nil or names something without a value yet.
    func text(_ template: Template?) -> String? {
        guard let template, let value = try? scope.render(template) else { return nil }
        return redactor.redact(value)
    }

    /// `failures` with every text redacted.
    func redacted(_ failures: [MatcherFailure]) -> [MatcherFailure] {
        failures.map { failure in
            var copy = failure
            copy.expected = redactor.redact(copy.expected)
            copy.message = redactor.redact(copy.message)
            // A quoted line cut at 2,048 bytes ends in `…`: the start of a secret may be left there.
            copy.lines = copy.lines.map { line in
                NumberedLine(number: line.number, text: line.text.hasSuffix("…") ? redactor.redactAfterCut(line.text) : redactor.redact(line.text))
            }
            return copy
        }
    }

    /// `excerpts` with every text redacted.
    func redacted(_ excerpts: OutputExcerpts) -> OutputExcerpts {
        func redact(_ excerpt: StreamExcerpt) -> StreamExcerpt {
            var copy = excerpt
            copy.head = redactor.redact(copy.head)
            copy.tail = redactor.redact(copy.tail)
            return copy
        }
        return OutputExcerpts(stdout: redact(excerpts.stdout), stderr: redact(excerpts.stderr), output: redact(excerpts.output))
    }
}
