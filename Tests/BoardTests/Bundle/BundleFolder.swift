import Foundation
import Workflow

/// A workshop folder for the bundle's tests: a runbook of `exec:` steps and a few files, in a
/// fresh temporary folder that the caller removes.
struct BundleFolder {
    /// The folder.
    let url: URL

    /// A folder with `workshop.yaml`, `src/app.py`, and `extra` files (path → content).
    init(extra: [String: String] = [:]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-bundle-\(UUID().uuidString.prefix(8))")
        try write("workshop.yaml", "runbook: 1\ntitle: \"2 - Web app\"\nsteps:\n  - id: hello\n    exec: [echo, hello]\n")
        try write("src/app.py", "print('hello')\n")
        for (path, content) in extra { try write(path, content) }
    }

    /// Writes `content` at `path` (folders made).
    func write(_ path: String, _ content: String) throws {
        let file = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(content.utf8).write(to: file)
    }

    /// The loaded runbook.
    func runbook() throws -> Runbook {
        guard let runbook = RunbookLoader().load(path: url.appendingPathComponent("workshop.yaml").path).runbook else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return runbook
    }

    /// Removes the folder.
    func remove() { try? FileManager.default.removeItem(at: url) }

    /// A fresh empty folder beside it, for unpacking.
    static func empty() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-unpack-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Every path below `url`, relative and sorted (hidden ones too).
    static func listing(_ url: URL) -> [String] {
        (FileManager.default.enumerator(atPath: url.path)?.compactMap { $0 as? String } ?? []).sorted()
    }
}
