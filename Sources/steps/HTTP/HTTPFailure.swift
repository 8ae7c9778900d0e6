import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import Workflow

/// Why a request got no (whole) response, in words a learner understands: a server that is not
/// up, a reset, a name that does not resolve, a TLS problem are the learner's (`failed`, so that
/// `retry` waits for them); a URL the client cannot use is the runbook's (`error`).
enum HTTPFailure {
    /// The problem `error` means for a request to `url`; `reading` when the response had begun.
    static func problem(_ error: any Error, url: String, reading: Bool = false) -> ActionOutcome.Problem {
        let prefix = reading ? "while reading the response: " : ""
        if let clientError = error as? HTTPClientError, let unusable = unusableURL(clientError) {
            return .error("\(unusable): \(url)")
        }
        return .failed(prefix + describe(error) + ": " + url)
    }

    /// A short description of a network error: "connection refused", "cannot resolve host example.invalid".
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as NIOConnectionError:
            if let failure = error.connectionErrors.first { return describe(failure.error) }
            if error.dnsAError != nil || error.dnsAAAAError != nil { return "cannot resolve host \(error.host)" }
            return "cannot connect to \(error.host):\(error.port)"
        case let error as IOError:
            return describe(errno: error.errnoCode) ?? "network error: \(error.description)"
        case let error as HTTPClientError:
            return describe(error)
        case let error as ChannelError:
            return describe(error)
        case let error as NIOSSLError:
            return tls(String(describing: error))
        case let error as BoringSSLError:
            return tls(String(describing: error))
        case is CancellationError:
            return "cancelled"
        default:
            return "request failed: \(String(describing: error))"
        }
    }

    private static func describe(_ error: ChannelError) -> String {
        switch error {
        case .connectTimeout: "connection timed out"
        case .eof, .ioOnClosedChannel, .alreadyClosed, .inputClosed, .outputClosed: "the server closed the connection"
        default: "network error: \(error)"
        }
    }

    private static func describe(_ error: HTTPClientError) -> String {
        switch error {
        case .connectTimeout: "connection timed out"
        case .tlsHandshakeTimeout: "TLS handshake timed out"
        case .remoteConnectionClosed: "the server closed the connection"
        case .readTimeout: "the server stopped answering"
        case .redirectLimitReached, .redirectCycleDetected: "more than \(HTTPClients.redirectLimit) redirects"
        case .cancelled: "cancelled"
        default: "request failed: \(error.description)"
        }
    }

    private static func describe(errno code: Int32) -> String? {
        switch code {
        case ECONNREFUSED: "connection refused"
        case ECONNRESET, EPIPE: "connection reset"
        case ETIMEDOUT: "connection timed out"
        case EHOSTUNREACH: "host unreachable"
        case ENETUNREACH: "network unreachable"
        default: nil
        }
    }

    /// "TLS handshake failed: …", with what to do about a certificate that is not trusted.
    private static func tls(_ detail: String) -> String {
        let untrusted = detail.contains("CERTIFICATE_VERIFY_FAILED") || detail.lowercased().contains("certificate verify failed")
        guard untrusted else { return "TLS handshake failed: \(detail)" }
        return "TLS handshake failed: the server's certificate is not trusted (`insecure: true` skips the check)"
    }

    /// What is wrong with the URL when the client refuses it before connecting, else nil.
    private static func unusableURL(_ error: HTTPClientError) -> String? {
        switch error {
        case .invalidURL: "not a valid URL"
        case .emptyHost: "the URL names no host"
        case .emptyScheme: "the URL has no scheme"
        default: error.description.hasPrefix("HTTPClientError.unsupportedScheme") ? "not an http(s) URL" : nil
        }
    }
}
