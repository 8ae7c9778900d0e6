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
            copy.lines = copy.lines.map { NumberedLine(number: $0.number, text: redactor.redact($0.text)) }
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
