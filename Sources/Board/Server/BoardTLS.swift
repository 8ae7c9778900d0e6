/// `--tls-cert FILE --tls-key FILE`: the board serves HTTPS with this certificate (chain, PEM)
/// and private key (PEM).
public struct BoardTLS: Sendable, Equatable {
    /// The certificate chain's PEM file.
    public var certificatePath: String
    /// The private key's PEM file.
    public var keyPath: String

    /// Creates the pair.
    public init(certificatePath: String, keyPath: String) {
        self.certificatePath = certificatePath
        self.keyPath = keyPath
    }

    /// Reads both files as the server will; throws what is wrong with them.
    public func validate() throws(BoardTLSError) {
        _ = try BoardTLSConfiguration.make(self)
    }
}
