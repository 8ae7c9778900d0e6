import Foundation
import Testing

/// Docker objects one test makes on the real engine, each named uniquely (other people test on
/// the same engine at the same time), and all removed by `removeAll()` at the test's end.
final class DockerScratch {
    /// A random suffix shared by every name of this test.
    let suffix = String(UInt32.random(in: 0..<UInt32.max), radix: 36)
    private var containers: [String] = []
    private var networks: [String] = []
    private var volumes: [String] = []
    private var images: [String] = []

    /// A unique name for an object of this test.
    func name(_ base: String) -> String { "runbook-test-\(base)-\(suffix)" }

    /// Runs `docker ARGUMENTS…`, which must succeed; returns its output (stdout and stderr).
    @discardableResult
    func docker(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let result = try await ExternalTool.run("docker", arguments)
        try #require(result.status == 0, "docker \(arguments.joined(separator: " ")): \(result.output)", sourceLocation: sourceLocation)
        return result.output
    }

    /// Remembers a container to remove.
    func madeContainer(_ name: String) { containers.append(name) }
    /// Remembers a network to remove.
    func madeNetwork(_ name: String) { networks.append(name) }
    /// Remembers a volume to remove.
    func madeVolume(_ name: String) { volumes.append(name) }
    /// Remembers an image to remove.
    func madeImage(_ name: String) { images.append(name) }

    /// Removes everything made, containers first (they hold the rest), in the background (it is
    /// called from a `defer`, which cannot wait); errors are ignored.
    func removeAll() {
        var script: [String] = []
        if !containers.isEmpty { script.append("docker rm -f \(Self.quoted(containers))") }
        for network in networks { script.append("docker network rm \(Self.quoted([network]))") }
        if !volumes.isEmpty { script.append("docker volume rm -f \(Self.quoted(volumes))") }
        if !images.isEmpty { script.append("docker image rm -f \(Self.quoted(images))") }
        guard !script.isEmpty else { return }
        ExternalTool.launch("/bin/sh", ["-c", script.joined(separator: "; ") + " >/dev/null 2>&1"])
    }

    /// The names single-quoted for the shell.
    private static func quoted(_ names: [String]) -> String {
        names.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
    }
}
