import ArgumentParser
import Steps
import Workflow

/// A subcommand that needs the kinds: `RunbookCommand.main()` makes the one registry at start-up
/// and hands it to `run(kinds:)`, so that every backend's caches live once per process.
protocol KindsCommand: AsyncParsableCommand {
    /// Runs with the process's registry of every kind and backend.
    func run(kinds: KindRegistry) async throws
}

extension KindsCommand {
    /// argument-parser's entry point, for a command run other than by `RunbookCommand.main()`
    /// (which calls `run(kinds:)`): it makes a registry of its own.
    func run() async throws {
        try await run(kinds: StandardKinds.make())
    }
}
