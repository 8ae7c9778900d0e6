import Synchronization
import Workflow

/// The docker CLI's own version, asked once per runner process (`docker --version` needs no
/// engine): the fingerprint records it, and the Engine API is spoken at the version the CLI would
/// negotiate, so that answers read the same whichever way the engine was asked.
enum DockerClientVersion {
    private static let task = Mutex<Task<String?, Never>?>(nil)

    /// "20.10.24+dfsg1", or nil when there is no docker CLI on `environment`'s PATH.
    static func version(environment: [String: String]) async -> String? {
        let task = task.withLock { task in
            if let task { return task }
            let started = Task {
                let reply = await DockerCLI(timeout: .seconds(30)).run(["--version"], environment: environment)
                return reply.status == 0 ? parse(reply.stdout) : nil
            }
            task = started
            return started
        }
        return await withTaskCancellationHandler {
            await task.value
        } onCancel: {
            task.cancel()
        }
    }

    /// The version in "Docker version 20.10.24+dfsg1, build 297e128".
    static func parse(_ text: String) -> String? {
        text.split(separator: " ").dropFirst(2).first.map { String($0.trimmingCharacters(in: [",", "\n"])) }
    }
}
