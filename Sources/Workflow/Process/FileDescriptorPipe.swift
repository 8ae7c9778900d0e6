#if canImport(Glibc)
    import Glibc
#endif

/// A pipe whose both ends are close-on-exec and numbered 3 or above.
struct FileDescriptorPipe {
    /// The end the reader holds.
    var readEnd: Int32
    /// The end the writer holds.
    var writeEnd: Int32

    /// Makes a pipe; `O_CLOEXEC` is set atomically where `pipe2` exists, so that no process
    /// spawned concurrently by another thread inherits it.
    static func make() throws(LaunchError) -> FileDescriptorPipe {
        var fds: [Int32] = [-1, -1]
        let rc: Int32 = fds.withUnsafeMutableBufferPointer { buffer in
            if let pipe2 = GlibcExtensions.pipe2 {
                return pipe2(buffer.baseAddress, O_CLOEXEC)
            }
            return pipe(buffer.baseAddress)
        }
        guard rc == 0 else { throw .resource(what: "a pipe", errno: errno) }
        var made = FileDescriptorPipe(readEnd: fds[0], writeEnd: fds[1])
        do throws(LaunchError) {
            if GlibcExtensions.pipe2 == nil {
                try DescriptorControl.setCloseOnExec(made.readEnd)
                try DescriptorControl.setCloseOnExec(made.writeEnd)
            }
            made.readEnd = try DescriptorControl.aboveStandardDescriptors(made.readEnd)
            made.writeEnd = try DescriptorControl.aboveStandardDescriptors(made.writeEnd)
        } catch {
            made.close()
            throw error
        }
        return made
    }

    /// Closes both ends (those still open).
    mutating func close() {
        DescriptorControl.close(readEnd)
        DescriptorControl.close(writeEnd)
        readEnd = -1
        writeEnd = -1
    }
}
