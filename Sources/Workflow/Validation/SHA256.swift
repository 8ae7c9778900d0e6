import Crypto

/// SHA-256 digests as lowercase hex, for identifying a runbook's exact contents.
enum SHA256 {
    /// The hex digest of `bytes`.
    static func hex(of bytes: [UInt8]) -> String {
        Crypto.SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
