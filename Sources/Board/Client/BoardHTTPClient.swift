import AsyncHTTPClient
import Foundation
import NIOSSL
import Synchronization

/// The HTTP client a learner's pushes go through: AsyncHTTPClient's shared one, or, for an
/// `https://` board while `SSL_CERT_FILE` names a certificate file (as curl and OpenSSL read it),
/// one that trusts those certificates too: how learners reach a board serving a self-signed
/// certificate (`serve --tls-cert`). Such clients are made once per file and live as long as the process.
enum BoardHTTPClient {
    private static let clients = Mutex<[String: HTTPClient]>([:])

    /// The client for the board of `url`.
    static func client(for url: JoinURL, environment: [String: String] = ProcessInfo.processInfo.environment) -> HTTPClient {
        guard url.origin.hasPrefix("https://"), let file = environment["SSL_CERT_FILE"], !file.isEmpty,
            FileManager.default.isReadableFile(atPath: file)
        else { return .shared }
        return clients.withLock { clients in
            if let client = clients[file] { return client }
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.additionalTrustRoots = [.file(file)]
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: .init(tlsConfiguration: tls))
            clients[file] = client
            return client
        }
    }
}
