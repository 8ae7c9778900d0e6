import Foundation

/// Steps and probes, and the command of each through its kind.
extension RunbookDecoder {
    /// One step: its keys, its one command (through its kind), expectations, captures and probes.
    mutating func decodeStep(_ node: Node) -> Step? {
        guard let pairs = reader.mapping(node, "step", keys: keys.step) else { return nil }
        var id: String?
        var step = Step(id: "", command: Command(key: "", location: node.location), location: node.location)
        var command: Command?
        var firstCommandKey: String?
        var expectNode: Node?
        var captureNode: Node?
        var hintKey: Node?
        var otherKeys: [Node] = []
        var stopLocation: SourceLocation?
        for pair in pairs {
            let value = pair.value
            guard let key = pair.key.scalarValue else { continue }
            if key != "stop" && !RunbookKeys.stopStep.contains(key) { otherKeys.append(pair.key) }
            if let kind = registry.kind(key) {
                if let first = firstCommandKey {
                    reader.error("a step runs one command; it already has `\(first):`", at: pair.key.location)
                } else {
                    firstCommandKey = key
                    command = decodeCommand(kind, value, at: pair.key.location)
                }
                continue
            }
            switch key {
            case "id":
                guard let text = reader.text(value, "id") else { break }
                if !Self.isValidIdentifier(text) {
                    reader.error("step id '\(text)' must match [a-z0-9][a-z0-9_-]*", at: value.location)
                }
                if let first = reader.findings.idLines[text] {
                    reader.error("duplicate step id '\(text)' (first used on line \(first))", at: value.location)
                } else {
                    reader.findings.idLines[text] = value.location.line
                }
                id = text
            case "title": step.title = reader.template(value, "title")
            case "say": step.say = reader.template(value, "say")
            case "hint", "hints": decodeHints(pair, into: &step, seen: &hintKey)
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
                if value.scalarValue == "self" {
                    step.verifySelf = true
                } else if value.sequenceItems == nil, value.scalarValue != nil {
                    reader.error("verify must be a list of probes, or `self` (the step's own command is the check)", at: value.location)
                } else {
                    step.verify = (reader.list(value, "verify") ?? []).compactMap {
                        decodeProbe($0, what: "verify probe", keys: keys.probe)
                    }
                }
            case "background": step.background = reader.bool(value, "background") ?? false
            case "environment": step.environment = reader.bool(value, "environment") ?? false
            case "stop_grace": step.stopGrace = reader.duration(value, "stop_grace")
            case "stop":
                guard let target = reader.text(value, "stop") else { break }
                step.stop = target
                stopLocation = value.location
            case "verify_before":
                if let text = reader.text(value, "verify_before") {
                    if let mode = VerifyBefore(rawValue: text) {
                        step.verifyBefore = mode
                    } else {
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
        if let target = step.stop, let stopLocation {
            // `stop: ID` is the step's whole command: it needs ID, which must be an earlier background step.
            for key in otherKeys { reader.error("a `stop:` step has only id, title and say besides `stop`", at: key.location) }
            step.needs = [target]
            needLocations.append((target, stopLocation))
            command = command ?? Command(key: "stop", words: [Template(literal: target, location: stopLocation)], location: stopLocation)
            reader.findings.stopTargets.append((target, stopLocation))
        }
        for (need, location) in needLocations.suffix(step.needs.count) {
            reader.findings.needsByStep[id, default: []].append((need, location))
        }
        guard let command else {
            if firstCommandKey == nil {
                reader.error("step '\(id)' has no command; give it one of: \(registry.keys.joined(separator: ", "))", at: node.location)
            }
            return nil
        }
        step.command = command
        if step.background && !step.finishOnMatch {
            reader.error("background: true needs finish_on_match: true and the ready line in `expect`", at: node.location)
        }
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

    /// `hint: TEXT` (one hint) or `hints: [TEXT, …]` (revealed one at a time, SPEC 11.1); a step has one of the two.
    mutating func decodeHints(_ pair: Node.Pair, into step: inout Step, seen: inout Node?) {
        let key = pair.key.scalarValue ?? "hint"
        if let first = seen {
            // A repeated key is the YAML loader's duplicate-key error already.
            let other = first.scalarValue ?? "hint"
            guard other != key else { return }
            reader.error(
                "a step has `hint:` or `hints:`, not both; put every hint in `hints:` (it has `\(other):` on line \(first.location.line))",
                at: pair.key.location)
            return
        }
        seen = pair.key
        if key == "hint" {
            step.hints = reader.template(pair.value, "hint").map { [$0] } ?? []
            return
        }
        guard let items = reader.list(pair.value, "hints") else { return }
        if items.isEmpty { reader.error("hints needs at least one hint; remove the key for none", at: pair.value.location) }
        step.hints = items.compactMap { reader.template($0, "a hint") }
    }

    /// True for `[a-z0-9][a-z0-9_-]*`, the form of step and learner ids.
    static func isValidIdentifier(_ text: String) -> Bool { Learner.isValidId(text) }

    /// `a, b, c or d`.
    static func orList(_ items: [String]) -> String {
        items.count < 2 ? items.joined() : items.dropLast().joined(separator: ", ") + " or " + items.last!
    }

    /// Decodes a command through its kind; the command needs the kind's backend unless the kind
    /// decided for this command (e.g. `file:` needs the engine only to read inside a container).
    mutating func decodeCommand(_ kind: any CommandKind, _ value: Node, at location: SourceLocation) -> Command? {
        guard var command = kind.decode(value, at: location, reader: &reader) else { return nil }
        command.key = kind.key
        command.backend = command.backend ?? kind.backend
        return command
    }

    /// A verify probe or a cleanup item: one command and what goes with it.
    mutating func decodeProbe(_ node: Node, what: String, keys: [String]) -> Probe? {
        guard let pairs = reader.mapping(node, what, keys: keys) else { return nil }
        var probe = Probe(command: Command(key: "", location: node.location), location: node.location)
        var command: Command?
        var firstCommandKey: String?
        for pair in pairs {
            guard let key = pair.key.scalarValue else { continue }
            if let kind = registry.kind(key) {
                if let first = firstCommandKey {
                    reader.error("a \(what) runs one command; it already has `\(first):`", at: pair.key.location)
                } else {
                    firstCommandKey = key
                    command = decodeCommand(kind, pair.value, at: pair.key.location)
                }
                continue
            }
            switch key {
            case "expect": probe.expect = decodeExpectation(pair.value)
            case "cwd": probe.cwd = reader.template(pair.value, "cwd")
            case "env": probe.env = decodeEnvironment(pair.value)
            case "stdin": probe.stdin = reader.template(pair.value, "stdin")
            case "timeout": probe.timeout = reader.duration(pair.value, "timeout")
            case "why": probe.why = reader.template(pair.value, "why")
            case "guard": probe.isGuard = reader.bool(pair.value, "guard") ?? false
            default: break
            }
        }
        guard let command else {
            if firstCommandKey == nil { reader.error("a \(what) needs one command: \(Self.orList(registry.keys))", at: node.location) }
            return nil
        }
        probe.command = command
        return probe
    }
}
