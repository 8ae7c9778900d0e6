import Hummingbird

/// Reads a request's whole body, refusing more than a limit before reading it when the
/// Content-Length says so.
enum RequestBodyReader {
    /// The whole body when it is at most `limit` bytes; nil when it is larger.
    static func body(of request: Request, limit: Int) async -> [UInt8]? {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { return nil }
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch {
            return nil
        }
    }
}
