import Foundation

/// The process's limit of open files: `serve` raises its soft limit to the hard one, so that the
/// board's own bounds (SPEC 7.1), not the default 1,024, decide how many connections it holds.
public enum OpenFiles {
    /// Raises the soft limit of open files to the hard limit; nothing when that fails.
    public static func raiseLimit() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
}
