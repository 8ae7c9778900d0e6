import Foundation

/// Reads, decodes and validates a runbook file: the one entry point for every command.
public struct RunbookLoader: Sendable {
    /// The kinds a runbook may name, with their decoding and lints.
    public var registry: KindRegistry
    /// Whether the roster names a remote engine (enables the lints that care, e.g. about local paths).
    public var remoteEngines: Bool
    /// How the roster's learners reach their environments (`ssh`, `tcp`, `unix`), for the lints that care.
    public var transports: Set<String> = []

    /// Creates a loader for the kinds of `registry`.
    public init(registry: KindRegistry = .core, remoteEngines: Bool = false) {
        self.registry = registry
        self.remoteEngines = remoteEngines
    }

    /// Loads the file at `path`; the runbook is nil when there are errors, and diagnostics hold errors and warnings.
    public func load(path: String) -> RunbookLoadResult {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file"
            return RunbookLoadResult(
                runbook: nil, diagnostics: [.error("\(reason): \(path)", at: SourceLocation(file: path, line: 1, column: 1))],
                source: SourceFile(path: path, text: ""))
        }
        return load(bytes: [UInt8](data), path: path)
    }

    /// Loads a runbook from bytes read from `path`.
    public func load(bytes: [UInt8], path: String) -> RunbookLoadResult {
        let document = YAMLLoader().load(bytes: bytes, path: path)
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().standardizedFileURL.path
        var decoder = RunbookDecoder(path: path, directory: directory, registry: registry)
        decoder.reader.diagnostics = document.diagnostics
        decoder.reader.silenced = document.rejectedLocations
        let syntaxFailed = document.root == nil && !document.diagnostics.isEmpty
        var runbook = syntaxFailed ? nil : decoder.decode(document.root, sha256: SHA256.hex(of: bytes))
        var diagnostics = decoder.reader.diagnostics
        if let decoded = runbook {
            var validator = RunbookValidator(registry: registry, remoteEngines: remoteEngines)
            validator.transports = transports
            runbook = validator.validate(decoded, findings: decoder.reader.findings)
            diagnostics += validator.diagnostics
        }
        diagnostics = diagnostics.sortedByPosition()
        return RunbookLoadResult(runbook: diagnostics.containsErrors ? nil : runbook, diagnostics: diagnostics, source: document.source)
    }
}
