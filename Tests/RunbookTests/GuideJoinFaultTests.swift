import Foundation
import ProcessHarness
import Testing

/// Faults while the workshop is fetched (issue 20): Ctrl-C in the middle of a download, and a
/// disk that fills up while unpacking; each is one line, and nothing half-written stays behind.
@Suite("guide --join: a download cut short", .enabled(if: TmuxScreen.isAvailable))
struct GuideJoinFaultTests {
    /// A board stand-in that describes a bundle, then sends part of it and holds the connection.
    static let stalledBoard = """
        import http.server, json, sys, threading
        description = {"sha256": "ab" * 32, "runbookSha256": "cd" * 32, "runbookPath": "workshop.yaml", "folder": "stalled", "size": 1000000}
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                if self.path.endswith("/bundle.json"):
                    body = json.dumps(description).encode()
                    self.send_response(200); self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
                    return
                self.send_response(200); self.send_header("Content-Length", "1000000"); self.end_headers()
                self.wfile.write(b"\\x1f\\x8b" + b"x" * 5000); self.wfile.flush()
                threading.Event().wait(600)
            def log_message(self, *args): pass
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        print(server.server_address[1], flush=True)
        server.serve_forever()
        """

    @Test("Ctrl-C while the bundle downloads: exit 130, one line, the folder left as it was")
    func interruptedDownload() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("join-stalled")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let portFile = scratch.appendingPathComponent("port")
        let server = try ChildProcess.spawn(
            "/usr/bin/env", ["python3", "-c", Self.stalledBoard], in: scratch.path, environment: ProcessInfo.processInfo.environment,
            stdout: .file(portFile.path, append: false))
        defer {
            server.signal(SIGKILL)
            server.reapInBackground()
        }
        var port = ""
        for _ in 0..<200 where port.isEmpty {
            port = ((try? String(contentsOf: portFile, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if port.isEmpty { try await Task.sleep(for: .milliseconds(50)) }
        }
        try #require(!port.isEmpty, "the stand-in board did not start")
        let learner = scratch.appendingPathComponent("learner")
        try FileManager.default.createDirectory(at: learner, withIntermediateDirectories: true)
        let screen = try await TmuxScreen(
            [RunbookBinary.url.path, "guide", "--join", "http://127.0.0.1:\(port)/join/stalled-class", "--learner", "ada"], in: learner,
            environment: ["XDG_STATE_HOME": scratch.appendingPathComponent("state").path, "NO_COLOR": "1"])
        // The download is held by the server: the screen says it is fetching, and nothing else happens.
        try await screen.waitFor("fetching the workshop")
        try await screen.send("C-c")
        let shown = try await screen.waitFor("EXIT=130")
        let unwrapped = shown.replacingOccurrences(of: "\n", with: "")
        #expect(unwrapped.contains("interrupted while downloading the workshop; nothing was written"), "\(shown)")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: learner.path)) ?? ["?"]).isEmpty)
    }
}
