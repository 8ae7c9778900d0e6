import Foundation

/// The validator's checks of regexes, ports and var cycles, and its warnings.
extension RunbookValidator {
    /// Regexes compile; capture regexes have a group.
    mutating func checkRegexes(_ findings: DecodeFindings) {
        for (template, location) in findings.regexes { compileCheck(template, at: location) }
        for (name, template, location) in findings.captureGroupChecks {
            guard case .success(let regex) = RegexSupport.compile(RegexSupport.placeholderPattern(template)) else { continue }
            if regex.numberOfCaptureGroups == 0 {
                error("capture '\(name)': the regex has no group; wrap the part to capture in ( )", at: location)
            }
        }
    }

    /// `${port}` alone names no port.
    mutating func checkPortReferences(_ runbook: Runbook) {
        for reference in Self.allTemplates(of: runbook).flatMap(\.variableReferences) where reference.name == "port" {
            error("'${port}' needs a name: ${port.NAME}, e.g. ${port.web}", at: reference.location)
        }
    }

    /// Every template of the runbook: steps, probes and cleanup items.
    static func allTemplates(of runbook: Runbook) -> [Template] {
        var templates: [Template] = []
        func add(_ template: Template?) { if let template { templates.append(template) } }
        for step in runbook.steps {
            [step.title, step.say, step.cwd, step.stdin].forEach(add)
            templates += step.hints + step.expect.whyTemplates
            templates += step.command.templates + step.env.map(\.value) + step.expect.streams.flatMap(\.matcher.templates)
            for probe in step.verify {
                templates += probe.command.templates + probe.env.map(\.value) + probe.expect.streams.flatMap(\.matcher.templates)
                templates += probe.expect.whyTemplates
                [probe.cwd, probe.stdin, probe.why].forEach(add)
            }
        }
        for item in runbook.cleanup { templates += item.command.templates + item.env.map(\.value) }
        return templates
    }

    /// A `capture:` entry that no later step, probe, cleanup item or text uses (SPEC 6.8).
    mutating func warnAboutUnusedCaptures(_ runbook: Runbook, _ captures: CaptureMakers) {
        for (index, step) in runbook.steps.enumerated() {
            for capture in step.captures where !capture.fromMatcher && !captures.isUsed(capture.name, madeAt: index) {
                warning(
                    "capture '\(capture.name)' is not used by any later step, probe, cleanup item or text; remove it or use ${\(capture.name)}",
                    at: capture.location)
            }
        }
    }

    /// An unquoted word that is one reference whose value may be empty.
    mutating func warnAboutEmptyWords(_ runbook: Runbook, findings: DecodeFindings, captures: CaptureMakers) {
        let declarations = Dictionary(runbook.vars.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for template in findings.unquotedWholeWords {
            switch template.parts.first {
            case .variable(let name, let location):
                let maybeEmpty: Bool
                if let declaration = declarations[name] {
                    maybeEmpty = declaration.defaultValue.map(Self.mayBeEmpty) ?? !declaration.required
                } else {
                    maybeEmpty = captures.isCapture(name)
                }
                if maybeEmpty {
                    warning(
                        "'${\(name)}' may be empty, which passes an empty argument; quote it and be sure it has a value, or give it a default",
                        at: location)
                }
            case .environment(let name, let fallback, let location):
                if fallback.map(Self.mayBeEmpty) ?? true {
                    warning(
                        "'${env.\(name)}' may be empty, which passes an empty argument; give it a default: ${env.\(name):-value}",
                        at: location)
                }
            default: break
            }
        }
    }

    /// True when a default can produce empty text: it is empty, or only env references without a non-empty default.
    static func mayBeEmpty(_ template: Template) -> Bool {
        template.parts.allSatisfy { part in
            switch part {
            case .literal(let text): text.isEmpty
            case .variable: false
            case .environment(_, let fallback, _): fallback.map(mayBeEmpty) ?? true
            }
        }
    }

    /// Compiles a regex (once per distinct pattern), with placeholders for its `${…}`.
    mutating func compileCheck(_ template: Template, at location: SourceLocation) {
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

    /// Vars whose defaults refer to each other in a cycle.
    mutating func reportDefaultCycles(_ vars: [VariableDeclaration]) {
        let edges = Dictionary(
            vars.map { ($0.name, ($0.defaultValue?.variableReferences ?? []).map(\.name)) }, uniquingKeysWith: { first, _ in first })
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
}
