import Foundation

/// The mounts of this process (`/proc/self/mountinfo`), to tell whether a folder inside a container
/// is a folder of the host (a bind mount) or the container's own (its root, a tmpfs).
struct MountTable: Sendable {
    /// One mount.
    struct Mount: Sendable, Equatable {
        /// Where it is mounted.
        var point: String
        /// The folder of its source file system that appears there (`/` for a whole file system).
        var root: String
        /// The file system type (`ext4`, `overlay`, `tmpfs`, …).
        var fileSystem: String
    }

    /// Every mount, in the file's order (later mounts hide earlier ones at the same point).
    let mounts: [Mount]

    /// Parses mountinfo text: `ID PARENT MAJ:MIN ROOT POINT OPTIONS [TAGS…] - TYPE SOURCE SUPER`.
    init(text: String) {
        mounts = text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard fields.count >= 7, let dash = fields.firstIndex(of: "-"), dash + 1 < fields.count else { return nil }
            return Mount(point: Self.unescape(fields[4]), root: Self.unescape(fields[3]), fileSystem: fields[dash + 1])
        }
    }

    /// This process's mounts.
    static func current() -> MountTable {
        MountTable(text: (try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8)) ?? "")
    }

    /// The mount that holds `path` (absolute): the last one whose point is `path` or one of its parents.
    func mount(covering path: String) -> Mount? {
        var best: Mount?
        for mount in mounts where Self.contains(mount.point, path) {
            if best.map({ mount.point.count >= $0.point.count }) ?? true { best = mount }
        }
        return best
    }

    /// Whether `folder` is `path` or one of its parents.
    static func contains(_ folder: String, _ path: String) -> Bool {
        folder == "/" || path == folder || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }

    /// mountinfo writes space, tab, newline and backslash as `\040`-style octal escapes.
    static func unescape(_ field: String) -> String {
        guard field.contains("\\") else { return field }
        var bytes: [UInt8] = []
        var index = field.utf8.startIndex
        let utf8 = field.utf8
        while index != utf8.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            if byte == UInt8(ascii: "\\"), utf8.distance(from: next, to: utf8.endIndex) >= 3,
                let value = UInt8(String(decoding: utf8[next..<utf8.index(next, offsetBy: 3)], as: UTF8.self), radix: 8)
            {
                bytes.append(value)
                index = utf8.index(next, offsetBy: 3)
            } else {
                bytes.append(byte)
                index = next
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
