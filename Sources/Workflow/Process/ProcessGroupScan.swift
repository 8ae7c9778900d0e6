#if canImport(Glibc)
    import Glibc
#endif

/// Tells whether a process group still has a living member, ignoring zombies.
///
/// `kill(-pgid, 0)` succeeds as long as a zombie of the group waits to be reaped, and the
/// processes left behind by a step are orphans whose reaping is up to PID 1 (which, in a
/// container, may be slow or never happen). So once the kernel says the group exists, `/proc`
/// is read to see whether any member is more than a zombie.
enum ProcessGroupScan {
    /// Whether some process of the group `pgid` is alive (not a zombie).
    ///
    /// True when the kernel knows the group and `/proc` cannot be read (the safe answer).
    static func hasLiveMember(_ pgid: pid_t) -> Bool {
        if kill(-pgid, 0) != 0 && errno == ESRCH { return false }
        guard let directory = opendir("/proc") else { return true }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let pid = withUnsafeBytes(of: entry.pointee.d_name) { Self.number($0) }
            guard let pid, let (state, group) = Self.stateAndGroup(of: pid) else { continue }
            if group == pgid && state != UInt8(ascii: "Z") && state != UInt8(ascii: "X") { return true }
        }
        return false
    }

    /// The state letter and process group of `/proc/PID/stat`, or nil when it is gone.
    static func stateAndGroup(of pid: Int32) -> (state: UInt8, group: Int32)? {
        let fd = open("/proc/\(pid)/stat", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = (
            UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0),
            UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0)
        )
        return withUnsafeMutableBytes(of: &buffer) { bytes -> (UInt8, Int32)? in
            let count = read(fd, bytes.baseAddress, bytes.count)
            guard count > 0 else { return nil }
            let text = UnsafeRawBufferPointer(rebasing: bytes[0..<count])
            // "PID (COMM) S PPID PGRP ...": COMM may hold spaces and parentheses, so parse
            // from the last ')'.
            guard let close = text.lastIndex(of: UInt8(ascii: ")")) else { return nil }
            let fields = text[(close + 1)...].split(separator: UInt8(ascii: " "), maxSplits: 4)
            guard fields.count >= 3, let state = fields[0].first, let group = number(fields[2]) else { return nil }
            return (state, group)
        }
    }

    /// Parses a decimal number that ends at the first byte that is not a digit (or a NUL).
    private static func number<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Int32? {
        var value: Int32 = 0
        var digits = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { break }
            guard digits < 9 else { return nil }
            value = value * 10 + Int32(byte - UInt8(ascii: "0"))
            digits += 1
        }
        return digits > 0 ? value : nil
    }
}
