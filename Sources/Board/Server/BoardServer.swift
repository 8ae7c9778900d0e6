import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization
import Workflow

/// `runbook serve`: the class board's HTTP server (SPEC 7) over its store. It runs in a service
/// group with a ticker; a graceful shutdown (a signal, or `stop()`) ends the event streams first,
/// then lets the HTTP server finish the requests in flight.
public final class BoardServer: Sendable {
    /// What is served.
    public let configuration: BoardConfiguration
    /// The board's state and store.
    public let store: BoardStore
    /// The class code of the join URL.
    public let code: String
    private let auth: BoardAuth
    private let group = Mutex<ServiceGroup?>(nil)
    private let stopped = Mutex(false)

    /// Opens the store (replaying it), its secret and its class code.
    public init(configuration: BoardConfiguration) throws(BoardStoreError) {
        self.configuration = configuration
        let limits = configuration.limits
        let broadcaster = EventBroadcaster(history: limits.eventHistory, backlog: limits.eventBacklog, subscribers: limits.maxEventClients)
        store = try BoardStore(configuration: configuration, broadcaster: broadcaster)
        auth = BoardAuth(signer: TokenSigner(secret: try StoreSecret.load(directory: configuration.storeDirectory)))
        code = try ClassCode.resolve(requested: configuration.code, directory: configuration.storeDirectory)
    }

    /// The instructor's token.
    public var instructorToken: String { auth.signer.instructorToken }

    /// The token learner `id` gets when joining.
    public func learnerToken(_ id: String) -> String { auth.signer.learnerToken(id) }

    /// Serves until `stop()` (or SIGINT/SIGTERM when `stopOnSignals`); `onListening` gets the
    /// port once it is bound (the real one when the configuration asks for port 0).
    public func run(stopOnSignals: Bool = false, onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        var logger = Logger(label: "runbook.board") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .error
        let application = Application(
            router: router(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
        let ticker = BoardTicker(store: store, broadcaster: store.broadcaster, limits: configuration.limits)
        let group = ServiceGroup(
            configuration: .init(
                services: [application, ticker], gracefulShutdownSignals: stopOnSignals ? [.sigterm, .sigint] : [], logger: logger))
        let stopEarly = self.group.withLock { current in
            current = group
            return stopped.withLock { $0 }
        }
        if stopEarly { return }
        try await group.run()
    }

    /// Stops a running server gracefully (before it started: it will not start).
    public func stop() async {
        let group = self.group.withLock { current in
            stopped.withLock { $0 = true }
            return current
        }
        await group?.triggerGracefulShutdown()
    }

    /// The routes of SPEC 7.
    private func router() -> Router<BasicRequestContext> {
        let router = Router()
        let learners = LearnerEndpoints(store: store, auth: auth, code: code)
        let instructor = InstructorEndpoints(store: store, auth: auth, code: code)
        router.post("/api/v1/join") { request, _ in await learners.join(request) }
        router.post("/api/v1/journal") { request, _ in await learners.journal(request) }
        router.get("/join/:code") { request, context in learners.joinPage(request, context: context) }
        router.get("/") { request, _ in await instructor.page(request) }
        router.get("/events") { request, _ in instructor.events(request) }
        router.get("/api/v1/matrix") { request, _ in await instructor.matrix(request) }
        router.get("/api/v1/detail") { request, _ in await instructor.detail(request) }
        router.get("/api/v1/journals") { [store, auth] request, _ in JournalExportEndpoint(store: store, auth: auth).journals(request) }
        for format in ReportFormat.allCases {
            router.get("/report.\(format.rawValue)") { request, _ in await instructor.report(request, format: format) }
        }
        return router
    }
}
