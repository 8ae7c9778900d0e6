import Foundation

/// HTTP for the board's end-to-end tests through curl, a client of its own.
enum Curl {
    /// A status and a body.
    struct Reply {
        /// The HTTP status (0 when curl got none).
        var status: Int
        /// The body as text.
        var body: String

        /// The body as JSON.
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.utf8))) as? [String: Any] ?? [:] }
    }

    /// `GET url`, optionally with a bearer token.
    static func get(_ url: String, bearer: String? = nil) async throws -> Reply {
        try await request(url, body: nil, bearer: bearer)
    }

    /// `POST url` with `body`, optionally with a bearer token.
    static func post(_ url: String, body: Data, bearer: String? = nil) async throws -> Reply {
        try await request(url, body: body, bearer: bearer)
    }

    private static func request(_ url: String, body: Data?, bearer: String?) async throws -> Reply {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("curl-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("body")
        var arguments = ["-sS", "--max-time", "20", "-o", output.path, "-w", "%{http_code}"]
        if let bearer { arguments += ["-H", "Authorization: Bearer \(bearer)"] }
        if let body {
            let input = scratch.appendingPathComponent("request")
            try body.write(to: input)
            arguments += ["-X", "POST", "-H", "Content-Type: application/x-ndjson", "--data-binary", "@\(input.path)"]
        }
        let result = try await ExternalTool.run("curl", arguments + [url])
        let status = Int(result.output.suffix(3)) ?? 0
        return Reply(status: status, body: (try? String(contentsOf: output, encoding: .utf8)) ?? "")
    }
}
