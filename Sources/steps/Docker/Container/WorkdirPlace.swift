import Foundation

/// Whether a folder inside a container is one the engine sees at the same path (SPEC 10.2): a bind
/// mount of the host's folder (`-v "$PWD:$PWD"`), not the container's own root or a tmpfs.
public enum WorkdirPlace {
    /// File systems that belong to the container itself.
    static let containerOwn: Set<String> = ["overlay", "fuse-overlayfs", "aufs", "tmpfs", "ramfs"]

    /// Why the engine would not see `path`; nil when it is in a folder mounted from the host.
    public static func problem(for path: String) -> String? {
        problem(for: path, mounts: .current())
    }

    /// Why the engine would not see `path`, given the mount table.
    static func problem(for path: String, mounts: MountTable) -> String? {
        guard let mount = mounts.mount(covering: path) else { return nil }
        guard mount.point == "/" || containerOwn.contains(mount.fileSystem) else { return nil }
        return "the learner's folder \(path) is inside the container, where the Docker engine cannot see it: "
            + "start runbook with -v \"$PWD:$PWD\" -w \"$PWD\" so that the working folder is the host's, at the same path"
    }
}
