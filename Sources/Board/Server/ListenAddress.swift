/// `--listen HOST:PORT` (`127.0.0.1:8080`, `0.0.0.0:8080`, `[::1]:8080`; port 0 lets the system pick).
public struct ListenAddress: Sendable, Equatable {
    /// The address, without brackets.
    public var host: String
    /// The port.
    public var port: Int

    /// Why an address is not one.
    public struct Invalid: Error, CustomStringConvertible, Sendable {
        /// What is wrong.
        public var description: String
    }

    /// Parses `text`.
    public init(_ text: String) throws(Invalid) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            throw Invalid(description: "--listen \(text): expected HOST:PORT, e.g. 127.0.0.1:8080 or 0.0.0.0:8080")
        }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, !host.contains(where: { $0 == "/" || $0 == " " || $0 == "[" || $0 == "]" }) else {
            throw Invalid(description: "--listen \(text): expected HOST:PORT, e.g. 127.0.0.1:8080 or 0.0.0.0:8080")
        }
        self.host = host
        self.port = port
    }

    /// The host as a URL writes it (IPv6 in brackets).
    public var urlHost: String { Self.urlHost(host) }

    /// True for `0.0.0.0` and `::`: every interface.
    public var listensEverywhere: Bool { host == "0.0.0.0" || host == "::" }

    /// `host` as a URL writes it (IPv6 in brackets).
    public static func urlHost(_ host: String) -> String { host.contains(":") ? "[\(host)]" : host }
}
