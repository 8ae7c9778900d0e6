#if canImport(Glibc)
    import Glibc
#endif

/// Says why a process could not be started; its `message` becomes `ProcessOutcome.launchFailure`.
enum LaunchError: Error, Equatable {
    /// The name was not found on the child's `PATH`.
    case executableNotFound(name: String)
    /// Every candidate on `PATH` (or the given path) exists but cannot be executed.
    case executableNotRunnable(name: String, errno: Int32)
    /// The working directory does not exist or is not a directory.
    case workingDirectory(path: String, errno: Int32)
    /// `posix_spawn` itself failed, e.g. ENOENT for a path that does not exist.
    case spawnFailed(executable: String, errno: Int32)
    /// A resource the runner needs (a pipe, a terminal, a thread) could not be made.
    case resource(what: String, errno: Int32)
    /// The argument or environment contains a NUL byte, which no C string can hold.
    case embeddedNul(what: String)

    /// The text shown to the user.
    var message: String {
        switch self {
        case .executableNotFound(let name):
            return "\(name): executable not found on PATH"
        case .executableNotRunnable(let name, let code):
            return "\(name): \(Self.describe(code))"
        case .workingDirectory(let path, let code):
            return "working directory \(path): \(Self.describe(code))"
        case .spawnFailed(let executable, let code):
            return "\(executable): \(Self.describe(code))"
        case .resource(let what, let code):
            return "cannot create \(what): \(Self.describe(code))"
        case .embeddedNul(let what):
            return "\(what) contains a NUL byte"
        }
    }

    /// The C library's text for an errno value.
    static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}
