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
            Without --listen the board answers on 127.0.0.1:8080 only; a classroom uses --listen 0.0.0.0:PORT, and the \
            printed URLs then carry this machine's network address (--public-url sets them, e.g. behind a proxy). \
            Learners' journals are kept in the store folder; restarting on the same store shows the same board, \
            and `runbook report STORE/*.jsonl --format html` renders it offline. SIGINT or SIGTERM stops the server.
            The runbook's folder is handed out as the workshop (GET /join/CODE/bundle.tar.gz, at most 64 MiB; \
            .gitignore and .runbookignore files leave files out), so that a learner with an empty folder types one \
            command; the join page shows it for each system, and lists the files of --offer.
            """
    )

    /// RUNBOOK, `./workshop.yaml` by default.
    @OptionGroup var path: RunbookPathArgument

    /// `--learners FILE`.
    @Option(name: .long, help: ArgumentHelp("Only the roster's learners may join (YAML or CSV).", valueName: "file"))
    var learners: String?

    /// `--listen HOST:PORT` (default 127.0.0.1:8080).
    @Option(
        name: .long,
        help: ArgumentHelp("Address and port (default 127.0.0.1:8080); a classroom uses 0.0.0.0:PORT.", valueName: "host:port"))
    var listen: String?

    /// `--public-url URL`.
    @Option(
        name: .long,
        help: ArgumentHelp("Where learners reach the board (a proxy, a container's host); used in every URL.", valueName: "url"))
    var publicURL: String?

    /// `--tls-cert FILE`.
    @Option(name: .long, help: ArgumentHelp("Serve HTTPS with this certificate chain (PEM); needs --tls-key.", valueName: "file"))
    var tlsCert: String?

    /// `--tls-key FILE`.
    @Option(name: .long, help: ArgumentHelp("The private key (PEM) of --tls-cert.", valueName: "file"))
    var tlsKey: String?

    /// `--trust-proxy CIDR`, repeatable.
    @Option(
        name: .long, help: ArgumentHelp("A reverse proxy whose X-Forwarded-For names the client (address or range).", valueName: "cidr"))
    var trustProxy: [String] = []

    /// `--store DIR`.
    @Option(name: .long, help: ArgumentHelp("The store; default ./runbook-class/<first 12 hex of the runbook's sha256>.", valueName: "dir"))
    var store: String?

    /// `--code CODE`.
    @Option(
        name: .long,
        help: ArgumentHelp("The class code (8+ characters); default the store's, else a random word-word-word-NNNN.", valueName: "code"))
    var code: String?

    /// `--offer FILE…`: files handed out on the join page (SPEC 10.3).
    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("Files learners may download from the join page (the image's tarball, the Linux tarball).", valueName: "file"),
        completion: .file())
    var offer: [String] = []

    /// `--stuck-after DURATION`.
    @Option(name: .long, help: ArgumentHelp("A learner with no step passed for this long is stuck.", valueName: "duration"))
    var stuckAfter = "5m"

    /// `--timings FILE`.
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The JSON of `runbook report --timings`: a learner is stuck on a step after its p90 plus its median (at least 2m), "
                + "and the board counts who is behind the room's median.", valueName: "file"))
    var timings: String?

    /// `--no-color` and friends (for the runbook's diagnostics).
    @OptionGroup var output: OutputOptions

    /// Checks the options before anything is loaded (usage errors exit 2).
    func validate() throws {
        do {
            _ = try ListenAddress(listen ?? Self.defaultListen)
            _ = try publicURL.map(BoardAnnouncement.publicURL)
            for range in trustProxy { _ = try AddressRange(range) }
        } catch let error as CustomStringConvertible {
            throw ValidationError(error.description)
        }
        if let code, !ClassCode.isValid(code) { throw ValidationError("--code \(code): 1 to 64 letters, digits, '-' and '_'") }
        if let code, !ClassCode.isStrongEnough(code) {
            throw ValidationError("--code \(code): at least \(ClassCode.minimumLength) characters (a class code is a password)")
        }
        if (tlsCert == nil) != (tlsKey == nil) { throw ValidationError("--tls-cert and --tls-key go together") }
        guard DurationSyntax.parse(stuckAfter) != nil else {
            throw ValidationError("--stuck-after: \(DurationSyntax.problem(with: stuckAfter))")
        }
    }

    /// The address without `--listen`.
    static let defaultListen = "127.0.0.1:8080"

    /// Loads the runbook and roster, opens the store, serves until SIGINT or SIGTERM.
    func run(kinds: KindRegistry) async throws {
        let address = try ListenAddress(listen ?? Self.defaultListen)
        let publicOrigin = try publicURL.map(BoardAnnouncement.publicURL)
        if address.listensEverywhere, publicOrigin == nil, BoardAnnouncement.inContainer {
            throw CommandFailure.usage(
                "inside a container, --listen \(address.urlHost):\(address.port) needs --public-url http://HOST:PORT "
                    + "(the address learners reach the host at): the container cannot know it")
        }
        let tls = tlsCert.flatMap { cert in tlsKey.map { BoardTLS(certificatePath: cert, keyPath: $0) } }
        do {
            try tls?.validate()
        } catch {
            throw CommandFailure.usage(error.description)
        }
        let roster = try learners.map { try loadRoster($0, kinds: kinds) }
        let runbook = try RunbookFileLoader.load(path.runbook, output: output.settings, registry: kinds)
        let stuck = DurationSyntax.parse(stuckAfter) ?? .seconds(300)
        let storeDirectory = store ?? BoardConfiguration.defaultStore(sha256: runbook.sha256)
        var configuration = BoardConfiguration(
            runbook: runbook, learners: roster, storeDirectory: storeDirectory,
            code: code, stuckAfter: Double(stuck.components.seconds) + Double(stuck.components.attoseconds) / 1e18,
            host: address.host, port: address.port)
        do {
            if let timings { configuration.timings = try TimingsFile.load(path: timings) }
        } catch {
            throw CommandFailure.usage(error.description)
        }
        configuration.publicURL = publicOrigin
        configuration.tls = tls
        configuration.trustedProxies = try trustProxy.map { try AddressRange($0) }
        OpenFiles.raiseLimit()
        // SPEC 10.3: the runbook's folder as the workshop bundle, and the offered files.
        do throws(BundleError) {
            let store = URL(fileURLWithPath: storeDirectory).standardizedFileURL.path
            configuration.workshop = try WorkshopBundle.pack(runbook: runbook, excludedFolders: [store])
            configuration.offers = try offer.map { path throws(BundleError) in try OfferedFile(path: path) }
        } catch {
            throw CommandFailure.usage(error.message)
        }
        configuration.runbookVersion = BuildInfo.version
        let server: BoardServer
        do {
            server = try BoardServer(configuration: configuration)
        } catch {
            throw CommandFailure.usage("\(error)")
        }
        let listenGiven = listen != nil
        do {
            try await server.run(stopOnSignals: true) { port in
                let announcement = BoardAnnouncement(
                    listen: address, listenGiven: listenGiven, port: port, publicURL: publicOrigin, secure: tls != nil,
                    addresses: MachineAddresses.current())
                let origin = announcement.origin
                StandardStreams.out("board: \(origin)/?token=\(server.instructorToken)\njoin: \(origin)/join/\(server.code)\n")
                for note in announcement.notes { StandardStreams.err(note + "\n") }
            }
        } catch {
            throw CommandFailure(messages: ["cannot serve on \(address.urlHost):\(address.port): \(error)"], status: 1)
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
