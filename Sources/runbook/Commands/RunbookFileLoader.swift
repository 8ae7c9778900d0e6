import ArgumentParser
import Steps
import Workflow

/// Loads a runbook for a command, printing its diagnostics; throws exit status 2 when it is invalid.
enum RunbookFileLoader {
    /// The valid runbook at `path`; warnings are printed, errors printed and turned into exit 2.
    static func load(_ path: String, output: OutputOptions, remoteEngines: Bool = false) throws -> Runbook {
        let result = RunbookLoader(linters: DockerCommandLinter.all, remoteEngines: remoteEngines).load(path: path)
        let printer = DiagnosticPrinter(sources: [result.source], colored: output.colored(for: 2))
        if !result.diagnostics.isEmpty { StandardStreams.err(printer.render(result.diagnostics)) }
        guard let runbook = result.runbook else {
            let count = result.diagnostics.filter { $0.severity == .error }.count
            StandardStreams.err("\(path): \(count) error\(count == 1 ? "" : "s")\n")
            throw ExitCode(2)
        }
        return runbook
    }
}
