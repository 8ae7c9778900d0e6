import Foundation

/// Cross-reference checks that need the whole runbook (SPEC 1.5): needs, `${…}` names, captures,
/// regexes, command lints and warnings. Also adds the needs that captures imply.
struct RunbookValidator {
    /// The kinds, whose lints run on their commands.
    let registry: KindRegistry
    /// Whether a roster learner uses a remote engine (some lints warn then).
    let remoteEngines: Bool
    /// Problems found.
    var diagnostics: [Diagnostic] = []
    private var compiledPatterns: [String: Bool] = [:]

    /// A validator that lints commands with the kinds of `registry`.
    init(registry: KindRegistry, remoteEngines: Bool) {
        self.registry = registry
        self.remoteEngines = remoteEngines
    }

    /// Validates `runbook` using what decoding found; returns it with implied needs added.
    mutating func validate(_ runbook: Runbook, findings: DecodeFindings) -> Runbook {
        var runbook = runbook
        let varNames = Set(runbook.vars.map(\.name))
        let stepIndex = Dictionary(runbook.steps.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })

        // Captures: unique, not clashing with vars or built-ins; who makes each.
        var captureMaker: [String: Int] = [:]
        for (index, step) in runbook.steps.enumerated() {
            for capture in step.captures {
                if varNames.contains(capture.name) {
                    error("capture '\(capture.name)' has the name of a var; rename one of them", at: capture.location)
                } else if TemplateParser.builtins.contains(capture.name) || capture.name == "env" {
                    error("'\(capture.name)' is a built-in name and cannot be a capture", at: capture.location)
                } else if let first = captureMaker[capture.name] {
                    if first != index || !capture.fromMatcher {
                        error("capture '\(capture.name)' is already made by step '\(runbook.steps[first].id)'; capture names are unique", at: capture.location)
                    }
                } else {
                    captureMaker[capture.name] = index
                }
            }
        }

        // Vars: defaults may use other vars and built-ins, never captures; no cycles among defaults.
        for declaration in runbook.vars {
            for reference in declaration.defaultValue?.variableReferences ?? [] where !varNames.contains(reference.name) && !TemplateParser.builtins.contains(reference.name) {
                let detail = captureMaker[reference.name] != nil ? "is a capture, which a var's default cannot use" : "is not declared in `vars:`"
                error("'${\(reference.name)}' \(detail)", at: reference.location)
            }
        }
        reportDefaultCycles(runbook.vars)

        // Steps (by index: iterating the array itself would copy every step).
        var impliedNeeds: [Int: [String]] = [:]
        for index in runbook.steps.indices {
            validateStep(
                runbook.steps[index], at: index, in: runbook, varNames: varNames, stepIndex: stepIndex, captureMaker: captureMaker,
                findings: findings, implied: &impliedNeeds)
        }
        for (index, needs) in impliedNeeds {
            for needed in needs where !runbook.steps[index].needs.contains(needed) { runbook.steps[index].needs.append(needed) }
        }
        for item in runbook.cleanup {
            checkProbe(item) { template in
                for reference in template?.variableReferences ?? [] where !varNames.contains(reference.name) && !TemplateParser.builtins.contains(reference.name) && captureMaker[reference.name] == nil {
                    error("'${\(reference.name)}' is not declared; add it to `vars:` or capture it in a step", at: reference.location)
                }
            }
            lint(item.command, LintContext(tty: false, isStep: false, remoteEngines: remoteEngines))
        }
        for (template, location) in runbook.defaults.env.map({ ($0.value, $0.value.location) }) + (runbook.defaults.cwd.map { [($0, $0.location)] } ?? []) {
            _ = location
            for reference in template.variableReferences where !varNames.contains(reference.name) && !TemplateParser.builtins.contains(reference.name) {
                error("'${\(reference.name)}' is not declared in `vars:` (defaults cannot use captures)", at: reference.location)
            }
        }

        // Regexes compile; capture regexes have a group.
        for (template, location) in findings.regexes { compileCheck(template, at: location) }
        for (name, template, location) in findings.captureGroupChecks {
            guard case .success(let regex) = RegexSupport.compile(RegexSupport.placeholderPattern(template)) else { continue }
            if regex.numberOfCaptureGroups == 0 {
                error("capture '\(name)': the regex has no group; wrap the part to capture in ( )", at: location)
            }
        }

        // Warnings: an unquoted word that is one reference whose value may be empty.
        let declarations = Dictionary(runbook.vars.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for template in findings.unquotedWholeWords {
            switch template.parts.first {
            case .variable(let name, let location):
                let maybeEmpty: Bool
                if let declaration = declarations[name] {
                    maybeEmpty = declaration.defaultValue.map(Self.mayBeEmpty) ?? !declaration.required
                } else {
                    maybeEmpty = captureMaker[name] != nil
                }
                if maybeEmpty {
                    warning("'${\(name)}' may be empty, which passes an empty argument; quote it and be sure it has a value, or give it a default", at: location)
                }
            case .environment(let name, let fallback, let location):
                if fallback.map(Self.mayBeEmpty) ?? true {
                    warning("'${env.\(name)}' may be empty, which passes an empty argument; give it a default: ${env.\(name):-value}", at: location)
                }
            default: break
            }
        }
        return runbook
    }

    /// Checks one step: its needs, the names it uses, its values, lints and the exit-only warning.
    private mutating func validateStep(
        _ step: Step, at index: Int, in runbook: Runbook, varNames: Set<String>, stepIndex: [String: Int],
        captureMaker: [String: Int], findings: DecodeFindings, implied impliedNeeds: inout [Int: [String]]
    ) {
        for (need, location) in findings.needsByStep[step.id] ?? [] {
            guard let needIndex = stepIndex[need] else {
                var message = "needs '\(need)', but no step has that id"
                if let suggestion = KeyChecker.nearest(to: need, in: Array(stepIndex.keys).sorted()) { message += "; did you mean '\(suggestion)'?" }
                error(message, at: location)
                continue
            }
            if needIndex >= index { error("needs '\(need)', which is not an earlier step; steps run in file order", at: location) }
        }
        var implied: [String] = []
        func check(_ template: Template?, _ scope: ReferenceScope) {
            guard let template else { return }
            for reference in template.variableReferences {
                if varNames.contains(reference.name) || TemplateParser.builtins.contains(reference.name) { continue }
                guard let maker = captureMaker[reference.name] else {
                    var message = "'${\(reference.name)}' is not declared; add it to `vars:` or capture it in an earlier step"
                    let known = Array(varNames) + Array(TemplateParser.builtins) + Array(captureMaker.keys)
                    if let suggestion = KeyChecker.nearest(to: reference.name, in: known.sorted()) { message += "; did you mean '${\(suggestion)}'?" }
                    error(message, at: reference.location)
                    continue
                }
                let allowed = maker < index || (maker == index && scope == .afterStep)
                if !allowed {
                    let when = maker == index ? "by this step, after it runs" : "by step '\(runbook.steps[maker].id)', which comes later"
                    error("capture '\(reference.name)' is used before it is made: it is captured \(when)", at: reference.location)
                } else if maker < index {
                    implied.append(runbook.steps[maker].id)
                }
            }
        }
        [step.title, step.say, step.cwd, step.stdin].forEach { check($0, .beforeStep) }
        check(step.hint, .afterStep)
        step.command.templates.forEach { check($0, .beforeStep) }
        step.env.forEach { check($0.value, .beforeStep) }
        step.when.forEach { if case .value(let template) = $0.subject { check(template, .beforeStep) } }
        step.expect.streams.forEach { $0.matcher.templates.forEach { check($0, .beforeStep) } }
        step.captures.forEach { check($0.regex, .beforeStep) }
        for value in step.expect.values {
            check(value.operand, .afterStep)
            if let maker = captureMaker[value.name] {
                if maker > index { error("value '\(value.name)' is captured by step '\(runbook.steps[maker].id)', which comes later", at: value.location) }
            } else {
                error("value '\(value.name)' is not captured by this step or an earlier one; add a `capture:` or a (?<\(value.name)>…) group", at: value.location)
            }
        }
        for probe in step.verify { checkProbe(probe, check: { check($0, .afterStep) }) }

        if !implied.isEmpty { impliedNeeds[index] = implied }
        lint(step.command, LintContext(tty: step.tty, isStep: true, remoteEngines: remoteEngines))
        step.verify.forEach { lint($0.command, LintContext(tty: false, isStep: false, remoteEngines: remoteEngines)) }

        if step.expect.checksExitZeroOnly && step.verify.isEmpty && step.captures.isEmpty {
            warning("step '\(step.id)' checks only that its command exits 0; add an `expect` matcher or a `verify` probe", at: step.location)
        }
    }

    /// True when a default can produce empty text: it is empty, or only env references without a non-empty default.
    private static func mayBeEmpty(_ template: Template) -> Bool {
        template.parts.allSatisfy { part in
            switch part {
            case .literal(let text): text.isEmpty
            case .variable: false
            case .environment(_, let fallback, _): fallback.map(mayBeEmpty) ?? true
            }
        }
    }

    private func checkProbe(_ probe: Probe, check: (Template?) -> Void) {
        probe.command.templates.forEach(check)
        check(probe.cwd)
        check(probe.stdin)
        probe.env.forEach { check($0.value) }
        probe.expect.streams.forEach { $0.matcher.templates.forEach(check) }
        probe.expect.values.forEach { check($0.operand) }
    }

    private mutating func lint(_ command: Command, _ context: LintContext) {
        guard let kind = registry.kind(command.key) else { return }
        diagnostics += kind.lint(command, context: context)
    }

    private mutating func compileCheck(_ template: Template, at location: SourceLocation) {
        let pattern = RegexSupport.placeholderPattern(template)
        if let known = compiledPatterns[pattern] {
            if !known { error("regex '\(template.raw)' does not compile", at: location) }
            return
        }
        switch RegexSupport.compile(pattern) {
        case .success:
            compiledPatterns[pattern] = true
        case .failure(let failure):
            compiledPatterns[pattern] = false
            error("regex '\(template.raw)' does not compile: \(failure.reason)", at: location)
        }
    }

    private mutating func reportDefaultCycles(_ vars: [VariableDeclaration]) {
        let edges = Dictionary(vars.map { ($0.name, ($0.defaultValue?.variableReferences ?? []).map(\.name)) }, uniquingKeysWith: { first, _ in first })
        let locations = Dictionary(vars.map { ($0.name, $0.location) }, uniquingKeysWith: { first, _ in first })
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var reported = Set<String>()
        func visit(_ name: String, _ path: [String]) {
            if state[name] == 2 { return }
            if state[name] == 1 {
                let cycle = Array(path.drop(while: { $0 != name })) + [name]
                if let first = cycle.first, !reported.contains(first), let location = locations[first] {
                    reported.formUnion(cycle)
                    diagnostics.append(.error("vars refer to each other in a cycle: " + cycle.joined(separator: " -> "), at: location))
                }
                return
            }
            state[name] = 1
            for next in edges[name] ?? [] where edges[next] != nil { visit(next, path + [name]) }
            state[name] = 2
        }
        for declaration in vars { visit(declaration.name, []) }
    }

    private mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
    }

    private mutating func warning(_ message: String, at location: SourceLocation) {
        diagnostics.append(.warning(message, at: location))
    }
}
