import Foundation
import ProcessHarness

/// A `runbook serve` for the board benchmark: spawned by the tests' harness (posix_spawn, never
/// Foundation's Process), its two lines read, its memory read from /proc, stopped with a signal.
struct BoardServeProcess {
    /// The process.
    let child: ChildProcess
    /// The process id.
    var pid: pid_t { child.pid }
    /// `http://127.0.0.1:PORT`.
    let origin: String
    /// The instructor's token.
    let token: String
    /// The class code.
    let code: String

    /// Starts `runbook serve ARGUMENTS…`, its output in `log`, and waits for its lines.
    static func start(binary: String, arguments: [String], log: String) async throws -> BoardServeProcess {
        let child: ChildProcess
        do {
            child = try ChildProcess.spawn(binary, ["serve"] + arguments, stdout: .file(log, append: false))
        } catch {
            throw BenchmarkFailure(message: error.description)
        }
        for _ in 0..<3000 {
            let lines = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
            if lines.count >= 2, let board = lines.first(where: { $0.hasPrefix("board: ") }),
                let join = lines.first(where: { $0.hasPrefix("join: ") })
            {
                let joinURL = join.dropFirst(6)
                let origin = String(joinURL[..<joinURL.range(of: "/join/")!.lowerBound])
                return BoardServeProcess(
                    child: child, origin: origin, token: String(board[board.range(of: "?token=")!.upperBound...]),
                    code: String(joinURL[joinURL.range(of: "/join/")!.upperBound...]))
            }
            try await Task.sleep(for: .milliseconds(2))
        }
        child.signal(SIGKILL)
        _ = await child.exitStatus()
        throw BenchmarkFailure(message: "runbook serve printed no board and join lines")
    }

    /// `VmHWM` (peak) and `VmRSS` (now) of the server, in MiB.
    var memoryMiB: (peak: Double, now: Double) {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        func value(_ key: String) -> Double {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) }) else { return 0 }
            return (line.split(separator: " ").compactMap { Double($0) }.first ?? 0) / 1024
        }
        return (value("VmHWM:"), value("VmRSS:"))
    }

    /// User plus system CPU seconds the server used so far.
    var cpuSeconds: Double {
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        guard let close = stat.lastIndex(of: ")") else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the name: state is field 3, utime 14 and stime 15 (1-based in proc(5)).
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Sends SIGTERM and waits for the end.
    func stop() async {
        child.signal(SIGTERM)
        _ = await child.exitStatus()
    }
}
