/// One step's checks: its needs, the names it uses, its values, its kind's checks, lints and warnings.
extension RunbookValidator {
    /// Checks the step at `index`, records the captures it uses, and the needs they imply.
    mutating func validateStep(
        _ step: Step, at index: Int, in runbook: Runbook, varNames: Set<String>, stepIndex: [String: Int], captures: inout CaptureMakers,
        findings: DecodeFindings, implied impliedNeeds: inout [Int: [String]]
    ) {
        for (need, location) in findings.needsByStep[step.id] ?? [] {
            guard let needIndex = stepIndex[need] else {
                var message = "needs '\(need)', but no step has that id"
                if let suggestion = KeyChecker.nearest(to: need, in: Array(stepIndex.keys).sorted()) {
                    message += "; did you mean '\(suggestion)'?"
                }
                error(message, at: location)
                continue
            }
            if needIndex >= index { error("needs '\(need)', which is not an earlier step; steps run in file order", at: location) }
        }
        var implied: [String] = []
        var problems: [Diagnostic] = []
        func check(_ template: Template?, _ scope: ReferenceScope) {
            guard let template else { return }
            for reference in template.variableReferences {
                if varNames.contains(reference.name) || Self.isBuiltin(reference.name) { continue }
                guard captures.isCapture(reference.name) else {
                    var message = "'${\(reference.name)}' is not declared; add it to `vars:` or capture it in an earlier step"
                    let known = Array(varNames) + Array(TemplateParser.builtins) + captures.names
                    if let suggestion = KeyChecker.nearest(to: reference.name, in: known.sorted()) {
                        message += "; did you mean '${\(suggestion)}'?"
                    }
                    problems.append(.error(message, at: reference.location))
                    continue
                }
                let afterStep = scope == .afterStep
                captures.use(reference.name, at: index, afterStep: afterStep)
                guard let maker = captures.visibleMaker(of: reference.name, at: index, afterStep: afterStep) else {
                    let first = captures.firstMaker(of: reference.name) ?? index
                    let when = first == index ? "by this step, after it runs" : "by step '\(runbook.steps[first].id)', which comes later"
                    problems.append(
                        .error("capture '\(reference.name)' is used before it is made: it is captured \(when)", at: reference.location))
                    continue
                }
                if maker < index { implied.append(runbook.steps[maker].id) }
            }
        }
        [step.title, step.say, step.cwd, step.stdin].forEach { check($0, .beforeStep) }
        step.hints.forEach { check($0, .afterStep) }
        step.expect.whyTemplates.forEach { check($0, .afterStep) }
        step.command.templates.forEach { check($0, .beforeStep) }
        step.env.forEach { check($0.value, .beforeStep) }
        step.when.forEach { if case .value(let template) = $0.subject { check(template, .beforeStep) } }
        step.expect.streams.forEach { $0.matcher.templates.forEach { check($0, .beforeStep) } }
        step.expect.size.map { check($0.operand, .beforeStep) }
        step.captures.forEach { capture in
            check(capture.regex, .beforeStep)
            check(capture.jsonPath, .beforeStep)
        }
        for value in step.expect.values {
            check(value.operand, .afterStep)
            captures.use(value.name, at: index, afterStep: true)
            if captures.visibleMaker(of: value.name, at: index, afterStep: true) == nil {
                if let first = captures.firstMaker(of: value.name) {
                    problems.append(
                        .error(
                            "value '\(value.name)' is captured by step '\(runbook.steps[first].id)', which comes later", at: value.location)
                    )
                } else {
                    problems.append(
                        .error(
                            "value '\(value.name)' is not captured by this step or an earlier one; add a `capture:` or a (?<\(value.name)>…) group",
                            at: value.location))
                }
            }
        }
        for probe in step.verify {
            checkProbe(probe, check: { check($0, .afterStep) })
            checkKindChecks(probe.expect, of: probe.command)
        }
        diagnostics += problems
        if !implied.isEmpty { impliedNeeds[index] = implied }
        checkKindChecks(step.expect, of: step.command)
        lint(step.command, lintContext(tty: step.tty, isStep: true))
        step.verify.forEach { lint($0.command, lintContext(tty: false, isStep: false)) }

        if step.verifySelf && step.expect.checksExitZeroOnly {
            error(
                "`verify: self` needs an `expect` beyond `exit: 0` (a matcher, `exists`, `status`…), or the check would pass whatever it finds",
                at: step.location)
        } else if step.stop == nil, step.expect.checksExitZeroOnly && step.verify.isEmpty && step.captures.isEmpty,
            judgedByExit(step.command)
        {
            warning(
                "step '\(step.id)' checks only that its command exits 0; add an `expect` matcher or a `verify` probe", at: step.location)
        }
    }

    /// Every template of a probe or cleanup item, given to `check`.
    func checkProbe(_ probe: Probe, check: (Template?) -> Void) {
        probe.command.templates.forEach(check)
        check(probe.cwd)
        check(probe.stdin)
        probe.env.forEach { check($0.value) }
        probe.expect.streams.forEach { $0.matcher.templates.forEach(check) }
        probe.expect.values.forEach { check($0.operand) }
        check(probe.expect.size?.operand)
        check(probe.why)
        probe.expect.whyTemplates.forEach(check)
    }

    /// `exit`, `status`, `exists`, `size` and `mode` only where the command's kind supports them.
    mutating func checkKindChecks(_ expect: Expectation, of command: Command) {
        guard let kind = registry.kind(command.key) else { return }
        for (check, location) in expect.written.sorted(by: { $0.value < $1.value }) where !kind.checks.contains(check) {
            let supporting = registry.kinds.filter { $0.checks.contains(check) }.map { "`\($0.key):`" }
            var message = "`\(check.rawValue)` does not apply to `\(command.key):` commands"
            if !supporting.isEmpty { message += "; it is for " + supporting.joined(separator: ", ") }
            let own = ExpectationCheck.allCases.filter { kind.checks.contains($0) }.map { "`\($0.rawValue)`" }
            if !own.isEmpty { message += " (`\(command.key):` is judged by " + own.joined(separator: ", ") + " and its output)" }
            error(message, at: location)
        }
    }

    /// Whether `command`'s kind is judged by an exit status; a kind that is not has a check of its
    /// own by default (`exists: true`, `status: 2xx`), so a step of it without `expect` still checks something.
    func judgedByExit(_ command: Command) -> Bool {
        registry.kind(command.key)?.checks.contains(.exit) != false
    }

    /// Runs the kind's own lint on `command`.
    mutating func lint(_ command: Command, _ context: LintContext) {
        guard let kind = registry.kind(command.key) else { return }
        diagnostics += kind.lint(command, context: context)
    }
}
