import Foundation
import Testing

/// The engine knows kinds only through its protocols (issue 9): nothing in Sources/Workflow names Docker.
@Suite("Layering")
struct LayeringTests {
    /// The repository's root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("no source file of Workflow mentions docker")
    func workflowKnowsNoDocker() throws {
        let folder = Self.root.appendingPathComponent("Sources/Workflow")
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        #expect(files.count > 100, "Sources/Workflow was not found at \(folder.path)")
        let mentions = try files.filter { name in
            try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).lowercased().contains("docker")
        }
        #expect(mentions.isEmpty, "these files of Sources/Workflow mention docker: \(mentions.sorted())")
    }
}
