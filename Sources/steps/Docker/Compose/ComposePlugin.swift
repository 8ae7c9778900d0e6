import Foundation
import Workflow

/// Which Compose the machine has: the v2 CLI plugin (`docker compose`), found where the docker CLI
/// looks for plugins, and v1's `docker-compose` on PATH.
enum ComposePlugin {
    /// The folders the docker CLI searches for plugins, besides `$DOCKER_CONFIG/cli-plugins`.
    static let systemFolders = [
        "/usr/local/lib/docker/cli-plugins", "/usr/local/libexec/docker/cli-plugins", "/usr/lib/docker/cli-plugins",
        "/usr/libexec/docker/cli-plugins",
    ]

    /// Whether `docker compose` (the v2 plugin) is installed for a command with `environment`.
    static func hasV2Plugin(environment: [String: String], systemFolders: [String] = systemFolders) -> Bool {
        let config = environment["DOCKER_CONFIG"] ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.docker")
        return ([config + "/cli-plugins"] + systemFolders).contains { FileManager.default.isExecutableFile(atPath: $0 + "/docker-compose") }
    }

    /// Whether `docker-compose` (v1, or v2 installed stand-alone) is on the command's PATH.
    static func hasStandalone(environment: [String: String]) -> Bool {
        ExecutableResolver.find("docker-compose", path: environment["PATH"]) != nil
    }
}
