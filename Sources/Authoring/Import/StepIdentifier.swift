import Foundation
import Text
import Workflow

/// Step ids derived from commands: `docker-ps`, `docker-run-ubuntu`, `docker-build-tf-mnist-gpu`;
/// made unique with `-2`, `-3`.
enum StepIdentifier {
    /// The id for a command, before it is made unique.
    static func make(for command: DraftedCommand) -> String {
        guard command.key != "sh" else {
            let words = command.words.drop { ShellLine.isAssignment($0) || $0 == "sudo" }
            let program = words.first.map { ($0 as NSString).lastPathComponent } ?? "sh"
            let argument = words.dropFirst().first { word in
                let bare = word.filter { !"${}\"".contains($0) }
                return !bare.isEmpty && !word.hasPrefix("-") && bare.allSatisfy { $0.isLetter || $0.isNumber || "._/-".contains($0) }
            }
            let parts = [program] + (argument.map { [simplify($0.filter { !"$\"".contains($0) })] } ?? [])
            return sanitize(parts.joined(separator: "-"), fallback: "sh")
        }
        // The kind's drafter says which words start the id and what the command acts on.
        let parts = command.idWords + (command.subject.map { [simplify($0)] } ?? [])
        return sanitize(parts.filter { !$0.isEmpty }.joined(separator: "-"), fallback: command.key)
    }

    /// `ids` with repeats suffixed `-2`, `-3`, … in order.
    static func unique(_ ids: [String]) -> [String] {
        var used = Set<String>()
        return ids.map { id in
            var candidate = id
            var number = 2
            while used.contains(candidate) {
                candidate = "\(id)-\(number)"
                number += 1
            }
            used.insert(candidate)
            return candidate
        }
    }

    /// A word as an id part: `${learner}-` dropped, other `${NAME}` as name, an image's last path part, its tag unless `latest`.
    private static func simplify(_ word: String) -> String {
        var text = word.replacingOccurrences(of: "${learner}-", with: "").replacingOccurrences(of: "${learner}", with: "")
        if let slash = text.lastIndex(of: "/"), text.index(after: slash) < text.endIndex {
            text = String(text[text.index(after: slash)...])
        }
        while let open = text.range(of: "${"), let close = text[open.upperBound...].firstIndex(of: "}") {
            text.replaceSubrange(open.lowerBound...close, with: text[open.upperBound..<close].lowercased())
        }
        if let colon = text.lastIndex(of: ":") {
            let tag = text[text.index(after: colon)...]
            text = String(text[..<colon]) + (tag.isEmpty || tag == "latest" ? "" : "-" + tag)
        }
        return text
    }

    private static func sanitize(_ text: String, fallback: String) -> String {
        var output = ""
        for character in text.lowercased() {
            let allowed = (character.isASCII && (character.isLetter || character.isNumber)) || character == "_" || character == "-"
            let next: Character = allowed ? character : "-"
            if next == "-", output.last == "-" { continue }
            output.append(next)
        }
        let trimmed = output.drop { $0 == "-" || $0 == "_" }.reversed().drop { $0 == "-" }.reversed()
        let id = String(String(trimmed).prefix(48))
        return id.isEmpty ? fallback : (id.hasSuffix("-") ? String(id.dropLast()) : id)
    }
}
