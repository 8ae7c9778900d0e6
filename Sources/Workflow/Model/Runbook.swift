import Foundation

/// A decoded and validated runbook file (SPEC 1).
public struct Runbook: Sendable {
    /// The path as the user named it.
    public var path: String
    /// The absolute folder holding the file.
    public var directory: String
    /// SHA-256 of the file's bytes, hex.
    public var sha256: String
    /// Format version (only 1 exists).
    public var version: Int
    /// Optional title.
    public var title: String?
    /// Optional description.
    public var description: String?
    /// Absolute path of the module folder (`${module}`), default the runbook's folder.
    public var module: String
    /// Declared vars, in order.
    public var vars: [VariableDeclaration]
    /// Names of vars or env vars whose values are redacted.
    public var secrets: [String]
    /// Step defaults.
    public var defaults: StepDefaults
    /// The steps, in file order.
    public var steps: [Step]
    /// Items run at the end of `run`.
    public var cleanup: [Probe]
    /// The last part of `module:` when the runbook names one.
    public var moduleFolderName: String?

    /// Creates a runbook.
    public init(
        path: String, directory: String, sha256: String, version: Int, title: String?, description: String?, module: String,
        vars: [VariableDeclaration], secrets: [String], defaults: StepDefaults, steps: [Step], cleanup: [Probe]
    ) {
        self.path = path
        self.directory = directory
        self.sha256 = sha256
        self.version = version
        self.title = title
        self.description = description
        self.module = module
        self.vars = vars
        self.secrets = secrets
        self.defaults = defaults
        self.steps = steps
        self.cleanup = cleanup
    }

    /// The module's id (SPEC 6.11): the last part of `module:`, else the runbook's file name without
    /// its extension — stable across edits of the file; labels and project names carry it.
    public var moduleId: String {
        if let moduleFolderName, !moduleFolderName.isEmpty { return moduleFolderName }
        return URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
    }

    /// The step with `id`, if any.
    public func step(_ id: String) -> Step? { steps.first { $0.id == id } }

    /// The backend families that some step, probe or cleanup item needs, in first-use order.
    public var backends: [String] {
        var seen: [String] = []
        for command in steps.flatMap({ [$0.command] + $0.verify.map(\.command) }) + cleanup.map(\.command) {
            if let backend = command.backend, !seen.contains(backend) { seen.append(backend) }
        }
        return seen
    }
}
