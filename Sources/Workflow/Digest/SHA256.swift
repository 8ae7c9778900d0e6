internal import CSSL

/// SHA-256 from the system's libcrypto: whole buffers, hex for identifying a runbook's exact
/// contents, and a `Hasher` for data that arrives in pieces (a downloaded bundle).
public enum SHA256 {
    /// The digest's length in bytes.
    public static let byteCount = 32

    /// The digest of `data`.
    public static func hash(data: [UInt8]) -> [UInt8] {
        var hasher = Hasher()
        hasher.update(data)
        return hasher.finalize()
    }

    /// The lowercase hex digest of `bytes`.
    public static func hex(of bytes: [UInt8]) -> String {
        hex(digest: hash(data: bytes))
    }

    /// `digest` as lowercase hex.
    public static func hex(digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(digest.count * 2)
        for byte in digest {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A digest computed piece by piece; `finalize()` ends it.
    public struct Hasher: ~Copyable {
        /// libcrypto's context, freed in `deinit`.
        private let context: OpaquePointer?

        /// A fresh digest.
        public init() {
            context = EVP_MD_CTX_new()
            // Only allocation can fail here; then `finalize()` gives an empty digest, which matches nothing.
            _ = EVP_DigestInit_ex(context, EVP_sha256(), nil)
        }

        deinit { EVP_MD_CTX_free(context) }

        /// Adds `bytes`.
        public mutating func update(_ bytes: [UInt8]) {
            bytes.withUnsafeBytes { buffer in _ = EVP_DigestUpdate(context, buffer.baseAddress, buffer.count) }
        }

        /// Adds the bytes of `buffer`.
        public mutating func update(_ buffer: UnsafeRawBufferPointer) {
            _ = EVP_DigestUpdate(context, buffer.baseAddress, buffer.count)
        }

        /// The digest of everything added.
        public consuming func finalize() -> [UInt8] {
            var digest = [UInt8](repeating: 0, count: SHA256.byteCount)
            var length: UInt32 = 0
            let done = digest.withUnsafeMutableBufferPointer { EVP_DigestFinal_ex(context, $0.baseAddress, &length) }
            return done == 1 ? Array(digest.prefix(Int(length))) : []
        }
    }
}
