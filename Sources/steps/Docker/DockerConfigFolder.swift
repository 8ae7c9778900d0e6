import Foundation
import Text
import Workflow

/// A learner's own temporary `DOCKER_CONFIG` (SPEC 2): one learner's `docker login` never touches
/// another's credentials. The user's contexts and CLI plugins are linked in, and the current
/// context is carried over unless the learner names an engine.
enum DockerConfigFolder {
    /// Makes the folder for `learner` under the temporary folder of `environment`; returns its path.
    static func make(for learner: Learner, environment: [String: String]) throws -> String {
        guard Learner.isValidId(learner.id) else { throw CommandProblem("'\(learner.id)' is not a valid learner id") }
        let files = FileManager.default
        let temporary = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? NSTemporaryDirectory()
        let name = "runbook-docker-\(learner.id)-\(UUID().uuidString.prefix(8))"
        let directory = URL(fileURLWithPath: temporary).appendingPathComponent(name).path
        try files.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let userConfig =
            environment["DOCKER_CONFIG"].flatMap { $0.isEmpty ? nil : $0 } ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.docker")
        for shared in ["contexts", "cli-plugins"] where files.fileExists(atPath: "\(userConfig)/\(shared)") {
            try? files.createSymbolicLink(atPath: "\(directory)/\(shared)", withDestinationPath: "\(userConfig)/\(shared)")
        }
        var config: [JSONObject.Member] = []
        if learner.settings[DockerBackend.hostKey] == nil, learner.settings[DockerBackend.contextKey] == nil,
            let current = EngineEndpoint.currentContext(config: userConfig)
        {
            config.append(JSONObject.Member(key: "currentContext", value: .string(current)))
        }
        try Data(JSONValue.object(JSONObject(config)).text.utf8).write(to: URL(fileURLWithPath: "\(directory)/config.json"))
        return directory
    }
}
