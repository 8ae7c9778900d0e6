import Foundation
import ProcessHarness
import Testing

/// Whether tests that need the Docker engine and the offline lab (scripts/lab-up.sh) can run, and
/// where the lab's files are.
///
/// Use it as a trait: `@Test(.enabled(if: DockerAvailability.shouldRun, DockerAvailability.why))`.
/// On a developer's machine without an answering engine (or without the lab) such tests are
/// skipped; with `CI=true` they always run, so that a missing engine or lab fails them
/// (`requireLab()` says what is missing) instead of skipping.
enum DockerAvailability {
    /// The repository root: the nearest folder above the built binary holding Package.swift.
    static let repositoryRoot: URL = {
        for start in [
            RunbookBinary.url, URL(fileURLWithPath: #filePath),
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true),
        ] {
            var url = start
            while url.path != "/" {
                url.deleteLastPathComponent()
                if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    }()

    /// The module's runbook, `workshop.yaml`.
    static let workshop = repositoryRoot.appendingPathComponent("workshop.yaml")

    /// The lab's folder, written by scripts/lab-up.sh.
    static let labDirectory = repositoryRoot.appendingPathComponent("lab")

    /// `lab/vars.yaml`: the lab's values of the module's vars (registry, images).
    static let labVarsFile = labDirectory.appendingPathComponent("vars.yaml")

    /// `lab/lab.env`: the environment of the lab (`export REGISTRY_PASSWORD=…`).
    static let labEnvironmentFile = labDirectory.appendingPathComponent("lab.env")

    /// True when the tests run under CI (`CI=true`), where nothing may skip for lack of Docker.
    static let inCI = ProcessInfo.processInfo.environment["CI"]?.lowercased() == "true"

    /// Whether `docker info` answers on the engine the environment names. Asked once, by the traits
    /// of the tests (whose conditions cannot await): the one wait of the harness that blocks its
    /// thread, for the time `docker info` takes, before any test runs.
    static let engineAnswers: Bool = {
        guard let child = try? ChildProcess.spawn("docker", ["info", "--format", "{{.ServerVersion}}"]) else { return false }
        return child.exitStatusBlocking() == 0
    }()

    /// Whether the lab's files are there.
    static var labReady: Bool {
        FileManager.default.fileExists(atPath: labVarsFile.path) && FileManager.default.fileExists(atPath: labEnvironmentFile.path)
    }

    /// The condition of the `.enabled(if:)` trait: always under CI, else when the engine answers and the lab is up.
    static var shouldRun: Bool { inCI || (engineAnswers && labReady) }

    /// Why such a test is skipped.
    static let why: Comment = "needs a Docker engine and the offline lab (make lab); with CI=true it runs and fails without them"

    /// The lab's base image (scripts/lab-up.sh builds it), for tests that need an image and nothing else of the lab.
    static let baseImage = "runbook-lab/ubuntu:latest"

    /// The condition for tests that need only the engine and `baseImage`: always under CI, else when the engine answers.
    static var engineShouldRun: Bool { inCI || engineAnswers }

    /// Why such a test is skipped.
    static let whyEngine: Comment = "needs a Docker engine with \(baseImage) (make lab); with CI=true it runs and fails without them"

    /// Fails the calling test, with what is missing, unless the engine answers and has `baseImage`.
    static func requireEngine(sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try #require(engineAnswers, "`docker info` does not answer: start the engine (make lab)", sourceLocation: sourceLocation)
        let found = await docker(["image", "inspect", "--format", "{{.Id}}", baseImage]).trimmingCharacters(in: .whitespacesAndNewlines)
        try #require(!found.isEmpty, "no \(baseImage) on the engine: run make lab", sourceLocation: sourceLocation)
    }

    /// Fails the calling test, with what is missing, unless the engine answers and the lab is up.
    static func requireLab(sourceLocation: SourceLocation = #_sourceLocation) throws {
        try #require(engineAnswers, "`docker info` does not answer: start the engine (make lab)", sourceLocation: sourceLocation)
        try #require(labReady, "no \(labVarsFile.path) or \(labEnvironmentFile.path): run make lab", sourceLocation: sourceLocation)
    }

    /// The variables `lab/lab.env` exports (`export NAME='value'` or `NAME=value` lines), e.g. REGISTRY_PASSWORD.
    static func labEnvironment() throws -> [String: String] {
        let text = try String(contentsOf: labEnvironmentFile, encoding: .utf8)
        var values: [String: String] = [:]
        for rawLine in text.split(separator: "\n") {
            var line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line.hasPrefix("export ") { line = String(line.dropFirst("export ".count)) }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let name = String(line[..<equals])
            var value = String(line[line.index(after: equals)...])
            if value.count >= 2, let first = value.first, first == "'" || first == "\"", value.last == first {
                value = String(value.dropFirst().dropLast())
            }
            values[name] = value.replacingOccurrences(of: "'\\''", with: "'")
        }
        return values
    }

    /// Runs `docker ARGUMENTS…`; returns its standard output (empty when it could not run).
    @discardableResult
    static func docker(_ arguments: [String]) async -> String {
        (try? await ChildProcess.run("docker", arguments))?.stdout ?? ""
    }
}
