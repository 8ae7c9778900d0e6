import Foundation

/// The TCP ports that listen on the engine's host, asked through the engine (SPEC 10.2): inside a
/// container, binding a port in the container's own network says nothing about the host, so a
/// short-lived container of runbook's own image runs in the host's network and reads its socket
/// tables (`/proc/net/tcp`, `/proc/net/tcp6`).
public enum EngineHostPorts {
    /// The ports in use on the engine host; nil when this container or its image cannot be found.
    public static func listening(environment: [String: String]) async -> Set<Int>? {
        guard let container = ownContainerId() else { return nil }
        let cli = DockerCLI(timeout: .seconds(60))
        let inspect = await cli.run(["container", "inspect", "--format", "{{.Image}}", container], environment: environment)
        let image = inspect.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard inspect.status == 0, !image.isEmpty else { return nil }
        let reply = await cli.run(
            [
                "run", "--rm", "--network", "host", "--entrypoint", "/bin/cat", "--label", "io.runbook.helper=ports", image,
                "/proc/net/tcp", "/proc/net/tcp6",
            ],
            environment: environment)
        guard reply.status == 0 else { return nil }
        return listeningPorts(in: reply.stdout)
    }

    /// The id of the container this process runs in: the folder of its `/etc/hostname`, which the
    /// engine mounts from `…/containers/ID/hostname`.
    static func ownContainerId(mounts: MountTable = .current()) -> String? {
        guard let mount = mounts.mounts.last(where: { $0.point == "/etc/hostname" }) else { return nil }
        let parts = mount.root.split(separator: "/")
        guard parts.count >= 2, parts.last == "hostname" else { return nil }
        let id = String(parts[parts.count - 2])
        return id.count == 64 && id.allSatisfy(\.isHexDigit) ? id : nil
    }

    /// Local ports of the sockets in `LISTEN` state (`0A`) in `/proc/net/tcp`-style text.
    static func listeningPorts(in table: String) -> Set<Int> {
        var ports: Set<Int> = []
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count > 3, fields[3] == "0A", let colon = fields[1].lastIndex(of: ":"),
                let port = Int(fields[1][fields[1].index(after: colon)...], radix: 16)
            else { continue }
            ports.insert(port)
        }
        return ports
    }
}
