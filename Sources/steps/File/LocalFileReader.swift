import Workflow

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a file on the runner's machine: its facts from `stat` (following links, as `cat` does)
/// and its content in chunks to stdout, so that memory stays bounded however large it is.
///
/// A folder exists and has no content, size or mode to judge; a device, FIFO or socket exists and
/// is not read (reading one may never end). Reads are plain blocking reads of a local file:
/// between chunks the action checks for cancellation (timeout, Ctrl-C).
struct LocalFileReader: CommandAction {
    /// The chunk size of reads.
    static let chunkSize = 64 << 10
    /// The absolute path.
    let path: String

    func perform(_ output: ActionOutput) async -> ActionOutcome {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return ActionOutcome(facts: SubjectFacts(subject: "file \(path)", exists: false)) }
            return ActionOutcome(problem: .error("cannot look at file \(path): \(Self.describe(code))"))
        }
        let mode = UInt32(info.st_mode) & 0o7777
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            return ActionOutcome(facts: SubjectFacts(subject: "folder \(path)", exists: true))
        case S_IFREG:
            if let problem = readContent(to: output) { return ActionOutcome(problem: .error(problem)) }
            return ActionOutcome(facts: SubjectFacts(subject: "file \(path)", exists: true, size: Int64(info.st_size), mode: mode))
        default:
            return ActionOutcome(facts: SubjectFacts(subject: "special file \(path)", exists: true, mode: mode))
        }
    }

    /// Copies the file's bytes to stdout; nil when it went well, else why not.
    private func readContent(to output: ActionOutput) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return "cannot read file \(path): \(Self.describe(errno))" }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: Self.chunkSize)
        while !Task.isCancelled {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return "cannot read file \(path): \(Self.describe(errno))"
            }
            if count == 0 { return nil }
            let stop = buffer.withUnsafeBytes { output.write(UnsafeRawBufferPointer(rebasing: $0[0..<count]), to: .stdout) }
            if stop { return nil }
        }
        return nil
    }

    /// The system's text for an errno value.
    private static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
