import Hummingbird
import NIOCore

/// The context of one request to the board: Hummingbird's own storage, the address of the
/// client (the TCP peer, or what a trusted proxy says in X-Forwarded-For), and who the request's
/// token names once `BoardAuthMiddleware` has looked.
public struct BoardRequestContext: RequestContext {
    /// Hummingbird's storage (logger, path parameters).
    public var coreContext: CoreRequestContextStorage
    /// The TCP peer's address, without its port; nil when unknown (a test channel).
    public var peer: String?
    /// The client's address: the peer, or the forwarded client of a trusted proxy.
    public var client: String?
    /// Who the request's token names, set by `BoardAuthMiddleware`.
    public var identity: BoardIdentity?

    /// A context for a request arriving on `source`'s channel.
    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peer = source.channel.remoteAddress?.ipAddress
        client = peer
    }
}
