import Foundation

/// Turns a shell session's terminal output (and what was typed) into its commands: the command
/// line from the `C` mark's `cmdline_url` (else from the text echoed between `B` and `C`), the
/// output from `C` to `D`, the exit status from `D`. Marks of other shells (a nested shell that
/// loaded the same hooks) are part of the running command: with `pid` set, only marks that carry
/// that pid count.
public struct SessionTranscript: Sendable {
    private var scanner = OSC133Scanner()
    private let pid: String?
    private var echoed: [UInt8] = []
    private var output: [UInt8] = []
    private var typed: [UInt8] = []
    private var typedAtPrompt: [UInt8] = []
    private var running: (text: String, cwd: String?)?
    private var afterPrompt = false
    /// The commands that ended so far, in order.
    public private(set) var commands: [RecordedCommand] = []

    /// A transcript of the shell whose hooks put `pid=PID` on their marks (nil: any mark).
    public init(pid: Int32? = nil) {
        self.pid = pid.map(String.init)
    }

    /// Whether a command is running (between its `C` and `D` marks).
    public var isRunning: Bool { running != nil }

    /// Whether the shell waits at its prompt for a command line (after its `B` mark, no command running).
    public var isAtPrompt: Bool { afterPrompt && running == nil }

    /// Feeds what the terminal printed; returns the commands that ended in it.
    public mutating func printed(_ bytes: some Sequence<UInt8>) -> [RecordedCommand] {
        var ended: [RecordedCommand] = []
        for chunk in scanner.feed(bytes) {
            switch chunk {
            case .bytes(let bytes):
                if running != nil {
                    output += bytes
                } else if afterPrompt {
                    echoed += bytes
                }
            case .mark(let mark):
                if let command = take(mark) { ended.append(command) }
            }
        }
        commands += ended
        return ended
    }

    /// Feeds what the person typed (kept for the running command only; what was typed after the
    /// Enter that ended the command line, before the command started, is typed ahead for it).
    public mutating func typed(_ bytes: some Sequence<UInt8>) {
        if running != nil {
            typed += bytes
        } else if afterPrompt {
            typedAtPrompt += bytes
        }
    }

    private func ours(_ parameters: [String: String]) -> Bool {
        guard let pid, let theirs = parameters["pid"] else { return true }
        return theirs == pid
    }

    private mutating func take(_ mark: ShellMark) -> RecordedCommand? {
        switch mark {
        case .prompt:
            if running == nil { afterPrompt = false }
        case .commandStart:
            if running == nil {
                afterPrompt = true
                echoed = []
                typedAtPrompt = []
            }
        case .outputStart(let parameters):
            guard running == nil, ours(parameters) else { return nil }
            let fromHook = parameters["cmdline_url"].flatMap(PercentEncoding.decode)
            let text = fromHook ?? TerminalText.lines(echoed).joined(separator: "\n")
            running = (text.trimmingCharacters(in: .whitespacesAndNewlines), parameters["cwd_url"].flatMap(PercentEncoding.decode))
            afterPrompt = false
            output = []
            typed = typedAtPrompt.firstIndex(of: 0x0D).map { Array(typedAtPrompt[($0 + 1)...]) } ?? []
            typedAtPrompt = []
        case .commandEnd(let status, let parameters):
            guard let command = running, ours(parameters) else { return nil }
            running = nil
            var recorded = RecordedCommand(
                number: commands.count + 1, text: command.text, cwd: command.cwd, output: TerminalText.lines(output),
                exitStatus: status, typed: TerminalText.typedLines(typed))
            recorded.drewProgress = TerminalText.drawsProgress(output)
            output = []
            typed = []
            return recorded.text.isEmpty ? nil : recorded
        }
        return nil
    }
}
