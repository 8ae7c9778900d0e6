import Foundation
import Workflow

/// A board's join URL as `serve` prints it: `http://HOST:PORT/join/CODE` (SPEC 7).
public struct JoinURL: Sendable, Hashable, CustomStringConvertible {
    /// `http://HOST:PORT`, where the API lives.
    public var origin: String
    /// The class code.
    public var code: String

    /// Why a join URL is not one.
    public struct Invalid: Error, CustomStringConvertible, Sendable {
        /// What is wrong.
        public var description: String
    }

    /// Parses `text`.
    public init(_ text: String) throws(Invalid) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty
        else { throw Invalid(description: "\(text) is not a join URL (http://HOST:PORT/join/CODE, as runbook serve prints it)") }
        let parts = components.path.split(separator: "/")
        guard parts.count == 2, parts[0] == "join", ClassCode.isValid(String(parts[1])) else {
            throw Invalid(description: "\(text) is not a join URL: its path must be /join/CODE")
        }
        let hostPart = host.contains(":") ? "[\(host)]" : host
        origin = "\(scheme)://\(hostPart)\(components.port.map { ":\($0)" } ?? "")"
        code = String(parts[1])
    }

    /// The URL as `serve` printed it.
    public var description: String { "\(origin)/join/\(code)" }

    /// A short stable name of the board, for its outbox folder.
    var key: String {
        SHA256.hash(data: Array(description.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
    }
}
