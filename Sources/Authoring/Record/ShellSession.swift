import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A person's shell in a pseudo-terminal of the real terminal's size: keystrokes (Ctrl-C and
/// Ctrl-D included, the real terminal being raw) go to the shell, its output to the real
/// terminal unchanged, window-size changes follow; everything it prints goes through a
/// `SessionTranscript`, which tells each command as it ends.
public enum ShellSession {
    /// Why a session could not start.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong.
        public var description: String
    }

    /// Runs `executable` with `arguments` and `environment` until it exits; calls `ended` with each
    /// command as it ends (on the session's thread); returns every command, in order. Blocks.
    public static func run(
        executable: String, arguments: [String], environment: [String: String], ended: @Sendable (RecordedCommand) -> Void
    ) throws(Failure) -> [RecordedCommand] {
        var size = winsize()
        if isatty(0) == 0 || ioctl(0, UInt(TIOCGWINSZ), &size) != 0 || size.ws_col == 0 {
            size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        }
        var master: Int32 = -1
        var slave: Int32 = -1
        guard openpty(&master, &slave, nil, nil, &size) == 0 else {
            throw Failure(description: "cannot open a pseudo-terminal: \(errorText())")
        }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        defer { close(master) }
        var name = [CChar](repeating: 0, count: 256)
        let named = name.withUnsafeMutableBufferPointer { ttyname_r(slave, $0.baseAddress!, $0.count) }
        guard named == 0 else {
            close(slave)
            throw Failure(description: "cannot name the pseudo-terminal: \(String(cString: strerror(named)))")
        }
        let slavePath = name.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        let pid: pid_t
        do throws(Failure) {
            pid = try spawn(executable, arguments: arguments, environment: environment, terminal: slavePath)
        } catch {
            close(slave)
            throw error
        }
        close(slave)
        let resize = followWindowSize(of: master)
        defer { resize.cancel() }
        let terminal = RawMode()
        defer { terminal.restore() }
        var transcript = SessionTranscript(pid: pid)
        let reaped = pump(master: master, shell: pid, transcript: &transcript, ended: ended)
        var status: Int32 = 0
        while !reaped, waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return transcript.commands
    }

    /// Copies keys to the shell and its output to the terminal until the shell's side closes, or
    /// the shell has exited and nothing more comes (a job it left in the background may keep the
    /// terminal open: the recording still ends with the shell). Returns whether it reaped the shell.
    private static func pump(
        master: Int32, shell: pid_t, transcript: inout SessionTranscript, ended: @Sendable (RecordedCommand) -> Void
    ) -> Bool {
        var descriptors = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0), pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
        var buffer = [UInt8](repeating: 0, count: 65536)
        var exited = false
        var inputEnded = false
        var endSent = false
        while true {
            let ready = poll(&descriptors, 2, exited ? 100 : 250)
            guard ready >= 0 else {
                if errno == EINTR { continue }
                return exited
            }
            if ready == 0 {
                // Nothing came: the shell may have exited while something else holds the terminal.
                if exited { return true }
                // Piped keys have ended: the shell gets its Ctrl-D once it waits at its prompt. Sent
                // earlier, while the terminal is still in canonical mode before the line editor
                // starts, the end of input is lost when the editor switches the mode.
                if inputEnded, !endSent, transcript.isAtPrompt {
                    writeAll(master, [0x04][...])
                    endSent = true
                }
                var status: Int32 = 0
                exited = waitpid(shell, &status, WNOHANG) == shell
                continue
            }
            if descriptors[0].revents != 0 {
                let count = read(0, &buffer, buffer.count)
                if count > 0 {
                    writeAll(master, buffer[0..<count])
                    transcript.typed(buffer[0..<count])
                } else if count == 0 || errno != EINTR {
                    // No more keys (standard input closed, e.g. commands piped in): see above.
                    if count == 0 { inputEnded = true }
                    descriptors[0].fd = -1
                }
            }
            if descriptors[1].revents != 0 {
                let count = read(master, &buffer, buffer.count)
                if count < 0, errno == EINTR || errno == EAGAIN { continue }
                guard count > 0 else { return exited }  // EIO: the shell and its children closed the terminal
                writeAll(1, buffer[0..<count])
                for command in transcript.printed(buffer[0..<count]) { ended(command) }
            }
        }
    }

    /// Starts the shell in a new session whose controlling terminal is `terminal`.
    private static func spawn(
        _ executable: String, arguments: [String], environment: [String: String], terminal: String
    ) throws(Failure) -> pid_t {
        var attributes = posix_spawnattr_t()
        var actions = posix_spawn_file_actions_t()
        posix_spawnattr_init(&attributes)
        posix_spawn_file_actions_init(&actions)
        defer {
            posix_spawnattr_destroy(&attributes)
            posix_spawn_file_actions_destroy(&actions)
        }
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        // 0x80 is glibc's POSIX_SPAWN_SETSID: file actions run after setsid, so opening the
        // terminal makes it the new session's controlling terminal.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | 0x80))
        posix_spawn_file_actions_addopen(&actions, 0, terminal, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard rc == 0 else { throw Failure(description: "cannot start \(executable): \(String(cString: strerror(rc)))") }
        return pid
    }

    /// Gives the shell's terminal the real terminal's size whenever that changes (SIGWINCH).
    private static func followWindowSize(of master: Int32) -> any DispatchSourceSignal {
        signal(SIGWINCH, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGWINCH, queue: .global())
        source.setEventHandler {
            var size = winsize()
            if ioctl(0, UInt(TIOCGWINSZ), &size) == 0 { _ = ioctl(master, UInt(TIOCSWINSZ), &size) }
        }
        source.resume()
        return source
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: ArraySlice<UInt8>) {
        var rest = bytes
        while !rest.isEmpty {
            let written = rest.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return
            }
            rest = rest.dropFirst(written)
        }
    }

    private static func errorText() -> String { String(cString: strerror(errno)) }
}
