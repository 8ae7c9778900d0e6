import Foundation

/// Cross-reference checks that need the whole runbook (SPEC 1.5): needs, `${…}` names, captures,
/// regexes, command lints and warnings. Also adds the needs that captures imply.
struct RunbookValidator {
    /// The kinds, whose lints run on their commands.
    let registry: KindRegistry
    /// Whether a roster learner uses a remote engine (some lints warn then).
    let remoteEngines: Bool
    /// How the learners reach their environments (`LintContext.transports`).
    var transports: Set<String> = []
    /// Problems found.
    var diagnostics: [Diagnostic] = []
    /// Patterns compiled so far, and whether each compiled.
    var compiledPatterns: [String: Bool] = [:]

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

        // Captures: not clashing with vars or built-ins; which steps make each (several may).
        var captures = CaptureMakers()
        for (index, step) in runbook.steps.enumerated() {
            for capture in step.captures {
                if varNames.contains(capture.name) {
                    error("capture '\(capture.name)' has the name of a var; rename one of them", at: capture.location)
                } else if TemplateParser.builtins.contains(capture.name) || capture.name == "env" {
                    error("'\(capture.name)' is a built-in name and cannot be a capture", at: capture.location)
                } else {
                    captures.add(capture.name, at: index)
                }
            }
        }

        // Vars: defaults may use other vars and built-ins, never captures; no cycles among defaults.
        for declaration in runbook.vars {
            for reference in declaration.defaultValue?.variableReferences ?? []
            where !varNames.contains(reference.name) && !Self.isBuiltin(reference.name) {
                let detail =
                    captures.isCapture(reference.name) ? "is a capture, which a var's default cannot use" : "is not declared in `vars:`"
                error("'${\(reference.name)}' \(detail)", at: reference.location)
            }
        }
        reportDefaultCycles(runbook.vars)

        // Steps (by index: iterating the array itself would copy every step).
        var impliedNeeds: [Int: [String]] = [:]
        for index in runbook.steps.indices {
            validateStep(
                runbook.steps[index], at: index, in: runbook, varNames: varNames, stepIndex: stepIndex, captures: &captures,
                findings: findings, implied: &impliedNeeds)
        }
        for (index, needs) in impliedNeeds {
            for needed in needs where !runbook.steps[index].needs.contains(needed) { runbook.steps[index].needs.append(needed) }
        }
        for item in runbook.cleanup {
            checkProbe(item) { template in
                for reference in template?.variableReferences ?? []
                where !varNames.contains(reference.name) && !Self.isBuiltin(reference.name) {
                    if captures.isCapture(reference.name) {
                        captures.use(reference.name, at: Int.max, afterStep: true)
                    } else {
                        error("'${\(reference.name)}' is not declared; add it to `vars:` or capture it in a step", at: reference.location)
                    }
                }
            }
            checkKindChecks(item.expect, of: item.command)
            lint(item.command, lintContext(tty: false, isStep: false))
        }
        for template in runbook.defaults.env.map(\.value) + (runbook.defaults.cwd.map { [$0] } ?? []) {
            for reference in template.variableReferences where !varNames.contains(reference.name) && !Self.isBuiltin(reference.name) {
                error("'${\(reference.name)}' is not declared in `vars:` (defaults cannot use captures)", at: reference.location)
            }
        }
        checkPortReferences(runbook)
        checkStopTargets(runbook, findings: findings)
        checkRegexes(findings)
        warnAboutUnusedCaptures(runbook, captures)
        warnAboutEmptyWords(runbook, findings: findings, captures: captures)
        return runbook
    }

    /// Whether `name` is a built-in (`${port.NAME}` included).
    static func isBuiltin(_ name: String) -> Bool {
        TemplateParser.builtins.contains(name) || TemplateParser.portName(of: name) != nil
    }

    /// Records an error.
    mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
    }

    /// Records a warning.
    mutating func warning(_ message: String, at location: SourceLocation) {
        diagnostics.append(.warning(message, at: location))
    }

    /// The context of a command's lint.
    func lintContext(tty: Bool, isStep: Bool) -> LintContext {
        var context = LintContext(tty: tty, isStep: isStep, remoteEngines: remoteEngines)
        context.transports = transports
        return context
    }
}
