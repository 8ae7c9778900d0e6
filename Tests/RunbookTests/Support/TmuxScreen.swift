import Foundation
import ProcessHarness
import Testing

/// A program running in a detached tmux session of its own (its own tmux server, 80×24 by
/// default), driven with `send-keys` and read with `capture-pane`: how a person at a terminal
/// sees it. Used by the `runbook guide` tests.
final class TmuxScreen {
    /// The tmux server's socket name (`tmux -L`), private to this screen.
    let socket: String
    private let session = "main"

    /// Whether tmux is installed.
    static let isAvailable: Bool = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/tmux") }
    }()

    /// Starts `arguments` (argv, quoted for the shell here) in `directory` with extra environment
    /// variables; when it ends, the pane shows `EXIT=<status>` and stays open.
    init(_ arguments: [String], in directory: URL, environment: [String: String] = [:], columns: Int = 80, rows: Int = 24) async throws {
        socket = "runbook-test-\(UUID().uuidString.prefix(8))"
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }
        let command =
            "cd \(Self.quote(directory.path)) && env \(assignments.joined(separator: " ")) "
            + arguments.map(Self.quote).joined(separator: " ") + "; echo \"EXIT=$?\"; sleep 600"
        try await tmux(["new-session", "-d", "-s", session, "-x", "\(columns)", "-y", "\(rows)", command])
    }

    deinit {
        // A deinit cannot wait: the server is killed and its client reaped in the background.
        (try? ChildProcess.spawn("tmux", ["-L", socket, "-f", "/dev/null", "kill-server"]))?.reapInBackground()
    }

    /// The visible screen now, one string with a newline after each row.
    func capture() async -> String {
        (try? await tmux(["capture-pane", "-p", "-t", session])) ?? ""
    }

    /// Sends keys as tmux names them: `Enter`, `C-c`, `q`…
    func send(_ keys: String...) async throws {
        try await tmux(["send-keys", "-t", session] + keys)
    }

    /// Resizes the window, as a person resizing their terminal.
    func resize(columns: Int, rows: Int) async throws {
        try await tmux(["resize-window", "-t", session, "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// Types text literally.
    func type(_ text: String) async throws {
        try await tmux(["send-keys", "-t", session, "-l", text])
    }

    /// Waits until the screen shows every one of `texts`, polling until `timeout`; returns the
    /// screen then. On a timeout the test fails with the screen as it was.
    @discardableResult
    func waitFor(_ texts: String..., timeout: Duration = .seconds(20), sourceLocation: SourceLocation = #_sourceLocation) async throws
        -> String
    {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var screen = await capture()
        while !texts.allSatisfy(screen.contains) {
            guard clock.now < deadline else {
                Issue.record("the screen never showed \(texts.filter { !screen.contains($0) }):\n\(screen)", sourceLocation: sourceLocation)
                throw TimedOut()
            }
            try await Task.sleep(for: .milliseconds(50))
            screen = await capture()
        }
        return screen
    }

    /// Waits for the program's end; returns its exit status.
    func waitForExit(timeout: Duration = .seconds(30), sourceLocation: SourceLocation = #_sourceLocation) async throws -> Int32 {
        let screen = try await waitFor("EXIT=", timeout: timeout, sourceLocation: sourceLocation)
        let line = screen.split(separator: "\n").last { $0.hasPrefix("EXIT=") } ?? ""
        return Int32(line.dropFirst("EXIT=".count).trimmingCharacters(in: .whitespaces)) ?? -1
    }

    /// A wait that ended before the screen showed what was awaited.
    struct TimedOut: Error {}

    /// Runs a tmux client command and waits for that one child (the harness waits for the client's
    /// pid, not for its pipes: the daemonized server inherits descriptors of its own); its output
    /// goes through a file.
    @discardableResult
    private func tmux(_ arguments: [String]) async throws -> String {
        let outcome = try await ChildProcess.run("tmux", ["-L", socket, "-f", "/dev/null"] + arguments)
        guard outcome.status == 0 else { throw Failure(command: arguments.first ?? "", status: outcome.status) }
        return outcome.stdout
    }

    /// A tmux command that did not succeed.
    struct Failure: Error, CustomStringConvertible {
        /// The tmux command (`new-session`, `send-keys`…).
        var command: String
        /// Its exit status.
        var status: Int32

        var description: String { "tmux \(command) failed (status \(status))" }
    }

    /// Single-quotes a word for the shell.
    static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
