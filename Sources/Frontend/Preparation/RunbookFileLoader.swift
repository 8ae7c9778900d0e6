import Steps
import Workflow

/// Loads a runbook for a command, printing its warnings; its errors end the command with exit status 2.
public enum RunbookFileLoader {
    /// The valid runbook at `path`; warnings are printed, errors become the command's failure.
    public static func load(
        _ path: String, output: OutputSettings, registry: KindRegistry, remoteEngines: Bool = false, transports: Set<String> = []
    ) throws(CommandFailure) -> Runbook {
        var loader = RunbookLoader(registry: registry, remoteEngines: remoteEngines)
        loader.transports = transports
        let result = loader.load(path: path)
        let colored = output.colored(for: 2)
        guard let runbook = result.runbook else {
            let count = result.diagnostics.filter { $0.severity == .error }.count
            throw CommandFailure(
                diagnostics: result.diagnostics, sources: [result.source], messages: ["\(path): \(count) error\(count == 1 ? "" : "s")"],
                status: 2, colored: colored)
        }
        // Warnings do not stop the command: printed now, in the diagnostics' own shape.
        if !result.diagnostics.isEmpty {
            StandardStreams.err(DiagnosticPrinter(sources: [result.source], colored: colored).render(result.diagnostics))
        }
        return runbook
    }
}
