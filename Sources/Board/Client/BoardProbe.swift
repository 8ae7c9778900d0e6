import Foundation
import NIOCore
import NIOPosix

/// Whether anything accepts a TCP connection at a board's address, within a limit: what a command
/// that ends asks before it waits for a board that never answered (SPEC 7.1: a refused connection,
/// a name that does not resolve, or no route means giving up within 1 s, while a board that is
/// merely slow gets its 10 s). AsyncHTTPClient retries refused connections until a request's
/// deadline, so it cannot tell the two apart quickly.
enum BoardProbe {
    /// True when a TCP connection to `url`'s host and port opens within `limit`.
    static func accepts(_ url: JoinURL, within limit: Duration) async -> Bool {
        guard let components = URLComponents(string: url.origin), let host = components.host else { return false }
        let port = components.port ?? (components.scheme == "https" ? 443 : 80)
        let milliseconds = limit.components.seconds * 1000 + limit.components.attoseconds / 1_000_000_000_000_000
        let bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.milliseconds(max(1, milliseconds)))
            .channelInitializer { _ in MultiThreadedEventLoopGroup.singleton.any().makeSucceededVoidFuture() }
        do {
            let channel = try await bootstrap.connect(host: host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), port: port).get()
            try? await channel.close()
            return true
        } catch {
            return false
        }
    }
}
