import Foundation
import Hummingbird
import Workflow

/// The board's responses: JSON, errors as `{"error": …}`, pages; none cached, none sniffed, no referrer
/// (the instructor's token sits in the page's URL).
enum BoardResponse {
    /// An error's body: what is wrong, the body line at fault, the learner's highest stored seq.
    struct Failure: Encodable {
        /// What is wrong.
        var error: String
        /// The line of the body at fault.
        var line: Int?
        /// The highest contiguous seq stored, for a 409.
        var acked: Int?
    }

    /// `value` as JSON.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONEncoder.runbook.encode(value)) ?? Data("{}".utf8)
        return text(String(decoding: data, as: UTF8.self), type: "application/json", status: status)
    }

    /// An error with `message`.
    static func error(_ status: HTTPResponse.Status, _ message: String, line: Int? = nil, acked: Int? = nil) -> Response {
        json(Failure(error: message, line: line, acked: acked), status: status)
    }

    /// The response of a refused batch: 400, 409 or 503.
    static func rejection(_ rejection: BatchRejection) -> Response {
        let status: HTTPResponse.Status =
            switch rejection.kind {
            case .invalid: .badRequest
            case .conflict: .conflict
            case .storage: .serviceUnavailable
            }
        return error(status, rejection.message, line: rejection.line, acked: rejection.acked)
    }

    /// `body` with content type `type`.
    static func text(_ body: String, type: String, status: HTTPResponse.Status = .ok, extra: HTTPFields = [:]) -> Response {
        var headers = commonHeaders
        headers[.contentType] = type.contains("charset") || !type.hasPrefix("text/") ? type : type + "; charset=utf-8"
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    /// Headers every answer carries.
    static var commonHeaders: HTTPFields {
        var headers = HTTPFields()
        headers[.cacheControl] = "no-store"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        headers[.init("Referrer-Policy")!] = "no-referrer"
        return headers
    }
}
