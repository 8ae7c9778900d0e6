import Board
import Frontend

/// Type-along in the guide (SPEC 11.2): while the guide runs, each command the instructor shares
/// appears under the current step as `instructor ran: COMMAND` with its first lines of output.
/// The command line is printed as typed, with no styling inside it, so that it can be copied.
struct GuideTypeAlong: Sendable {
    /// Where it is shown.
    let screen: GuideScreen
    /// The board.
    let board: GuideBoard
    /// How many output lines are shown under a command.
    static let shownLines = 5

    /// Follows the instructor's stream until cancelled: a long poll at a time, a pause after a
    /// board that did not answer (1 s, doubling up to 30 s).
    func follow() async {
        let client = TypeAlongClient(url: board.publisher.url)
        var token: String?
        var after: Int?
        var pause = 1
        while !Task.isCancelled {
            // A board that refuses this learner (a wrong class code) is not asked again and again.
            if case .refused = board.state { return }
            if token == nil { token = await client.token(learner: board.learner) }
            guard let token, let entries = await client.entries(after: after ?? 0, wait: after == nil ? 0 : 25, token: token) else {
                try? await Task.sleep(for: .seconds(pause))
                pause = min(30, pause * 2)
                continue
            }
            pause = 1
            // Joining late: the latest command only, not the whole backlog.
            let shown = after == nil ? Array(entries.suffix(1)) : entries
            after = entries.last?.seq ?? after ?? 0
            for entry in shown where !Task.isCancelled { screen.print(lines(entry)) }
        }
    }

    /// `text` without control characters (no escape sequence from the board reaches the terminal).
    static func printable(_ text: String) -> String {
        let kept = text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) }
        return String(String.UnicodeScalarView(kept))
    }

    /// The lines of one shared command.
    func lines(_ entry: InstructorEntry) -> [String] {
        let status = entry.exitStatus.map { $0 == 0 ? "" : " (exit \($0))" } ?? ""
        var lines = ["", screen.style.cyan("instructor ran\(status):") + " " + Self.printable(entry.command)]
        lines += entry.output.prefix(Self.shownLines).map { "    " + screen.style.dim(Self.printable($0)) }
        if entry.output.count > Self.shownLines { lines.append("    " + screen.style.dim("…")) }
        return lines
    }
}
