import Foundation
import Workflow

/// A test kind that works in-process (a `CommandAction`): `fakefile: PATH` prints the file and
/// reports whether it exists, its size and its mode, like the `file:` kind of Steps.
struct FileFactsKind: CommandKind {
    let key = "fakefile"
    let checks: Set<ExpectationCheck> = [.exists, .size, .mode]

    func decode(_ value: Node, at location: SourceLocation, reader: inout NodeReader) -> Command? {
        guard let path = reader.template(value, "fakefile") else { return nil }
        return Command(key: key, words: [path], location: location)
    }

    func prepare(_ command: ResolvedCommand, context: CommandContext) -> Result<PreparedCommand, CommandProblem> {
        let path = command.words.first ?? ""
        return .success(PreparedCommand(action: Reader(path: path), record: ["read", path], display: ["cat", path], binary: "fakefile"))
    }

    /// Reads the file.
    struct Reader: CommandAction {
        let path: String

        func perform(_ output: ActionOutput) async -> ActionOutcome {
            let subject = "file \(path)"
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else {
                return ActionOutcome(facts: SubjectFacts(subject: subject, exists: false))
            }
            if let data = FileManager.default.contents(atPath: path) { output.write([UInt8](data), to: .stdout) }
            let size = (attributes[.size] as? NSNumber)?.int64Value
            let mode = (attributes[.posixPermissions] as? NSNumber)?.uint32Value
            return ActionOutcome(facts: SubjectFacts(subject: subject, exists: true, size: size, mode: mode))
        }
    }
}
