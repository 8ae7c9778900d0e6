#if canImport(Glibc)
    import Glibc
#endif

/// A new pseudo-terminal pair: 80 columns by 24 rows, echo off, both ends close-on-exec.
struct PseudoTerminal {
    /// The runner's end: reads the child's output, takes what is typed.
    var master: Int32
    /// The child's end, held by the runner only until the spawn.
    var slave: Int32
    /// The slave's path (`/dev/pts/N`), which the child opens after `setsid` to make it its
    /// controlling terminal.
    var slavePath: String

    /// The window size every terminal starts with.
    static let size = (rows: UInt16(24), columns: UInt16(80))

    /// Opens a pair with the standard size and echo turned off (`stty -echo`).
    static func open() throws(LaunchError) -> PseudoTerminal {
        var master: Int32 = -1
        var slave: Int32 = -1
        var window = winsize(ws_row: size.rows, ws_col: size.columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &window) == 0 else {
            throw .resource(what: "a pseudo-terminal", errno: errno)
        }
        var made = PseudoTerminal(master: master, slave: slave, slavePath: "")
        do throws(LaunchError) {
            try DescriptorControl.setCloseOnExec(made.master)
            try DescriptorControl.setCloseOnExec(made.slave)
            made.master = try DescriptorControl.aboveStandardDescriptors(made.master)
            made.slave = try DescriptorControl.aboveStandardDescriptors(made.slave)
            var settings = termios()
            guard tcgetattr(made.slave, &settings) == 0 else {
                throw LaunchError.resource(what: "a pseudo-terminal (tcgetattr)", errno: errno)
            }
            settings.c_lflag &= ~tcflag_t(ECHO)
            guard tcsetattr(made.slave, TCSANOW, &settings) == 0 else {
                throw LaunchError.resource(what: "a pseudo-terminal (tcsetattr)", errno: errno)
            }
            made.slavePath = try slaveName(made.slave)
        } catch {
            made.close()
            throw error
        }
        return made
    }

    /// Closes the runner's copy of the slave (after the spawn, so that reading the master ends
    /// with EIO once the child's side is closed).
    mutating func closeSlave() {
        DescriptorControl.close(slave)
        slave = -1
    }

    /// Closes both ends (those still open).
    mutating func close() {
        closeSlave()
        DescriptorControl.close(master)
        master = -1
    }

    /// The path of a terminal descriptor.
    private static func slaveName(_ fd: Int32) throws(LaunchError) -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        let rc = buffer.withUnsafeMutableBufferPointer { ttyname_r(fd, $0.baseAddress!, $0.count) }
        guard rc == 0 else { throw .resource(what: "a pseudo-terminal (ttyname)", errno: rc) }
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
