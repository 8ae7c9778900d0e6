import Foundation
import ProcessHarness

/// The project's HTTP test server (Tests/Shared/http-test-server.py) on a free loopback port,
/// stopped when this object goes away (and by itself if the test process dies first).
final class HTTPTestServer: @unchecked Sendable {
    /// A server that did not say which port it listens on.
    struct StartError: Error, CustomStringConvertible {
        var description: String
    }

    /// The server script, found from this file's place in the source tree.
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Shared/http-test-server.py")

    /// The server's process.
    let child: ChildProcess
    /// The port it listens on (127.0.0.1).
    let port: Int
    private let folder: URL

    /// Starts a server; `arguments` are passed on (e.g. `--tls CERT KEY`).
    init(_ arguments: [String] = []) async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("http-test-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let portFile = folder.appendingPathComponent("port")
        let options = ["--port-file", portFile.path, "--exit-with-parent", "--lifetime", "300"]
        child = try ChildProcess.spawn("python3", [Self.script.path] + options + arguments)
        var found: Int?
        // The script writes the file atomically once it listens; give up if it dies first.
        while found == nil {
            if let text = try? String(contentsOf: portFile, encoding: .utf8) {
                found = Int(text)
            } else if !child.isRunning {
                throw StartError(description: "the HTTP test server ended before it listened")
            } else {
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        port = found ?? 0
    }

    deinit {
        child.signal(SIGTERM)
        child.reapInBackground()
        try? FileManager.default.removeItem(at: folder)
    }

    /// `http://127.0.0.1:PORT` followed by `path`.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// A loopback port nobody listens on (just released by the kernel).
    static func closedPort() -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
