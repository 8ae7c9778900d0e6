#if canImport(Glibc)
    import Glibc
#endif

/// Finds the file to execute for a spec's `executable`, the way `execvp` would, but on the
/// child's `PATH` rather than the runner's. The one executable lookup of the project.
public enum ExecutableResolver {
    /// The search path when the child's environment has no `PATH` (glibc's `_CS_PATH`).
    static let defaultSearchPath = "/bin:/usr/bin"

    /// Returns the path to pass to `posix_spawn`.
    ///
    /// A name containing a slash is returned as given (relative to the child's working
    /// directory). Otherwise each `PATH` entry (an empty one means the working directory) is
    /// tried in order for an executable regular file.
    static func resolve(
        _ executable: String,
        path: String?,
        workingDirectory: String
    ) throws(LaunchError) -> String {
        guard !executable.isEmpty else { throw .executableNotFound(name: executable) }
        if executable.contains("/") { return executable }
        var deniedErrno: Int32?
        for entry in (path ?? defaultSearchPath).split(separator: ":", omittingEmptySubsequences: false) {
            var directory = entry.isEmpty ? "." : String(entry)
            if !directory.hasPrefix("/") { directory = workingDirectory + "/" + directory }
            let candidate = directory.hasSuffix("/") ? directory + executable : directory + "/" + executable
            var info = stat()
            guard stat(candidate, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            if access(candidate, X_OK) == 0 { return candidate }
            deniedErrno = errno
        }
        if let deniedErrno { throw .executableNotRunnable(name: executable, errno: deniedErrno) }
        throw .executableNotFound(name: executable)
    }

    /// Checks that the working directory exists and is a directory.
    static func checkWorkingDirectory(_ path: String) throws(LaunchError) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .workingDirectory(path: path, errno: errno) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw .workingDirectory(path: path, errno: ENOTDIR) }
    }

    /// The path of `name` on `path` (colon-separated; the default search path when nil), or nil
    /// when it is not there or not executable. Relative entries count from `workingDirectory`.
    public static func find(_ name: String, path: String?, workingDirectory: String = "/") -> String? {
        if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
        do throws(LaunchError) {
            return try resolve(name, path: path, workingDirectory: workingDirectory)
        } catch {
            return nil
        }
    }
}
