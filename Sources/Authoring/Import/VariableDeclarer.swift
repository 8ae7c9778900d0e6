import Foundation
import Text
import Workflow

/// Declares the vars of a draft: every `${VAR}` and placeholder its commands use (a learner must
/// give each a value, from the environment variable of that name by default), and each
/// `NAME=value` line of the text (a default).
struct VariableDeclarer {
    /// The tutorial's paragraphs, where a var's description may be found.
    let paragraphs: [String]
    /// The kinds' drafters, which tell the commands among code spans.
    let drafters: Drafters

    /// The vars, in order of first use.
    func declare(steps: [DraftStep], assignments: [(name: String, value: String, line: Int)]) -> [DraftRunbook.Variable] {
        var order: [String] = []
        var uses: [String: DraftVariable] = [:]
        for step in steps {
            for use in step.command.variables where uses[use.name] == nil {
                if step.command.key == "sh", !Self.isExportedName(use.name, script: step.command.text) { continue }
                uses[use.name] = use
                order.append(use.name)
            }
        }
        for assignment in assignments where uses[assignment.name] == nil && !order.contains(assignment.name) {
            order.append(assignment.name)
        }
        // `NAME="$NAME"` (how docs shows a secret or a value set elsewhere) says where the value comes from, not what it is.
        let assignments = assignments.filter { $0.value != "$\($0.name)" && $0.value != "${\($0.name)}" }
        let assigned = Dictionary(assignments.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let names = Set(order)
        return order.map { name in
            if let assignment = assigned[name] {
                return DraftRunbook.Variable(
                    name: name, defaultValue: TemplateEscaping.escape(assignment.value, keeping: names), required: false, description: nil,
                    notes: ["from `\(name)=…` at line \(assignment.line) of the text"])
            }
            switch uses[name] {
            case .reference(_, let fallback?):
                return DraftRunbook.Variable(
                    name: name, defaultValue: TemplateEscaping.escape(fallback), required: false, description: describe(name),
                    notes: ["the text's default for `$\(name)`"])
            case .placeholder(_, let written):
                return DraftRunbook.Variable(
                    name: name, defaultValue: "${env.\(name)}", required: true, description: "stands for \(written) in the text",
                    notes: ["a placeholder of the text: a learner gives it a value (--var, --var-file, the roster or the environment)"])
            default:
                return DraftRunbook.Variable(
                    name: name, defaultValue: "${env.\(name)}", required: true, description: describe(name),
                    notes: ["used by the text's commands: a learner gives it a value (--var, --var-file, the roster or the environment)"])
            }
        }
    }

    /// A sentence of the text that explains `name` (`${NAME}` should be your …), if there is one.
    private func describe(_ name: String) -> String? {
        for paragraph in paragraphs {
            let spans = InlineCode.spans(in: paragraph)
            let mentioned = spans.contains { $0 == "${\(name)}" || $0 == "$\(name)" }
            guard mentioned, !spans.contains(where: drafters.mentions) else { continue }
            let plain = InlineCode.plain(paragraph)
                .replacingOccurrences(of: "${\(name)}", with: name).replacingOccurrences(of: "$\(name)", with: name)
            let sentences = plain.components(separatedBy: ". ")
            guard let sentence = sentences.first(where: { $0.contains(name) }) else { continue }
            let text = sentence.hasSuffix(".") ? String(sentence.dropLast()) : sentence
            return text.count > 160 ? String(text.prefix(159)) + "…" : text
        }
        return nil
    }

    /// True when a script's `$NAME` reads like a var to export: upper case and not set by the script itself.
    private static func isExportedName(_ name: String, script: String) -> Bool {
        name == name.uppercased() && !script.contains("\(name)=") && !script.contains("for \(name) ") && !script.contains("read \(name)")
    }
}
