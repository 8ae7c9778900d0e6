import Foundation
import Workflow

/// What an `http:` request's parts must look like: URLs, header names and values, checked when the
/// runbook is read (literal text) and again when the step runs (substituted text).
enum HTTPSyntax {
    /// The schemes a request may use.
    static let schemes = ["http", "https"]

    /// Whether `name` is an HTTP token (RFC 9110 `tchar`s), the only form a header name may take.
    static func isToken(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { isAlphanumeric($0) || "!#$%&'*+-.^_`|~".unicodeScalars.contains($0) }
    }

    /// An ASCII letter or digit.
    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
    }

    /// Why a URL as written cannot be right, judged on the text before its first `${…}`: the
    /// scheme must be `http://` or `https://` and a URL without references must have a host.
    static func problem(withWritten url: Template) -> String? {
        var leading = ""
        for part in url.parts {
            guard case .literal(let text) = part else { break }
            leading += text
        }
        if url.isLiteral { return problem(with: leading) }
        let lowered = leading.lowercased()
        if leading.isEmpty || schemes.contains(where: { "\($0)://".hasPrefix(lowered) || lowered.hasPrefix("\($0)://") }) { return nil }
        return "`http:` needs an http:// or https:// URL, found '\(url.raw)'" + hint(for: url.raw)
    }

    /// Why a substituted URL cannot be requested, or nil when it can.
    static func problem(with url: String) -> String? {
        let lowered = url.lowercased()
        guard schemes.contains(where: { lowered.hasPrefix("\($0)://") }) else {
            return "`http:` needs an http:// or https:// URL, found '\(url)'" + hint(for: url)
        }
        guard let parsed = URL(string: url) else { return "'\(url)' is not a valid URL" }
        guard let host = parsed.host, !host.isEmpty else { return "the URL '\(url)' names no host" }
        return nil
    }

    /// Why a header value cannot be sent (a line break would start another header), or nil.
    static func problem(withHeaderValue value: String, name: String) -> String? {
        value.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) ? "header \(name): the value must be one line" : nil
    }

    /// "; did you mean 'http://localhost:8080/'?" for a URL written without its scheme.
    private static func hint(for text: String) -> String {
        guard !text.contains("://"), let first = text.unicodeScalars.first, isAlphanumeric(first) else { return "" }
        return "; did you mean 'http://\(text)'?"
    }
}
