/// Texts of the runbook as the learner sees them.
extension LearnerContext {
    /// `template` substituted and redacted; nil when it is nil or names something without a value yet.
    func text(_ template: Template?) -> String? {
        guard let template, let value = try? scope.render(template) else { return nil }
        return redactor.redact(value)
    }

    /// Every hint of `step`, substituted and redacted (a hint naming a value not known yet shows it as written).
    func hints(of step: Step) -> [String] {
        step.hints.map { redactor.redact((try? scope.render($0)) ?? $0.raw) }
    }

    /// A result's `hints`: every hint of a step that has several, nil for one or none (then `hint` says it all).
    func resultHints(of step: Step) -> [String]? {
        step.hints.count > 1 ? hints(of: step) : nil
    }

    /// The `why:` of a probe that failed, substituted and redacted (as written when a value is not known yet).
    func why(_ template: Template?) -> String? {
        template.map { redactor.redact((try? scope.render($0)) ?? $0.raw) }
    }

    /// `failures` with every text redacted.
    func redacted(_ failures: [MatcherFailure]) -> [MatcherFailure] {
        failures.map { failure in
            var copy = failure
            copy.expected = redactor.redact(copy.expected)
            copy.message = redactor.redact(copy.message)
            copy.why = copy.why.map(redactor.redact)
            // A quoted line cut at 2,048 bytes ends in `…`: the start of a secret may be left there.
            copy.lines = copy.lines.map { line in
                NumberedLine(
                    number: line.number, text: line.text.hasSuffix("…") ? redactor.redactAfterCut(line.text) : redactor.redact(line.text))
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
