import Steps
import Workflow

/// Loads a runbook for a command, printing its warnings; its errors end the command with exit status 2.
enum RunbookFileLoader {
    /// The valid runbook at `path`; warnings are printed, errors become the command's failure.
    static func load(
        _ path: String, output: OutputOptions, registry: KindRegistry = StandardKinds.registry, remoteEngines: Bool = false,
        transports: Set<String> = []
    ) throws(CommandFailure) -> Runbook {
        var loader = RunbookLoader(registry: registry, remoteEngines: remoteEngines)
        loader.transports = transports
        let result = loader.load(path: path)
        let printer = DiagnosticPrinter(sources: [result.source], colored: output.colored(for: 2))
        guard let runbook = result.runbook else {
            let count = result.diagnostics.filter { $0.severity == .error }.count
            throw CommandFailure(text: printer.render(result.diagnostics) + "\(path): \(count) error\(count == 1 ? "" : "s")\n", status: 2)
        }
        if !result.diagnostics.isEmpty { StandardStreams.err(printer.render(result.diagnostics)) }
        return runbook
    }
}
