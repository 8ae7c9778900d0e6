import NIOSSL

/// The server's TLS configuration from `--tls-cert`/`--tls-key` (NIOSSL, through HummingbirdTLS).
enum BoardTLSConfiguration {
    /// A TLS configuration serving the certificate chain and key of `tls`; throws a readable error.
    static func make(_ tls: BoardTLS) throws(BoardTLSError) -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(tls.certificatePath)
        } catch {
            throw BoardTLSError(description: "--tls-cert \(tls.certificatePath): not a PEM certificate (\(error))")
        }
        guard !chain.isEmpty else { throw BoardTLSError(description: "--tls-cert \(tls.certificatePath): no certificate in it") }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: tls.keyPath, format: .pem)
        } catch {
            throw BoardTLSError(description: "--tls-key \(tls.keyPath): not a PEM private key (\(error))")
        }
        return TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
    }
}
