import Foundation

/// `runbook record`'s session: picks the shell, writes its hooks into a temporary folder, runs it
/// in a pseudo-terminal on a thread of its own (the session blocks while the person works) and
/// hands back the recorded commands.
public enum ShellRecording {
    /// The shell to record: `requested`, else the one `$SHELL` names when it is bash or zsh, else bash.
    public static func shell(requested: ShellIntegration.Shell?, environment: [String: String]) -> ShellIntegration.Shell {
        if let requested { return requested }
        let name = ((environment["SHELL"] ?? "") as NSString).lastPathComponent
        return ShellIntegration.Shell(rawValue: name) ?? .bash
    }

    /// The shell's executable: `$SHELL` when it is that shell, else the first on `PATH`.
    public static func executable(of shell: ShellIntegration.Shell, environment: [String: String]) -> String? {
        if let path = environment["SHELL"], (path as NSString).lastPathComponent == shell.rawValue,
            FileManager.default.isExecutableFile(atPath: path)
        {
            return path
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/\(shell.rawValue)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Records `shell` until it exits; `ended` is called with each command as it ends (on the
    /// session's thread).
    public static func record(
        _ shell: ShellIntegration.Shell, environment: [String: String], ended: @escaping @Sendable (RecordedCommand) -> Void
    ) async throws -> [RecordedCommand] {
        guard let executable = executable(of: shell, environment: environment) else {
            throw ShellSession.Failure(description: "no \(shell.rawValue) on PATH")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-record-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let integration = try ShellIntegration(shell: shell, folder: folder)
        let arguments = integration.arguments
        let variables = integration.environment(environment)
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do {
                    continuation.resume(
                        returning: try ShellSession.run(
                            executable: executable, arguments: arguments, environment: variables, ended: ended))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.start()
        }
    }
}
