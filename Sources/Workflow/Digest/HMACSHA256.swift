internal import CSSL

/// HMAC-SHA256 from the system's libcrypto (the board's bearer tokens).
public enum HMACSHA256 {
    /// The authentication code of `message` under `key`.
    public static func code(for message: [UInt8], key: [UInt8]) -> [UInt8] {
        var code = [UInt8](repeating: 0, count: SHA256.byteCount)
        var length: UInt32 = 0
        let made = key.withUnsafeBytes { keyBytes in
            message.withUnsafeBytes { messageBytes in
                code.withUnsafeMutableBufferPointer { output in
                    HMAC(
                        EVP_sha256(), keyBytes.baseAddress, Int32(keyBytes.count),
                        messageBytes.baseAddress?.assumingMemoryBound(to: UInt8.self),
                        messageBytes.count, output.baseAddress, &length)
                }
            }
        }
        return made == nil ? [] : Array(code.prefix(Int(length)))
    }

    /// Whether `code` authenticates `message` under `key`, compared in constant time.
    public static func isValid(_ code: [UInt8], for message: [UInt8], key: [UInt8]) -> Bool {
        let expected = Self.code(for: message, key: key)
        guard !expected.isEmpty, expected.count == code.count else { return false }
        return expected.withUnsafeBytes { left in
            code.withUnsafeBytes { right in CRYPTO_memcmp(left.baseAddress, right.baseAddress, left.count) }
        } == 0
    }
}
