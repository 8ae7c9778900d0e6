import Foundation
import Text
import Workflow

/// Turns what a tutorial holds into a draft runbook: one step per command (mentions folded in),
/// drafted by its program's kind, expectations from the output shown, vars for the text's
/// `${VAR}`s and placeholders, ids, titles and `say:` from the text.
struct DraftBuilder {
    /// The tutorial's file name, for the notes.
    let source: String
    /// The kinds' drafters.
    let drafters: Drafters

    /// The draft of `content`.
    func build(_ content: TutorialReader.Content) -> DraftRunbook {
        let (kept, dropped) = MentionMerger.merge(content.commands, drafters: drafters)
        let classifier = CommandClassifier(drafters: drafters)
        var steps: [DraftStep] = []
        var outputs: [[String]] = []
        var assignments: [(name: String, value: String, line: Int)] = []
        for command in kept {
            switch classifier.classify(command) {
            case .assignments(let list):
                assignments += list.map { ($0.name, $0.value, command.line) }
            case .step(let classified):
                steps.append(
                    DraftStep(
                        id: "", title: title(of: command), say: command.say, hint: command.hint, command: classified, cwd: command.cwd,
                        stdin: command.stdin ?? classified.stdin, matchers: [], origin: origin(of: command), notes: [], line: command.line))
                outputs.append(command.output)
            }
        }
        // Each drafter reworks its own commands across steps (a name the engine chose, used later).
        var commands = steps.map(\.command)
        var known = drafters.all.flatMap { $0.settle(&commands, outputs: outputs) }
        for index in steps.indices { steps[index].command = commands[index] }
        known += VariableLearner.learn(steps: steps, outputs: outputs)
        var relevant = Set<String>()
        let learnerDrafter = OutputDrafter(known: known)
        // A command that names its things from a project file does not use the learner's names.
        let ownNamesDrafter = OutputDrafter(known: known.filter { !$0.template.hasPrefix("${learner}-") })
        for index in steps.indices {
            let drafter = steps[index].command.namesItsOwnThings ? ownNamesDrafter : learnerDrafter
            relevant.formUnion(Self.relevantWords(of: steps[index].command))
            if steps[index].command.key == "http" {
                let drafted = HTTPOutputDrafter(lines: drafter).draft(outputs[index], relevant: relevant)
                (steps[index].status, steps[index].matchers) = (drafted.status, drafted.matchers)
                steps[index].notes += drafted.notes
            } else if !steps[index].command.tty, let json = HTTPOutputDrafter(lines: drafter).json(outputs[index]) {
                steps[index].matchers = json.matchers
                steps[index].notes += ["the output is JSON: `json` matchers on stdout"] + json.notes
            } else {
                let drafted = drafter.draft(outputs[index], relevant: relevant)
                steps[index].matchers = drafted.matchers
                steps[index].notes += drafted.notes
            }
            if steps[index].command.listsRemoteRows, steps[index].matchers.count > 1 {
                steps[index].matchers = steps[index].matchers.filter { $0.note == OutputDrafter.headerNote }
                steps[index].notes.append("its rows change with the remote service (search results of the day): only the header is kept")
            }
            ForegroundServer.settle(&steps[index], output: outputs[index], drafter: drafter)
            let last = outputs[index].last { !$0.allSatisfy(\.isWhitespace) }
            if !steps[index].background, steps[index].command.key != "http", let last,
                last.range(of: Self.failure, options: .regularExpression) != nil
            {
                steps[index].exit = "nonzero"
                steps[index].notes.append("the text shows it failing (`\(last.trimmingCharacters(in: .whitespaces))`): `exit: nonzero`")
            }
            if outputs[index].isEmpty { steps[index].notes.append("the text shows no output: add an expectation or a verify probe") }
        }
        for learned in known where !learned.template.hasPrefix("${learner}") {
            let inRegex = OutputDrafter.regexTemplate(learned.template)
            let uses = { (matcher: DraftMatcher) in matcher.value.contains(learned.template) || matcher.value.contains(inRegex) }
            if let index = steps.firstIndex(where: { $0.matchers.contains(where: uses) }) {
                steps[index].notes.append("`\(learned.text)` in the text's output is taken for `\(learned.template)`")
            }
        }
        let ids = StepIdentifier.unique(steps.map { StepIdentifier.make(for: $0.command) })
        for index in steps.indices { steps[index].id = ids[index] }
        let variables = VariableDeclarer(paragraphs: content.paragraphs, drafters: drafters).declare(steps: steps, assignments: assignments)
        let names = Set(variables.map(\.name))
        for index in steps.indices {
            steps[index].title = steps[index].title.map { TemplateEscaping.escape($0, keeping: names) }
            steps[index].say = steps[index].say.map { TemplateEscaping.escape($0, keeping: names) }
            steps[index].hint = steps[index].hint.map { TemplateEscaping.escape($0, keeping: names) }
            steps[index].stdin = steps[index].stdin.map { TemplateEscaping.escape($0, keeping: names) }
        }
        var notes = [
            "by `runbook import \(source)`: check each `# drafted:` remark (and delete it), "
                + "then run `runbook validate` and `runbook selftest`",
            "titles come from the nearest heading or list item, `say:` from the prose before each command, "
                + "expectations from the output shown",
        ]
        notes += dropped.map { "not a step: `\($0.text)` (line \($0.line)): \($0.reason)" } + content.skipped
        return DraftRunbook(
            notes: notes, title: content.title.map { TemplateEscaping.escape($0) },
            description: content.description.map { TemplateEscaping.escape($0) },
            variables: variables, steps: steps)
    }

    /// The last line of an output that says the command failed (a text that shows a failure on purpose).
    static let failure =
        #"(?i)^\s*(?:error|fatal)\b|bailing out|command not found|no such (?:file|container|image)|permission denied|is the daemon running"#

    /// Where a step came from, and what was folded into it.
    private func origin(of command: TutorialCommand) -> [String] {
        var notes = [
            "from line \(command.line) (\(command.origin == .block ? "a command block" : "a code span in the text"))"
                + (command.mentions.isEmpty
                    ? ""
                    : "; also mentioned at line\(command.mentions.count == 1 ? "" : "s") "
                        + command.mentions.sorted().map(String.init).joined(separator: ", "))
        ]
        if let cwd = command.cwd, let line = command.cwdLine {
            notes.append("`cwd: \(cwd)` follows the `cd` or folder named at line \(line)")
        }
        if command.typedInside {
            notes.append("`stdin:` is what the text types at the prompt of the container this command opens")
        } else if command.stdin != nil {
            notes.append("`stdin:` is the text the tutorial says the command reads")
        }
        return notes
    }

    /// The title: a comment on the command, the list item it belongs to (unless that item is a
    /// command itself, then the command), or the nearest heading.
    private func title(of command: TutorialCommand) -> String {
        var title = command.text
        if let comment = command.comment, !comment.isEmpty {
            title = comment
        } else if let list = command.listText {
            let spans = InlineCode.spans(in: list)
            let loneCommand =
                spans.count == 1 && drafters.mentions(spans[0])
                && list.trimmingCharacters(in: .whitespaces).hasPrefix("`") && list.trimmingCharacters(in: .whitespaces).hasSuffix("`")
            title = loneCommand ? command.text : TutorialProse.title(list)
        } else if let heading = command.heading, !heading.isEmpty {
            title = heading
        }
        title = title.replacingOccurrences(of: "\n", with: " ")
        guard title.count > 80 else { return title }
        let cut = title.prefix(79)
        return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + "…"
    }

    /// Names a step's command uses (images, containers), with and without their tags, for telling
    /// which rows of a listing matter.
    static func relevantWords(of command: DraftedCommand) -> Set<String> {
        var words = Set<String>()
        for word in command.names where word.count >= 3 && !word.hasPrefix("-") {
            words.insert(word)
            words.insert(OutputDrafter.withoutTag(word))
        }
        return words
    }
}
