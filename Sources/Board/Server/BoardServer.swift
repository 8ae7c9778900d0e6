import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
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
    /// Connections without a valid token, per address.
    public let connections: ConnectionGuard
    /// Wrong-code joins, per address.
    public let throttle: JoinThrottle
    /// The instructor's type-along stream (SPEC 11.2), kept in memory.
    public let feed = InstructorFeed()
    private let auth: BoardAuth
    private let names: BoardNames
    private let group = Mutex<ServiceGroup?>(nil)
    private let stopped = Mutex(false)

    /// Opens the store (replaying it), its secret and its class code.
    public init(configuration: BoardConfiguration) throws(BoardStoreError) {
        self.configuration = configuration
        let limits = configuration.limits
        let broadcaster = EventBroadcaster(
            historyBytes: limits.eventHistoryBytes, backlog: limits.eventBacklog, subscribers: limits.maxEventClients)
        let store = try BoardStore(configuration: configuration, broadcaster: broadcaster)
        self.store = store
        auth = BoardAuth(
            signer: TokenSigner(secret: try StoreSecret.load(directory: configuration.storeDirectory)), admits: { store.admits($0) })
        code = try ClassCode.resolve(requested: configuration.code, directory: configuration.storeDirectory)
        connections = ConnectionGuard(limit: limits.connectionsPerAddress, trusted: configuration.trustedProxies)
        throttle = JoinThrottle(free: limits.freeWrongJoins, first: limits.firstWrongJoinWait)
        names = BoardNames(listenHost: configuration.host, publicHost: configuration.publicURL.flatMap { URLComponents(string: $0)?.host })
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
            server: try serverBuilder(),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: logger)
        let ticker = BoardTicker(store: store, broadcaster: store.broadcaster, limits: configuration.limits)
        let group = ServiceGroup(
            configuration: .init(
                services: [application, ticker, feed], gracefulShutdownSignals: stopOnSignals ? [.sigterm, .sigint] : [], logger: logger))
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

    /// HTTP/1.1 with the board's connection limits (SPEC 7.1), over TLS with `--tls-cert`.
    private func serverBuilder() throws -> HTTPServerBuilder {
        let limits = configuration.limits
        let connections = connections
        let auth = auth
        let headerTimeout = TimeAmount.nanoseconds(Int64(limits.headerTimeout.components.seconds) * 1_000_000_000)
        let http = HTTPServerBuilder.http1(
            configuration: .init(
                additionalChannelHandlers: [
                    ConnectionGuardHandler(guardian: connections, headerTimeout: headerTimeout, validToken: { auth.isValid($0) })
                ],
                idleTimeout: .seconds(limits.idleTimeout.components.seconds)))
        guard let tls = configuration.tls else { return http }
        return try .tls(http, tlsConfiguration: try BoardTLSConfiguration.make(tls))
    }

    /// The board's routes (SPEC 7): the Host check and the client's address for every request,
    /// then one route collection per audience.
    func router() -> Router<BoardRequestContext> {
        let router = Router(context: BoardRequestContext.self)
        router.add(middleware: HostCheckMiddleware(names: names))
        router.add(middleware: ClientAddressMiddleware(trusted: configuration.trustedProxies))
        let origin = BoardOrigin(
            publicURL: configuration.publicURL, isSecure: configuration.tls != nil,
            fallbackAuthority: "\(ListenAddress.urlHost(configuration.host)):\(configuration.port)")
        let gate = ClassCodeGate(code: code, throttle: throttle)
        router.addRoutes(JoinRoutes(store: store, auth: auth, gate: gate).collection)
        router.addRoutes(BundleRoutes(gate: gate, configuration: configuration, origin: origin).collection)  // SPEC 10.3
        router.addRoutes(LearnerRoutes(store: store, auth: auth).collection)
        router.addRoutes(InstructorRoutes(store: store, auth: auth, code: code, origin: origin).collection)
        router.addRoutes(TypeAlongRoutes(feed: feed, auth: auth).collection)  // SPEC 11.2
        return router
    }
}
