import Foundation
import Workflow

/// Makes and checks the board's bearer tokens: HMAC-SHA256 with the store's secret over the
/// learner's id (`l.ID.MAC`) or over the instructor's role (`i.MAC`). Nothing is kept per token,
/// so a restarted server with the same store accepts the same tokens.
public struct TokenSigner: Sendable {
    private let secret: [UInt8]

    /// A signer with the store's secret.
    public init(secret: [UInt8]) {
        self.secret = secret
    }

    /// The token of learner `id`: it may push to that learner's journal only.
    public func learnerToken(_ id: String) -> String {
        "l.\(id).\(mac(Self.learnerMessage(id)))"
    }

    /// The instructor's token: the board, its events, matrix and exports.
    public var instructorToken: String {
        "i.\(mac(Self.instructorMessage))"
    }

    /// The learner a valid learner token names; nil for anything else.
    public func learner(of token: String) -> String? {
        guard token.hasPrefix("l."), let dot = token.lastIndex(of: "."), dot > token.index(token.startIndex, offsetBy: 1) else {
            return nil
        }
        let id = String(token[token.index(token.startIndex, offsetBy: 2)..<dot])
        guard !id.isEmpty, verify(String(token[token.index(after: dot)...]), Self.learnerMessage(id)) else { return nil }
        return id
    }

    /// True for the instructor's token.
    public func isInstructor(_ token: String) -> Bool {
        guard token.hasPrefix("i.") else { return false }
        return verify(String(token.dropFirst(2)), Self.instructorMessage)
    }

    private static func learnerMessage(_ id: String) -> [UInt8] { Array("runbook-board learner\n\(id)".utf8) }
    private static let instructorMessage = Array("runbook-board instructor".utf8)

    private func mac(_ message: [UInt8]) -> String {
        Base64URL.encode(HMACSHA256.code(for: message, key: secret))
    }

    /// Compares in constant time.
    private func verify(_ text: String, _ message: [UInt8]) -> Bool {
        guard let code = Base64URL.decode(text), code.count == SHA256.byteCount else { return false }
        return HMACSHA256.isValid(code, for: message, key: secret)
    }
}
