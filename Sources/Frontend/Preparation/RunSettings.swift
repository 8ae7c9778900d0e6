import Board
import Foundation
import Workflow

/// What the options of a command that runs steps say (SPEC 3), as plain values: the executable's
/// `RunOptions` parses them, `RunPreparation` and `BatchRun` act on them.
public struct RunSettings: Sendable {
    /// `--learners FILE`: the roster (YAML or CSV).
    public var learners: String?
    /// `--learner ID,…`: only these learners (or one learner without a roster).
    public var learner: String?
    /// `--jobs N`: learners run at once.
    public var jobs = 4
    /// `--var NAME=VALUE`, in order.
    public var vars: [String] = []
    /// `--var-file FILE`.
    public var varFile: String?
    /// `--only ID,…`.
    public var only: String?
    /// `--skip ID,…`.
    public var skip: String?
    /// `--from ID`.
    public var from: String?
    /// `--fail-fast`.
    public var failFast = false
    /// `--keep-workdir`.
    public var keepWorkdir = false
    /// `--engine-cli`: engines are asked through the docker CLI only, never the Engine API.
    public var engineCli = false
    /// `--report FORMAT[:PATH]`, in order.
    public var report: [ReportSpecification] = []
    /// `--out DIR`.
    public var out: String?
    /// `--publish URL` / `--join URL`: the class board.
    public var board: String?

    /// Settings with every option at its default.
    public init() {}

    /// The class board's publisher for `learners` (`--publish`/`--join`), nil without one; when
    /// the outboxes cannot be made it says so and the command goes on without the board.
    public func boardPublisher(learners: [String]) -> BoardPublisher? {
        guard let board, let url = try? JoinURL(board) else { return nil }
        do {
            return try BoardPublisher(url: url, learners: learners)
        } catch {
            Warning.print("not publishing to \(url): cannot make the outbox (\(error.localizedDescription))")
            return nil
        }
    }

    /// Prints what the class board's publisher has to say once the command is done.
    public static func printBoardNotes(_ publisher: BoardPublisher?) {
        for note in publisher?.closingNotes ?? [] { StandardStreams.err("board: \(note)\n") }
    }

    /// The values of `--var NAME=VALUE`, each located as `--var:1:N` for errors.
    public var commandLineValues: [String: VariableLayers.Value] {
        var values: [String: VariableLayers.Value] = [:]
        for (index, assignment) in vars.enumerated() {
            let parts = assignment.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            values[String(parts[0])] = VariableLayers.Value(
                text: parts.count > 1 ? String(parts[1]) : "", location: SourceLocation(file: "--var", line: 1, column: index + 1))
        }
        return values
    }

    /// Splits a comma-separated option.
    public static func list(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
