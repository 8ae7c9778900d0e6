import Foundation

/// Turns a runbook's node tree into the model, collecting every problem instead of stopping at the first.
struct RunbookDecoder {
    var reader = NodeReader()
    let path: String
    let directory: String

    /// Decodes the root; returns nil when the file is too broken to yield steps at all.
    mutating func decode(_ root: Node?, sha256: String) -> Runbook? {
        guard let root else {
            reader.error("the file holds no YAML document; a runbook needs at least `runbook: 1` and `steps:`", at: SourceLocation(file: path, line: 1, column: 1))
            return nil
        }
        guard let pairs = reader.mapping(root, "the runbook", keys: RunbookKeys.topLevel) else { return nil }
        var version: Int?
        var title: String?
        var description: String?
        var module = directory
        var vars: [VariableDeclaration] = []
        var secrets: [String] = []
        var defaults = StepDefaults()
        var steps: [Step] = []
        var cleanup: [Probe] = []
        var sawSteps = false
        for pair in pairs {
            let value = pair.value
            switch pair.key.scalarValue {
            case "runbook":
                if value.scalarValue == "1" { version = 1 } else {
                    reader.error("unsupported runbook format '\(value.scalarValue ?? value.kindDescription)'; only `runbook: 1` exists", at: value.location)
                    version = 0
                }
            case "title": title = reader.text(value, "title")
            case "description": description = reader.text(value, "description")
            case "module":
                if let text = reader.text(value, "module") {
                    module = text.hasPrefix("/") ? text : URL(fileURLWithPath: directory).appendingPathComponent(text).standardizedFileURL.path
                }
            case "vars": vars = decodeVars(value)
            case "secrets":
                for item in reader.list(value, "secrets") ?? [] {
                    guard let name = reader.text(item, "a secret's name") else { continue }
                    if TemplateParser.isVariableName(name) { secrets.append(name) } else {
                        reader.error("'\(name)' is not a var or environment variable name", at: item.location)
                    }
                }
            case "defaults": defaults = decodeDefaults(value)
            case "steps":
                sawSteps = true
                guard let items = reader.list(value, "steps") else { continue }
                if items.isEmpty { reader.error("steps must not be empty", at: value.location) }
                steps = []
                steps.reserveCapacity(items.count)
                for item in items { if let step = decodeStep(item) { steps.append(step) } }
            case "cleanup":
                cleanup = (reader.list(value, "cleanup") ?? []).compactMap { decodeProbe($0, what: "cleanup item", keys: RunbookKeys.cleanup) }
            default: break
            }
        }
        if version == nil { reader.error("missing `runbook: 1` (the format version)", at: root.location) }
        if !sawSteps { reader.error("missing `steps:`; a runbook needs at least one step", at: root.location) }
        return Runbook(
            path: path, directory: directory, sha256: sha256, version: version ?? 1, title: title, description: description, module: module,
            vars: vars, secrets: secrets, defaults: defaults, steps: steps, cleanup: cleanup)
    }

    // MARK: vars and defaults

    private mutating func decodeVars(_ node: Node) -> [VariableDeclaration] {
        guard let pairs = node.mappingPairs else {
            reader.error("vars must be a map of names to defaults, found \(node.kindDescription)", at: node.location)
            return []
        }
        var result: [VariableDeclaration] = []
        for pair in pairs {
            guard let name = pair.key.scalarValue else {
                reader.error("a var's name must be text", at: pair.key.location)
                continue
            }
            guard TemplateParser.isVariableName(name) else {
                reader.error("'\(name)' is not a valid var name; use [A-Za-z_][A-Za-z0-9_]*", at: pair.key.location)
                continue
            }
            if TemplateParser.builtins.contains(name) || name == "env" {
                reader.error("'\(name)' is a built-in name and cannot be declared as a var", at: pair.key.location)
                continue
            }
            let valueNode = pair.value
            if let varPairs = valueNode.mappingPairs {
                diagnosticsForKeys(varPairs, "var '\(name)'", RunbookKeys.variable)
                var required = false
                var description: String?
                var fallback: Template?
                for varPair in varPairs {
                    switch varPair.key.scalarValue {
                    case "required": required = reader.bool(varPair.value, "required") ?? false
                    case "description": description = reader.text(varPair.value, "description")
                    case "default": fallback = value(ofDefault: varPair.value)
                    default: break
                    }
                }
                result.append(VariableDeclaration(name: name, defaultValue: fallback, required: required, description: description, location: pair.key.location))
            } else if valueNode.sequenceItems != nil {
                reader.error("var '\(name)' must be text or a map with required/description/default, found a list", at: valueNode.location)
            } else {
                result.append(VariableDeclaration(name: name, defaultValue: value(ofDefault: valueNode), location: pair.key.location))
            }
        }
        return result
    }

    /// A var's default: any scalar; an empty plain value means "no default".
    private mutating func value(ofDefault node: Node) -> Template? {
        guard let text = node.scalarValue else {
            reader.error("a var's default must be text, found \(node.kindDescription)", at: node.location)
            return nil
        }
        if node.isNull && node.scalarStyle == .plain && (text.isEmpty || text == "~") { return nil }
        return reader.template(text, of: node)
    }

    private mutating func diagnosticsForKeys(_ pairs: [Node.Pair], _ what: String, _ keys: [String]) {
        reader.diagnostics += KeyChecker(allowed: keys, what: what).check(pairs)
    }

    private mutating func decodeDefaults(_ node: Node) -> StepDefaults {
        var defaults = StepDefaults()
        for pair in reader.mapping(node, "defaults", keys: RunbookKeys.defaults) ?? [] {
            switch pair.key.scalarValue {
            case "timeout": defaults.timeout = reader.duration(pair.value, "timeout")
            case "retry": defaults.retry = decodeRetry(pair.value)
            case "env": defaults.env = decodeEnvironment(pair.value)
            case "cwd": defaults.cwd = reader.template(pair.value, "cwd")
            default: break
            }
        }
        return defaults
    }

    private mutating func decodeRetry(_ node: Node) -> Retry? {
        guard let pairs = reader.mapping(node, "retry", keys: RunbookKeys.retry) else { return nil }
        var retry = Retry(attempts: 1)
        var sawAttempts = false
        for pair in pairs {
            switch pair.key.scalarValue {
            case "attempts":
                sawAttempts = true
                retry.attempts = reader.integer(pair.value, "attempts", in: 1...1000) ?? 1
            case "delay": retry.delay = reader.duration(pair.value, "delay") ?? .zero
            default: break
            }
        }
        if !sawAttempts { reader.error("retry needs `attempts` (the total number of runs)", at: node.location) }
        return retry
    }

    private mutating func decodeEnvironment(_ node: Node) -> [EnvironmentEntry] {
        guard let pairs = node.mappingPairs else {
            reader.error("env must be a map of names to values, found \(node.kindDescription)", at: node.location)
            return []
        }
        var entries: [EnvironmentEntry] = []
        for pair in pairs {
            guard let name = pair.key.scalarValue, TemplateParser.isEnvironmentName(name) else {
                reader.error("'\(pair.key.scalarValue ?? "?")' is not a valid environment variable name", at: pair.key.location)
                continue
            }
            if let value = reader.template(pair.value, "env \(name)") { entries.append(EnvironmentEntry(name: name, value: value)) }
        }
        return entries
    }

    // MARK: steps

    private mutating func decodeStep(_ node: Node) -> Step? {
        guard let pairs = reader.mapping(node, "step", keys: RunbookKeys.step) else { return nil }
        var id: String?
        var step = Step(id: "", command: Command(key: .sh, words: [], script: "", location: node.location), location: node.location)
        var command: Command?
        var firstCommandKey: String?
        var expectNode: Node?
        var captureNode: Node?
        for pair in pairs {
            let value = pair.value
            guard let key = pair.key.scalarValue else { continue }
            if let commandKey = CommandKey(rawValue: key) {
                if let first = firstCommandKey {
                    reader.error("a step runs one command; it already has `\(first):`", at: pair.key.location)
                } else {
                    firstCommandKey = key
                    command = decodeCommand(commandKey, value, at: pair.key.location)
                }
                continue
            }
            switch key {
            case "id":
                guard let text = reader.text(value, "id") else { break }
                if !Self.isValidIdentifier(text) {
                    reader.error("step id '\(text)' must match [a-z0-9][a-z0-9_-]*", at: value.location)
                }
                if let first = idLines[text] {
                    reader.error("duplicate step id '\(text)' (first used on line \(first))", at: value.location)
                } else {
                    idLines[text] = value.location.line
                }
                id = text
            case "title": step.title = reader.template(value, "title")
            case "say": step.say = reader.template(value, "say")
            case "hint": step.hint = reader.template(value, "hint")
            case "cwd": step.cwd = reader.template(value, "cwd")
            case "env": step.env = decodeEnvironment(value)
            case "stdin": step.stdin = reader.template(value, "stdin")
            case "tty": step.tty = reader.bool(value, "tty") ?? false
            case "timeout": step.timeout = reader.duration(value, "timeout")
            case "retry": step.retry = decodeRetry(value)
            case "finish_on_match": step.finishOnMatch = reader.bool(value, "finish_on_match") ?? false
            case "needs":
                for item in reader.oneOrMany(value, "needs") {
                    guard let need = reader.text(item, "a need") else { continue }
                    step.needs.append(need)
                    needLocations.append((need, item.location))
                }
            case "when":
                for item in reader.oneOrMany(value, "when") { if let condition = decodeCondition(item) { step.when.append(condition) } }
            case "expect": expectNode = value
            case "capture": captureNode = value
            case "verify":
                step.verify = (reader.list(value, "verify") ?? []).compactMap { decodeProbe($0, what: "verify probe", keys: RunbookKeys.probe) }
            case "verify_before":
                if let text = reader.text(value, "verify_before") {
                    if let mode = VerifyBefore(rawValue: text) { step.verifyBefore = mode } else {
                        reader.error("verify_before must be 'fail' or 'pass', found '\(text)'", at: value.location)
                    }
                }
            default: break
            }
        }
        if let expectNode { step.expect = decodeExpectation(expectNode) }
        if let captureNode { step.captures = decodeCaptures(captureNode) }
        step.captures += namedGroupCaptures(of: step.expect)
        guard let id else {
            reader.error("a step needs an `id`", at: node.location)
            return nil
        }
        step.id = id
        for (need, location) in needLocations.suffix(step.needs.count) { needsByStep[id, default: []].append((need, location)) }
        guard let command else {
            if firstCommandKey == nil {
                reader.error("step '\(id)' has no command; give it one of: docker, nvidia-docker, exec, sh", at: node.location)
            }
            return nil
        }
        step.command = command
        if step.finishOnMatch {
            if !step.expect.streams.contains(where: { $0.matcher.isPositive }) {
                reader.error("finish_on_match needs at least one contains, matches, lines or count with min in `expect`", at: node.location)
            }
            if let equals = step.expect.streams.first(where: { if case .equals = $0.matcher { true } else { false } }) {
                reader.error("finish_on_match cannot be combined with `equals`, which needs the whole output", at: equals.location)
            }
        }
        return step
    }

    static func isValidIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCII, ("a"..."z").contains(first) || ("0"..."9").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && (("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }
    }

    private mutating func decodeProbe(_ node: Node, what: String, keys: [String]) -> Probe? {
        guard let pairs = reader.mapping(node, what, keys: keys) else { return nil }
        var probe = Probe(command: Command(key: .sh, words: [], script: "", location: node.location), location: node.location)
        var command: Command?
        var firstCommandKey: String?
        for pair in pairs {
            guard let key = pair.key.scalarValue else { continue }
            if let commandKey = CommandKey(rawValue: key) {
                if let first = firstCommandKey {
                    reader.error("a \(what) runs one command; it already has `\(first):`", at: pair.key.location)
                } else {
                    firstCommandKey = key
                    command = decodeCommand(commandKey, pair.value, at: pair.key.location)
                }
                continue
            }
            switch key {
            case "expect": probe.expect = decodeExpectation(pair.value)
            case "cwd": probe.cwd = reader.template(pair.value, "cwd")
            case "env": probe.env = decodeEnvironment(pair.value)
            case "stdin": probe.stdin = reader.template(pair.value, "stdin")
            case "timeout": probe.timeout = reader.duration(pair.value, "timeout")
            default: break
            }
        }
        guard let command else {
            if firstCommandKey == nil { reader.error("a \(what) needs one command: docker, nvidia-docker, exec or sh", at: node.location) }
            return nil
        }
        probe.command = command
        return probe
    }

    // MARK: commands

    private mutating func decodeCommand(_ key: CommandKey, _ node: Node, at location: SourceLocation) -> Command? {
        switch key {
        case .sh:
            guard let script = reader.text(node, "sh") else { return nil }
            return Command(key: .sh, words: [], script: script, location: location)
        case .exec:
            guard let items = node.sequenceItems else {
                reader.error("exec takes a list [PROGRAM, ARG…]; for a command line use `sh:`", at: node.location)
                return nil
            }
            if items.isEmpty { reader.error("exec needs at least the program to run", at: node.location) }
            let words = items.compactMap { reader.template($0, "an exec argument") }
            return words.count == items.count ? Command(key: .exec, words: words, location: location) : nil
        case .docker, .nvidiaDocker:
            if let items = node.sequenceItems {
                let words = items.compactMap { reader.template($0, "a \(key.rawValue) argument") }
                if items.isEmpty { reader.error("\(key.rawValue) needs arguments, e.g. `\(key.rawValue): ps`", at: node.location) }
                return words.count == items.count ? Command(key: key, words: words, location: location) : nil
            }
            guard let text = reader.text(node, key.rawValue) else { return nil }
            let locator = ScalarLocator(node)
            switch ShellWordSplitter.split(text) {
            case .failure(let problem):
                reader.error(problem.message, at: locator.location(ofOffset: problem.offset))
                return nil
            case .success(let split):
                if split.isEmpty {
                    reader.error("\(key.rawValue) needs arguments, e.g. `\(key.rawValue): ps`", at: node.location)
                    return nil
                }
                let words = split.map { word in templateForWord(word, node: node, locator: locator) }
                return Command(key: key, words: words, splitFromString: true, location: location)
            }
        }
    }

    /// Parses `${…}` inside one split word, pointing each reference at its place in the original scalar;
    /// warns about a whole unquoted reference that may leave an empty argument.
    private mutating func templateForWord(_ word: ShellWord, node: Node, locator: ScalarLocator) -> Template {
        var found: [Diagnostic] = []
        let offsets = word.offsets
        let wordStart = locator.location(ofOffset: offsets.first ?? 0)
        let template = reader.templates.parse(word.text, at: wordStart, locate: { offset in
            locator.location(ofOffset: offset < offsets.count ? offsets[offset] : (offsets.last ?? 0))
        }) { found.append($0) }
        reader.diagnostics += found
        if template.parts.count == 1, !word.quoted.contains(true) {
            unquotedWholeWords.append(template)
        }
        return template
    }

    /// Lines where each step id was first used.
    var idLines: [String: Int] = [:]
    /// Every `needs` entry seen, in order, with its position.
    var needLocations: [(String, SourceLocation)] = []
    /// The `needs` entries of each step id, with positions.
    var needsByStep: [String: [(String, SourceLocation)]] = [:]

    /// Words that are exactly one unquoted reference; checked once vars are known.
    var unquotedWholeWords: [Template] = []

    // MARK: expectations

    private mutating func decodeExpectation(_ node: Node) -> Expectation {
        var expectation = Expectation()
        for pair in reader.mapping(node, "expect", keys: RunbookKeys.expect) ?? [] {
            switch pair.key.scalarValue {
            case "exit":
                expectation.exitWritten = true
                expectation.exit = decodeExit(pair.value)
            case "stdout", "stderr", "output":
                let stream = StreamSelector(rawValue: pair.key.scalarValue!)!
                let items = pair.value.sequenceItems ?? [pair.value]
                for item in items {
                    if let matcher = decodeMatcher(item) {
                        expectation.streams.append(StreamExpectation(stream: stream, matcher: matcher.0, location: matcher.1))
                    }
                }
            case "values":
                guard let valuePairs = pair.value.mappingPairs else {
                    reader.error("values must be a map of capture names to checks such as \">= 0.8\"", at: pair.value.location)
                    continue
                }
                for valuePair in valuePairs {
                    if let check = decodeValueCheck(valuePair) { expectation.values.append(check) }
                }
            default: break
            }
        }
        return expectation
    }

    private mutating func decodeExit(_ node: Node) -> ExitExpectation {
        if let items = node.sequenceItems {
            let codes = items.compactMap { reader.integer($0, "an exit code", in: 0...255) }.map(Int32.init)
            if items.isEmpty { reader.error("the list of exit codes is empty", at: node.location) }
            return .codes(codes)
        }
        switch node.scalarValue {
        case "any": return .any
        case "nonzero": return .nonzero
        default:
            guard let text = node.scalarValue, let code = Int32(text), (0...255).contains(code) else {
                reader.error("exit must be a code 0…255, a list of codes, `any` or `nonzero`, found \(node.scalarValue.map { "'\($0)'" } ?? node.kindDescription)", at: node.location)
                return .codes([0])
            }
            return .codes([code])
        }
    }

    private mutating func decodeMatcher(_ node: Node) -> (Matcher, SourceLocation)? {
        guard let pairs = node.mappingPairs else {
            reader.error("a matcher must be a map such as `{ contains: text }`, found \(node.kindDescription)", at: node.location)
            return nil
        }
        reader.diagnostics += KeyChecker(allowed: RunbookKeys.matcher, what: "matcher").check(pairs)
        guard let pair = pairs.first(where: { RunbookKeys.matcher.contains($0.key.scalarValue ?? "") }) else {
            if pairs.isEmpty { reader.error("empty matcher; use one of: " + RunbookKeys.matcher.joined(separator: ", "), at: node.location) }
            return nil
        }
        for extra in pairs.dropFirst() where RunbookKeys.matcher.contains(extra.key.scalarValue ?? "") && extra.key.location != pair.key.location {
            reader.error("one matcher per map; start a new list item (`- \(extra.key.scalarValue!): …`)", at: extra.key.location)
        }
        let value = pair.value
        let location = pair.key.location
        switch pair.key.scalarValue {
        case "contains", "not_contains":
            guard let template = reader.template(value, pair.key.scalarValue!) else { return nil }
            if template.raw.contains("\n") { reader.error("`\(pair.key.scalarValue!)` matches within one line; the text must not contain a newline", at: value.location) }
            return (pair.key.scalarValue == "contains" ? .contains(template) : .notContains(template), location)
        case "matches": return reader.template(value, "matches").map { (.matches(regex($0, value)), location) }
        case "not_matches": return reader.template(value, "not_matches").map { (.notMatches(regex($0, value)), location) }
        case "equals": return reader.template(value, "equals").map { (.equals($0), location) }
        case "lines":
            guard let items = reader.list(value, "lines") else { return nil }
            if items.isEmpty { reader.error("lines needs at least one regex", at: value.location) }
            let regexes = items.compactMap { item in reader.template(item, "a lines regex").map { regex($0, item) } }
            return (.lines(regexes), location)
        case "count":
            guard let countPairs = reader.mapping(value, "count", keys: RunbookKeys.count) else { return nil }
            var pattern: Template?
            var minimum: Int?
            var maximum: Int?
            for countPair in countPairs {
                switch countPair.key.scalarValue {
                case "matches": pattern = reader.template(countPair.value, "matches").map { regex($0, countPair.value) }
                case "min": minimum = reader.integer(countPair.value, "min", in: 0...Int.max)
                case "max": maximum = reader.integer(countPair.value, "max", in: 0...Int.max)
                default: break
                }
            }
            guard let pattern else {
                reader.error("count needs `matches: REGEX`", at: value.location)
                return nil
            }
            if minimum == nil && maximum == nil { reader.error("count needs `min`, `max` or both", at: value.location) }
            if let minimum, let maximum, minimum > maximum { reader.error("count's min (\(minimum)) is above its max (\(maximum))", at: value.location) }
            return (.count(pattern, min: minimum, max: maximum), location)
        default: return nil
        }
    }

    /// Records a regex for compilation checks; returns it unchanged.
    private mutating func regex(_ template: Template, _ node: Node) -> Template {
        regexes.append((template, node.location))
        return template
    }

    /// Every regex seen, with its position, for the compile check.
    var regexes: [(Template, SourceLocation)] = []

    private mutating func decodeValueCheck(_ pair: Node.Pair) -> ValueCheck? {
        guard let name = pair.key.scalarValue, TemplateParser.isVariableName(name) else {
            reader.error("a value check names a capture: [A-Za-z_][A-Za-z0-9_]*", at: pair.key.location)
            return nil
        }
        guard let text = reader.text(pair.value, "value check '\(name)'") else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let comparison = ComparisonOperator.allCases.first(where: { trimmed.hasPrefix($0.rawValue) }) else {
            reader.error("value check '\(name)' must start with >=, >, <=, <, == or !=, e.g. \">= 0.8\" (quote it)", at: pair.value.location)
            return nil
        }
        let operandText = trimmed.dropFirst(comparison.rawValue.count).trimmingCharacters(in: .whitespaces)
        let scalars = Array(text.unicodeScalars)
        let operandStart = Self.skippingBlanks(scalars, from: Self.skippingBlanks(scalars, from: 0) + comparison.rawValue.unicodeScalars.count)
        let operand = reader.template(operandText, of: pair.value, offset: operandStart)
        if operand.isLiteral && Double(operandText) == nil {
            reader.error("value check '\(name)': '\(operandText)' is not a number or ${var}", at: pair.value.location)
            return nil
        }
        return ValueCheck(name: name, comparison: comparison, operand: operand, location: pair.key.location)
    }

    // MARK: captures and conditions

    private mutating func decodeCaptures(_ node: Node) -> [Capture] {
        guard let pairs = node.mappingPairs else {
            reader.error("capture must be a map of names to { from, regex }, found \(node.kindDescription)", at: node.location)
            return []
        }
        var captures: [Capture] = []
        for pair in pairs {
            guard let name = pair.key.scalarValue, TemplateParser.isVariableName(name) else {
                reader.error("'\(pair.key.scalarValue ?? "?")' is not a valid capture name; use [A-Za-z_][A-Za-z0-9_]*", at: pair.key.location)
                continue
            }
            guard let fields = reader.mapping(pair.value, "capture '\(name)'", keys: RunbookKeys.capture) else { continue }
            var stream: StreamSelector?
            var pattern: Template?
            for field in fields {
                switch field.key.scalarValue {
                case "from":
                    guard let text = reader.text(field.value, "from") else { break }
                    stream = StreamSelector(rawValue: text)
                    if stream == nil { reader.error("from must be stdout, stderr or output, found '\(text)'", at: field.value.location) }
                case "regex": pattern = reader.template(field.value, "regex").map { regex($0, field.value) }
                default: break
                }
            }
            if !fields.contains(where: { $0.key.scalarValue == "from" }) { reader.error("capture '\(name)' needs `from: stdout|stderr|output`", at: pair.value.location) }
            guard let pattern else {
                if !fields.contains(where: { $0.key.scalarValue == "regex" }) { reader.error("capture '\(name)' needs `regex:` with a group", at: pair.value.location) }
                continue
            }
            captureGroupChecks.append((name, pattern, pair.key.location))
            captures.append(Capture(name: name, stream: stream ?? .stdout, regex: pattern, location: pair.key.location))
        }
        return captures
    }

    /// Captures whose regex must have a group: name, regex, position.
    var captureGroupChecks: [(String, Template, SourceLocation)] = []

    /// Captures implied by `(?<name>…)` groups in `matches` and `lines` matchers.
    private func namedGroupCaptures(of expectation: Expectation) -> [Capture] {
        var captures: [Capture] = []
        for stream in expectation.streams {
            let patterns: [Template]
            switch stream.matcher {
            case .matches(let regex): patterns = [regex]
            case .lines(let regexes): patterns = regexes
            default: continue
            }
            for pattern in patterns {
                for name in RegexSupport.namedGroups(in: pattern.raw) {
                    captures.append(Capture(name: name, stream: stream.stream, regex: pattern, location: pattern.location, fromMatcher: true))
                }
            }
        }
        return captures
    }

    /// The index of the first scalar at or after `index` that is not a space or tab.
    private static func skippingBlanks(_ scalars: [Unicode.Scalar], from index: Int) -> Int {
        var index = index
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" { index += 1 }
        return index
    }

    private mutating func decodeCondition(_ node: Node) -> Condition? {
        guard let text = reader.text(node, "a condition") else { return nil }
        let scalars = Array(text.unicodeScalars)
        var start = Self.skippingBlanks(scalars, from: 0)
        let negated = start < scalars.count && scalars[start] == "!"
        if negated { start = Self.skippingBlanks(scalars, from: start + 1) }
        let body = String(String.UnicodeScalarView(scalars[start...])).trimmingCharacters(in: .whitespaces)
        if let capability = Capability(rawValue: body) {
            return Condition(subject: .capability(capability), negated: negated, raw: text, location: node.location)
        }
        let template = reader.template(body, of: node, offset: start)
        if template.isLiteral {
            var message = "unknown condition '\(text)'; use gpu, tty, ${var}, or one of them negated with '!'"
            if let suggestion = KeyChecker.nearest(to: body, in: Capability.allCases.map(\.rawValue)) { message += "; did you mean '\(negated ? "!" : "")\(suggestion)'?" }
            reader.error(message, at: node.location)
            return nil
        }
        return Condition(subject: .value(template), negated: negated, raw: text, location: node.location)
    }
}
