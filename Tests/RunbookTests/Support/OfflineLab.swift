import Foundation

/// The repository's offline lab (scripts/lab-up.sh): where it is, and whether tests that need a
/// Docker engine should run. On a developer's machine without an engine they are disabled; with
/// CI=true they always run, so that a missing engine fails instead of skipping.
enum OfflineLab {
    /// The repository root (the folder holding Package.swift).
    static let repositoryRoot: URL = {
        var url = RunbookBinary.url
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// The module's runbook.
    static let workshop = repositoryRoot.appendingPathComponent("workshop.yaml")

    /// lab/vars.yaml, written by lab-up.
    static let varsFile = repositoryRoot.appendingPathComponent("lab/vars.yaml")

    /// True under CI, where nothing may skip for lack of Docker.
    static let inCI = ProcessInfo.processInfo.environment["CI"]?.lowercased() == "true"

    /// Whether `docker info` answers on the default engine.
    static let engineAnswers: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["docker", "info", "--format", "{{.ServerVersion}}"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// Run engine tests when an engine answers, and always in CI.
    static let shouldRun = inCI || (engineAnswers && FileManager.default.fileExists(atPath: varsFile.path))

    /// The registry password that lab-up generated (lab/registry-password).
    static var registryPassword: String {
        ((try? String(contentsOf: repositoryRoot.appendingPathComponent("lab/registry-password"), encoding: .utf8)) ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs `docker ARGUMENTS…` and returns its stdout (empty on failure).
    static func docker(_ arguments: [String]) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["docker"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return "" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
