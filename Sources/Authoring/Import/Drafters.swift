import Foundation
import Text
import Workflow

/// The drafters of a registry's kinds, as the importer asks them: whose program a line runs, which
/// code spans of running text are commands, which mentions are no steps.
struct Drafters: Sendable {
    /// Every drafter, in registration order.
    let all: [any CommandDrafter]

    /// The drafters of `registry`'s kinds.
    init(registry: KindRegistry) {
        all = registry.drafters
    }

    /// The drafter of `program`, if a kind drafts its lines.
    func drafter(for program: String) -> (any CommandDrafter)? {
        all.first { $0.programs.contains(program) }
    }

    /// Every program some drafter drafts.
    var programs: Set<String> { Set(all.flatMap(\.programs)) }

    /// The environment variables a drafted command keeps as `${env.NAME}`: a shell's, and the drafters' own.
    var environmentNames: Set<String> { all.reduce(DraftVariable.environmentNames) { $0.union($1.environmentNames) } }

    /// `docker` (the drafters' names, for "not a … command").
    var name: String { all.map(\.name).joined(separator: " or ") }

    /// True for a code span that is a drafted program's command (`PROGRAM …`, `sudo PROGRAM …`).
    func mentions(_ span: String) -> Bool {
        let text = span.trimmingCharacters(in: .whitespaces)
        return all.flatMap(\.programs).contains { text.hasPrefix("\($0) ") || text.hasPrefix("sudo \($0) ") }
    }

    /// Whether the command line `text` opens a shell the text then types into (`run -it … sh`).
    func opensShell(_ text: String) -> Bool {
        let words = ShellLine(text).words.drop { $0 == "sudo" }
        guard let program = words.first, let drafter = drafter(for: program) else { return false }
        return drafter.opensShell(Array(words))
    }

    /// Whether `words` only name a command in running text (no step of its own).
    func isMentionOnly(_ words: [String]) -> Bool {
        guard let program = words.first, let drafter = drafter(for: program) else { return false }
        return drafter.isMentionOnly(words)
    }
}
