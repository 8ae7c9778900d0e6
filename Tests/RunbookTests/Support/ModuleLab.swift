import Foundation
import Testing

/// Modules 3 and 4 (issue 17) in the lab: their runbooks and lab values, a learner guided to the
/// end through `runbook guide` in a terminal (tmux), work done by hand, and removing what a
/// learner of either module made.
enum ModuleLab {
    /// Module 3, the lesson that tears down what it builds.
    static let teardown = DockerAvailability.repositoryRoot.appendingPathComponent("modules/3-teardown/runbook.yaml")
    /// Module 4, an app and its database with Compose.
    static let compose = DockerAvailability.repositoryRoot.appendingPathComponent("modules/4-compose/runbook.yaml")
    /// Module 4's Compose folder.
    static let composeFolder = DockerAvailability.repositoryRoot.appendingPathComponent("modules/4-compose/src")
    /// The lab's base images for each module (no pulls).
    static let teardownVars = ["--var", "base_image=\(DockerAvailability.baseImage)"]
    /// Module 4 builds from the lab's Python image.
    static let composeVars = ["--var", "base_image=runbook-lab/python:3"]

    /// A learner id no other test uses.
    static func learner(_ prefix: String) -> String { "\(prefix)\(UInt32.random(in: 0..<UInt32.max))" }

    /// Module 4's Compose project of `learner`, as runbook names it.
    static func project(_ learner: String) -> String { "\(learner)-4-compose" }

    /// Walks `learner` through every step of `runbook` with `runbook guide` (Enter on each card),
    /// its state under `state`; returns the guide's exit status.
    static func guide(
        _ runbook: URL, steps: [String], learner: String, vars: [String], state: URL, scratch: URL
    ) async throws -> Int32 {
        let screen = try await TmuxScreen(
            [RunbookBinary.url.path, "guide", runbook.path, "--learner", learner]
                + ["--out", scratch.appendingPathComponent("guided-\(learner)").path] + vars,
            in: scratch, environment: ["XDG_STATE_HOME": state.path, "NO_COLOR": "1"])
        for (index, step) in steps.enumerated() {
            try await screen.waitFor("Step \(index + 1) of \(steps.count) · \(step)", timeout: .seconds(240))
            try await screen.send("Enter")
        }
        return try await screen.waitForExit(timeout: .seconds(240))
    }

    /// Runs a shell script; the test fails with its output when it does not exit 0.
    static func byHand(_ script: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let result = try await ExternalTool.run("/bin/sh", ["-c", "set -e\n" + script])
        #expect(result.status == 0, "\(result.output)", sourceLocation: sourceLocation)
    }

    /// Removes what learners of module 3 may have left (in the background: it is a `defer`'s cleanup).
    static func removeTeardown(_ learners: [String]) {
        let script = learners.map { learner in
            "docker rm -f -v \(learner)-box; docker network rm \(learner)-lab; docker volume rm \(learner)-keep; docker rmi -f \(learner)/greeter"
        }
        ExternalTool.launch("/bin/sh", ["-c", script.joined(separator: "; ") + "; true"])
    }

    /// Removes what learners of module 4 may have left: their projects' containers, networks, volume and images
    /// (in the background: it is a `defer`'s cleanup).
    static func removeCompose(_ learners: [String]) {
        let script = learners.map { "COMPOSE_PROJECT_NAME=\(project($0)) docker compose down -v --rmi all" }
        ExternalTool.launch("/bin/sh", ["-c", "cd '\(composeFolder.path)' && { " + script.joined(separator: "; ") + "; true; }"])
    }

    /// What is left on the engine of `learner`'s Compose project: containers, networks, volumes, images (one name a line).
    static func composeLeftovers(_ learner: String) async -> [String] {
        let label = "label=com.docker.compose.project=\(project(learner))"
        let parts = await [
            DockerAvailability.docker(["ps", "-aq", "--filter", label]),
            DockerAvailability.docker(["network", "ls", "-q", "--filter", label]),
            DockerAvailability.docker(["volume", "ls", "-q", "--filter", "name=\(project(learner))"]),
            await DockerAvailability.docker(["images", "-q", "\(project(learner))-*"]),
        ]
        return parts.flatMap { $0.split(separator: "\n").map(String.init) }
    }

    /// Writes a roster of `learners`.
    static func roster(_ learners: [String], in folder: URL) throws -> URL {
        let file = folder.appendingPathComponent("roster.yaml")
        try ("learners:\n" + learners.map { "  - id: \($0)\n" }.joined()).write(to: file, atomically: true, encoding: .utf8)
        return file
    }
}
