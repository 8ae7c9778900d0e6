import Foundation

/// Whether runbook runs inside a container (SPEC 10.2): `RUNBOOK_IN_CONTAINER=1` (the image sets
/// it; `0` says no), else a `/.dockerenv` or `/run/.containerenv` on a root filesystem that is a
/// container's (an overlay), or a cgroup path that names a container runtime.
///
/// The marker file alone is not enough: some CI machines are virtual machines made from a container
/// image, with `/.dockerenv` left on an ordinary root filesystem and their own local engine.
public enum ContainerDetection {
    /// Whether this process runs in a container, decided once.
    public static let current = isInContainer()

    /// Decides from `environment` and the files under `root` (tests give another root).
    public static func isInContainer(environment: [String: String] = ProcessInfo.processInfo.environment, root: String = "/") -> Bool {
        switch environment["RUNBOOK_IN_CONTAINER"]?.lowercased() {
        case "1", "true", "yes": return true
        case "0", "false", "no": return false
        default: break
        }
        let manager = FileManager.default
        let marker = manager.fileExists(atPath: root + ".dockerenv") || manager.fileExists(atPath: root + "run/.containerenv")
        if let cgroup = try? String(contentsOfFile: root + "proc/1/cgroup", encoding: .utf8), namesRuntime(cgroup) { return true }
        guard marker else { return false }
        let table = MountTable(text: (try? String(contentsOfFile: root + "proc/self/mountinfo", encoding: .utf8)) ?? "")
        return table.mount(covering: "/").map { ["overlay", "fuse-overlayfs", "aufs"].contains($0.fileSystem) } ?? false
    }

    /// Whether a `/proc/1/cgroup` text puts PID 1 under a container runtime's group.
    static func namesRuntime(_ cgroup: String) -> Bool {
        cgroup.split(separator: "\n").contains { line in
            ["/docker/", "/docker-", "/kubepods", "/containerd", "/libpod", "/lxc/"].contains { line.contains($0) }
        }
    }
}
