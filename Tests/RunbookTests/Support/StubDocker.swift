import Foundation
import Testing

/// Runs `runbook run` with the stub `docker` (Fixtures/docker/stub-docker.sh) first on PATH, and
/// reads back every docker invocation it recorded (one argv each) and the results.
enum StubDocker {
    /// The stub.
    static let script = RunbookBinary.fixtures.appendingPathComponent("docker/stub-docker.sh")

    /// What one run did.
    struct Run {
        /// The run's exit status and output.
        var outcome: RunbookBinary.Outcome
        /// Every invocation of the stub, in order: the program's name, then its arguments.
        var invocations: [[String]]
        /// results.json.
        var results: ResultsFile

        /// The invocations of the GPU probe (`… nvidia-smi --query-gpu=… --format=csv,noheader,nounits`).
        var probes: [[String]] { invocations.filter { $0.last == "--format=csv,noheader,nounits" } }

        /// The fingerprint's `gpu` object of the first learner.
        var gpu: [String: Any] {
            let preflight = results.learners.first?["preflight"] as? [String: Any]
            return (preflight?["fingerprint"] as? [String: Any])?["gpu"] as? [String: Any] ?? [:]
        }
    }

    /// Runs `runbook run RUNBOOK ARGUMENTS…` with the stub as `docker` (and as `nvidia-docker` when
    /// asked) and `environment` for the stub (STUB_GPU, STUB_CDI…).
    static func run(
        _ runbook: URL, _ arguments: [String] = [], nvidiaDocker: Bool = false, environment: [String: String] = [:]
    ) async throws -> Run {
        let scratch = try RunbookBinary.temporaryDirectory("stub-docker")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let bin = scratch.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: script, to: bin.appendingPathComponent("docker"))
        if nvidiaDocker { try FileManager.default.copyItem(at: script, to: bin.appendingPathComponent("nvidia-docker")) }
        let log = scratch.appendingPathComponent("argv.log")
        let out = scratch.appendingPathComponent("results")
        var variables = [
            "PATH": "\(bin.path):/usr/bin:/bin", "STUB_LOG": log.path, "REGISTRY_PASSWORD": "unused", "DOCKER_USERNAME": "alice",
            "DOCKER_HOST": "", "DOCKER_CONTEXT": "",
            // The stub is the engine: the Engine API would reach past it to the real socket.
            "RUNBOOK_ENGINE_CLI": "1",
        ]
        variables.merge(environment) { _, new in new }
        let outcome = try await RunbookBinary.run(
            ["run", runbook.path, "--out", out.path] + arguments, in: scratch, environment: variables)
        RunbookBinary.expectNoCrash(outcome)
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let invocations = text.components(separatedBy: "\n\n")
            .map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
            .filter { !$0.isEmpty && $0 != [""] }
        return Run(outcome: outcome, invocations: invocations, results: try ResultsFile(directory: out))
    }
}
