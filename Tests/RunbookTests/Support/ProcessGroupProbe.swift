import Foundation

/// Looks for living members of a process group in /proc (zombies awaiting their reaper do not count).
enum ProcessGroupProbe {
    /// Pids of the group's members that are not zombies.
    static func livingMembers(of group: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 2, let processGroup = Int32(fields[2]) else { return false }
            return processGroup == group && fields[0] != "Z" && fields[0] != "X"
        }
    }
}
