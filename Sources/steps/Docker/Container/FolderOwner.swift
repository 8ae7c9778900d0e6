import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Files the runner writes in the mounted folder belong to the folder's owner (SPEC 10.2): started
/// as root in a container, runbook takes the uid and gid of its working folder, keeping the engine
/// socket's group (and the folder's) as supplementary groups so that the socket still answers.
public enum FolderOwner {
    /// What taking the owner's identity did.
    public enum Outcome: Equatable, Sendable {
        /// Not root, or the folder is root's: nothing changed.
        case unchanged
        /// Now running as `uid`:`gid` with `groups`.
        case became(uid: UInt32, gid: UInt32, groups: [UInt32])
        /// The change failed (the message says why); runbook goes on as root.
        case failed(String)
    }

    /// Takes the identity of the owner of `folder` when running as root; `socket` is the engine's
    /// unix socket, whose group is kept.
    public static func adopt(folder: String, socket: String?) -> Outcome {
        guard geteuid() == 0 else { return .unchanged }
        var folderInfo = stat()
        guard stat(folder, &folderInfo) == 0, folderInfo.st_uid != 0 else { return .unchanged }
        var groups: [gid_t] = [folderInfo.st_gid]
        var socketInfo = stat()
        if let socket, stat(socket, &socketInfo) == 0, !groups.contains(socketInfo.st_gid) { groups.append(socketInfo.st_gid) }
        // Order matters: groups and gid first, while still root; setuid last.
        guard setgroups(groups.count, groups) == 0 else { return .failed("setgroups: \(String(cString: strerror(errno)))") }
        guard setgid(folderInfo.st_gid) == 0 else { return .failed("setgid(\(folderInfo.st_gid)): \(String(cString: strerror(errno)))") }
        guard setuid(folderInfo.st_uid) == 0 else { return .failed("setuid(\(folderInfo.st_uid)): \(String(cString: strerror(errno)))") }
        return .became(uid: folderInfo.st_uid, gid: folderInfo.st_gid, groups: groups)
    }
}
