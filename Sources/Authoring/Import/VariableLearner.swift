import Foundation
import Text
import Workflow

/// Finds, in the output that a tutorial shows, the values its author had for the vars: in
/// `Successfully tagged wbuchwalter/tf-mnist:latest` under `docker build -t ${DOCKER_USERNAME}/tf-mnist .`,
/// `wbuchwalter` is `${DOCKER_USERNAME}`.
enum VariableLearner {
    /// The values found, each as a text that stands for its var.
    static func learn(steps: [DraftStep], outputs: [[String]]) -> [OutputStandIn] {
        var found: [String: String] = [:]
        var order: [String] = []
        for (step, lines) in zip(steps, outputs) where step.command.key != "sh" && !lines.isEmpty {
            for word in step.command.words {
                guard let (name, pattern) = pattern(for: word), found[name] == nil,
                    let regex = try? NSRegularExpression(pattern: pattern)
                else { continue }
                for line in lines {
                    let range = NSRange(line.startIndex..., in: line)
                    guard let match = regex.firstMatch(in: line, range: range), let value = Range(match.range(at: 1), in: line) else {
                        continue
                    }
                    let text = String(line[value])
                    if text.count >= 3, !text.contains("$") {
                        found[name] = text
                        order.append(name)
                    }
                    break
                }
            }
        }
        return order.compactMap { name in found[name].map { OutputStandIn(text: $0, template: "${\(name)}") } }
    }

    /// For a word with exactly one `${NAME}` and some literal text around it: NAME and a regex
    /// that captures the value in its place.
    private static func pattern(for word: String) -> (String, String)? {
        guard let open = word.range(of: "${"), let close = word[open.upperBound...].firstIndex(of: "}"),
            !word[word.index(after: close)...].contains("${")
        else { return nil }
        let name = String(word[open.upperBound..<close])
        let before = String(word[..<open.lowerBound])
        let after = String(word[word.index(after: close)...])
        guard ShellLine.isName(name), !DraftVariable.reservedNames.contains(name), before.count + after.count >= 2 else { return nil }
        let escape = NSRegularExpression.escapedPattern(for:)
        return (name, #"(?<![\w.-])"# + escape(before) + "([A-Za-z0-9][A-Za-z0-9._-]*)" + escape(after) + #"(?![\w-])"#)
    }
}
