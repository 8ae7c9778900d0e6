/// Recognises the engine's "there is no such object" among docker's errors, so that it becomes
/// `exists: false` and every other error stays an error.
///
/// The texts, as docker 20.10 and 28 print them (client and engine of either version):
/// - `Error response from daemon: No such container: web` (20.10 clients: `Error: No such container: web`)
/// - `Error response from daemon: No such image: web:latest` (20.10 engines: `no such image: web: No such image: web:latest`)
/// - `Error response from daemon: get data: no such volume` (20.10 clients: `Error: No such volume: data`)
/// - `Error response from daemon: network net not found` (20.10 clients: `Error: No such network: net`)
/// - `docker cp` of a path that is not there: `Could not find the file /x in container web`, and for a
///   path below a file `lstat …/merged/etc/passwd/x: not a directory`.
enum DockerNotFound {
    /// Whether `message` says that the `object` (`container`, `image`, `volume`, `network`) is not there.
    static func says(_ message: String, object: String) -> Bool {
        let text = message.lowercased()
        if text.contains("no such \(object)") { return true }
        return object == "network" && text.contains("network ") && text.contains(" not found")
    }

    /// Whether `message` of `docker cp` says that the path is not in the container (the container is).
    static func saysNoPath(_ message: String) -> Bool {
        let text = message.lowercased()
        if text.contains("no such container") { return false }
        return text.contains("could not find the file") || text.contains("no such file or directory") || text.contains("not a directory")
    }
}
