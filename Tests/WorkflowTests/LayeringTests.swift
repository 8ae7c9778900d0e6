import Foundation
import Testing

/// The engine knows kinds only through its protocols (issue 9): nothing in Sources/Workflow names
/// Docker. Docker logic lives in Steps (issue 19): the executable, the command-line libraries, the
/// guide and authoring hold no Docker type, no docker flag table and no docker subcommand name
/// (help text and messages may name docker).
@Suite("Layering")
struct LayeringTests {
    /// The repository's root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The Swift files under `folder` (relative to the root), by path relative to that folder.
    static func swiftFiles(_ folder: String) throws -> [String] {
        let url = root.appendingPathComponent(folder)
        return try #require(FileManager.default.enumerator(atPath: url.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
    }

    @Test("no source file of Workflow mentions docker")
    func workflowKnowsNoDocker() throws {
        let folder = Self.root.appendingPathComponent("Sources/Workflow")
        let files = try Self.swiftFiles("Sources/Workflow")
        #expect(files.count > 100, "Sources/Workflow was not found at \(folder.path)")
        let mentions = try files.filter { name in
            try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).lowercased().contains("docker")
        }
        #expect(mentions.isEmpty, "these files of Sources/Workflow mention docker: \(mentions.sorted())")
    }

    @Test(
        "no Docker logic in the executable, the guide, authoring or what the commands share",
        arguments: [
            "Sources/runbook", "Sources/Authoring", "Sources/Guide", "Sources/Frontend",
        ])
    func noDockerLogicOutsideSteps(_ folder: String) throws {
        let files = try Self.swiftFiles(folder)
        #expect(!files.isEmpty, "\(folder) was not found")
        var findings: [String] = []
        for name in files {
            let text = try String(contentsOf: Self.root.appendingPathComponent(folder).appendingPathComponent(name), encoding: .utf8)
            findings += DockerLogicScanner.findings(in: text).map { "\(folder)/\(name): \($0)" }
        }
        #expect(findings.isEmpty, "Docker logic outside Steps:\n\(findings.joined(separator: "\n"))")
    }

    @Test("the scanner finds Docker types, flag tables and subcommand names, and lets help text and comments name docker")
    func scannerFindsDockerLogic() {
        let logic = #"""
            let shape = DockerArguments(words)
            let flags: Set<String> = ["--name", "-it"]
            if words[1] == "build" { }
            """#
        #expect(
            DockerLogicScanner.findings(in: logic) == [
                "1: Docker type `DockerArguments`", "2: docker flag \"--name\"", "2: docker flag \"-it\"", "3: docker subcommand \"build\"",
            ])
        let prose = #"""
            /// Drafts `docker run --name web` steps (a DockerDrafter in Steps).
            let abstract = "Run Docker workshop modules; `docker build` needs a context" // docker ps
            """#
        #expect(DockerLogicScanner.findings(in: prose).isEmpty)
    }
}
