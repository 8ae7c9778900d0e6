import Foundation
import Testing

/// A `runbook serve` of the built binary, for end-to-end tests: started, its two lines read
/// (`board: …?token=T`, `join: …/join/CODE`), stopped with a signal.
final class ServeProcess {
    /// The process.
    let running: RunbookBinary.Running
    /// The `board:` URL (with the instructor's token).
    let boardURL: String
    /// The `join:` URL.
    let joinURL: String

    /// `http://HOST:PORT`.
    var origin: String { String(joinURL[..<joinURL.range(of: "/join/")!.lowerBound]) }
    /// The instructor's token.
    var token: String { String(boardURL[boardURL.range(of: "?token=")!.upperBound...]) }
    /// The class code.
    var code: String { String(joinURL[joinURL.range(of: "/join/")!.upperBound...]) }

    /// A serve that did not print its lines.
    struct NoLines: Error, CustomStringConvertible {
        /// What it printed instead.
        var description: String
    }

    /// Starts `runbook serve ARGUMENTS…` in `directory` and waits (up to 30 s) for its two lines.
    init(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) async throws {
        running = try RunbookBinary.start(["serve"] + arguments, in: directory, environment: environment)
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(30)
        var lines: [String] = []
        while lines.count < 2 {
            let text = (try? String(contentsOf: running.outURL, encoding: .utf8)) ?? ""
            lines = text.split(separator: "\n").map(String.init)
            if lines.count >= 2 { break }
            guard running.isRunning, clock.now < deadline else {
                let errors = (try? String(contentsOf: running.errURL, encoding: .utf8)) ?? ""
                kill(running.pid, SIGKILL)
                _ = await running.finish()
                throw NoLines(description: "runbook serve printed \(lines) and \(errors)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        guard lines[0].hasPrefix("board: http"), lines[1].hasPrefix("join: http") else { throw NoLines(description: "\(lines)") }
        boardURL = String(lines[0].dropFirst("board: ".count))
        joinURL = String(lines[1].dropFirst("join: ".count))
    }

    /// What it printed on stderr so far.
    var errors: String { (try? String(contentsOf: running.errURL, encoding: .utf8)) ?? "" }

    /// Sends `signal` and waits for the end.
    @discardableResult
    func stop(_ signal: Int32 = SIGTERM) async -> RunbookBinary.Outcome {
        kill(running.pid, signal)
        return await running.finish()
    }

    /// Sends SIGTERM and reaps the server in the background (for a `defer`, which cannot wait).
    func stopInBackground() {
        kill(running.pid, SIGTERM)
        running.child.reapInBackground()
    }

    /// `GET /api/v1/matrix` as JSON.
    func matrix() async throws -> [String: Any] {
        try await Curl.get("\(origin)/api/v1/matrix", bearer: token).json
    }

    /// `learner → step → status` from the matrix.
    func statuses() async throws -> [String: [String: String]] {
        var statuses: [String: [String: String]] = [:]
        for row in try await matrix()["learners"] as? [[String: Any]] ?? [] {
            let cells = row["steps"] as? [String: [String: Any]] ?? [:]
            statuses[row["id"] as? String ?? "?"] = cells.mapValues { $0["status"] as? String ?? "?" }
        }
        return statuses
    }

    /// A free port on 127.0.0.1, for a serve restarted on the same join URL.
    static func freePort() -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
