import Foundation
import Testing
import Workflow

@testable import Steps

/// Compose as a Docker-family command (SPEC 12.3, issue 17 item 9): the learner's own project name,
/// what the guide shows, and which Compose runs where only one is installed.
@Suite("Compose commands")
struct ComposeCommandTests {
    /// A folder holding `docker-compose` (a stand-alone Compose) and `cli-plugins/docker-compose`
    /// (the v2 plugin), as asked.
    static func machine(standalone: Bool, plugin: Bool) throws -> (environment: [String: String], folder: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("compose-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("cli-plugins"), withIntermediateDirectories: true)
        for (wanted, path) in [(standalone, "docker-compose"), (plugin, "cli-plugins/docker-compose")] where wanted {
            let file = folder.appendingPathComponent(path)
            try "#!/bin/sh\n".write(to: file, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        }
        return (["PATH": folder.path, "DOCKER_CONFIG": folder.path, "COMPOSE_PROJECT_NAME": "from-the-shell"], folder)
    }

    /// A context of learner `ada`, module `5-compose`, the author having set `author`.
    static func context(_ environment: [String: String], author: Set<String> = []) -> CommandContext {
        var context = CommandContext(
            learner: "ada", step: "up", runId: "r1", environment: environment, marksCreations: true, capabilities: [])
        context.module = "5-compose"
        context.authorEnvironment = author
        return context
    }

    @Test("docker: compose up gets the learner's project name (over the shell's), is labelled by it for sweeps, and shows it")
    func projectName() throws {
        let (environment, _) = try Self.machine(standalone: false, plugin: true)
        let context = Self.context(environment)
        let prepared = try DockerCommandKind.docker.prepare(
            ResolvedCommand(key: "docker", words: ["compose", "up", "-d"]), context: context
        ).get()
        #expect(prepared.argv == ["docker", "compose", "up", "-d"])
        #expect(prepared.environment == ["COMPOSE_PROJECT_NAME": "ada-5-compose"])
        #expect(prepared.createsResources && prepared.groups == ["ada-5-compose"])
        #expect(prepared.display == ["COMPOSE_PROJECT_NAME=ada-5-compose", "docker", "compose", "up", "-d"])
        let shown = DockerCommandKind.docker.display(ResolvedCommand(key: "docker", words: ["compose", "up", "-d"]), context: context)
        #expect(shown == prepared.display)
    }

    @Test("a project the author names (env: or -p) is kept, and is the one swept")
    func authorsProject() throws {
        let (environment, _) = try Self.machine(standalone: false, plugin: true)
        var own = environment
        own["COMPOSE_PROJECT_NAME"] = "ada-shop"
        let named = try DockerCommandKind.docker.prepare(
            ResolvedCommand(key: "docker", words: ["compose", "up"]), context: Self.context(own, author: ["COMPOSE_PROJECT_NAME"])
        ).get()
        #expect(named.environment.isEmpty && named.groups == ["ada-shop"])
        let flagged = try DockerCommandKind.docker.prepare(
            ResolvedCommand(key: "docker", words: ["compose", "-p", "shop", "down", "-v"]), context: Self.context(environment)
        ).get()
        #expect(flagged.environment.isEmpty && flagged.groups == ["shop"] && !flagged.createsResources)
    }

    @Test("only v1 installed: docker: compose runs docker-compose, and says so; only v2: docker-compose: runs docker compose")
    func fallbacks() throws {
        let (v1, _) = try Self.machine(standalone: true, plugin: false)
        let fellBack = DockerComposeCommandKind.prepare(
            global: ["--context", "lab"], compose: ["up", "-d"], v2First: true, display: ["docker", "compose", "up", "-d"],
            context: Self.context(v1), pluginFolders: [])
        #expect(fellBack.argv == ["docker-compose", "--context", "lab", "up", "-d"])
        #expect(fellBack.binary == "docker-compose" && fellBack.note?.contains("ran `docker-compose` instead") == true)
        let (v2, _) = try Self.machine(standalone: false, plugin: true)
        let kind = DockerComposeCommandKind()
        let prepared = try kind.prepare(ResolvedCommand(key: "docker-compose", words: ["logs", "web"]), context: Self.context(v2)).get()
        #expect(prepared.argv == ["docker", "compose", "logs", "web"])
        #expect(prepared.note?.contains("docker-compose is not on PATH") == true)
        let (both, _) = try Self.machine(standalone: true, plugin: true)
        let standalone = try kind.prepare(ResolvedCommand(key: "docker-compose", words: ["ps"]), context: Self.context(both)).get()
        #expect(standalone.argv == ["docker-compose", "ps"])
    }
}
