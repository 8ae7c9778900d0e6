import ArgumentParser
import Board
import Foundation
import Frontend
import Steps
import Workflow

/// `runbook serve [RUNBOOK]`: the class board (SPEC 7), a live learner × step matrix in the
/// instructor's browser, fed by learners' `guide --join` and validation runs' `--publish`.
struct ServeCommand: KindsCommand {
    /// The subcommand's name and help.
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the class board: every learner's progress, live, in the instructor's browser.",
        discussion: """
            Prints two lines: `board: http://HOST:PORT/?token=TOKEN` (the instructor's page) and \
            `join: http://HOST:PORT/join/CODE` (for `runbook guide --join URL` and `runbook run --publish URL`). \
            Learners' journals are kept in the store folder; restarting on the same store shows the same board, \
            and `runbook report STORE/*.jsonl --format html` renders it offline. SIGINT or SIGTERM stops the server.
            """
    )

    /// RUNBOOK, `./workshop.yaml` by default.
    @OptionGroup var path: RunbookPathArgument

    /// `--learners FILE`.
    @Option(name: .long, help: ArgumentHelp("Only the roster's learners may join (YAML or CSV).", valueName: "file"))
    var learners: String?

    /// `--listen HOST:PORT`.
    @Option(name: .long, help: ArgumentHelp("Address and port; a classroom uses 0.0.0.0:PORT explicitly.", valueName: "host:port"))
    var listen = "127.0.0.1:8080"

    /// `--store DIR`.
    @Option(name: .long, help: ArgumentHelp("The store; default ./runbook-class/<first 12 hex of the runbook's sha256>.", valueName: "dir"))
    var store: String?

    /// `--code CODE`.
    @Option(name: .long, help: ArgumentHelp("The class code; default the store's, else a random word-word-NN.", valueName: "code"))
    var code: String?

    /// `--stuck-after DURATION`.
    @Option(name: .long, help: ArgumentHelp("A learner with no step passed for this long is stuck.", valueName: "duration"))
    var stuckAfter = "5m"

    /// `--no-color` and friends (for the runbook's diagnostics).
    @OptionGroup var output: OutputOptions

    /// Checks the options before anything is loaded (usage errors exit 2).
    func validate() throws {
        do {
            _ = try ListenAddress(listen)
        } catch {
            throw ValidationError(error.description)
        }
        if let code, !ClassCode.isValid(code) { throw ValidationError("--code \(code): 1 to 64 letters, digits, '-' and '_'") }
        guard DurationSyntax.parse(stuckAfter) != nil else {
            throw ValidationError("--stuck-after: \(DurationSyntax.problem(with: stuckAfter))")
        }
    }

    /// Loads the runbook and roster, opens the store, serves until SIGINT or SIGTERM.
    func run(kinds: KindRegistry) async throws {
        let address = try ListenAddress(listen)
        let roster = try learners.map { try loadRoster($0, kinds: kinds) }
        let runbook = try RunbookFileLoader.load(path.runbook, output: output.settings, registry: kinds)
        let stuck = DurationSyntax.parse(stuckAfter) ?? .seconds(300)
        let configuration = BoardConfiguration(
            runbook: runbook, learners: roster, storeDirectory: store ?? BoardConfiguration.defaultStore(sha256: runbook.sha256),
            code: code, stuckAfter: Double(stuck.components.seconds) + Double(stuck.components.attoseconds) / 1e18,
            host: address.host, port: address.port)
        let server: BoardServer
        do {
            server = try BoardServer(configuration: configuration)
        } catch {
            throw CommandFailure.usage("\(error)")
        }
        let host = address.urlHost
        do {
            try await server.run(stopOnSignals: true) { port in
                let origin = "http://\(host):\(port)"
                StandardStreams.out("board: \(origin)/?token=\(server.instructorToken)\njoin: \(origin)/join/\(server.code)\n")
                if address.host == "0.0.0.0" || address.host == "::" {
                    StandardStreams.err("runbook: learners use this machine's address in place of \(host) (its name on the network)\n")
                }
            }
        } catch {
            throw CommandFailure(messages: ["cannot serve on \(listen): \(error)"], status: 1)
        }
    }

    private func loadRoster(_ rosterPath: String, kinds: KindRegistry) throws -> [Learner] {
        switch RosterLoader.load(path: rosterPath, settingKeys: kinds.rosterKeys) {
        case .failure(let error):
            throw CommandFailure.diagnostics(error.diagnostics, colored: output.colored(for: 2))
        case .success(let learners):
            return learners
        }
    }
}
