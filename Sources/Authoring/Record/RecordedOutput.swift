/// What of a recorded command's output can be expected of a run elsewhere: lines that name a folder
/// of this machine (home, Docker's config: `WARNING! Your credentials are stored unencrypted in '/root/…'`) and
/// lines that name an object by a name the engine chose at random (`vigorous_euclid`) that no later
/// command uses are left out; each left-out line is counted for a remark.
enum RecordedOutput {
    /// `commands` with those lines left out, and how many each lost (by command number).
    static func portable(_ commands: [RecordedCommand], folders: [String]) -> (commands: [RecordedCommand], leftOut: [Int: Int]) {
        let folders = folders.filter { $0.count > 1 }.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        var leftOut: [Int: Int] = [:]
        let kept = commands.enumerated().map { index, command in
            let laterWords = Set(commands.dropFirst(index + 1).flatMap { $0.text.split(separator: " ").map(String.init) })
            var command = command
            let before = command.output.count
            command.output = command.output.filter { line in
                if folders.contains(where: { line.contains($0 + "/") || line.hasSuffix($0) }) { return false }
                return !words(of: line).contains { isRandomName($0) && !laterWords.contains($0) }
            }
            if command.output.count < before { leftOut[command.number] = before - command.output.count }
            // The terminal's echo of Ctrl-C, Ctrl-\ or Ctrl-Z is no output of the command.
            command.output = command.output.map(withoutControlEcho).filter { !$0.isEmpty }
            return command
        }
        return (kept, leftOut)
    }

    /// `line` without the terminal's echo of a signal key at its end (`^C`).
    private static func withoutControlEcho(_ line: String) -> String {
        var line = line
        while ["^C", "^\\", "^Z"].contains(where: line.hasSuffix) { line.removeLast(2) }
        return line
    }

    private static func words(of line: String) -> [String] {
        line.split { $0 == " " || $0 == "\t" || $0 == "," }.map(String.init)
    }

    /// `adjective_surname`, as Docker names what it is not given a name for.
    private static func isRandomName(_ word: String) -> Bool {
        let parts = word.split(separator: "_", omittingEmptySubsequences: false)
        return parts.count == 2 && parts[0].count >= 2 && parts[1].count >= 2
            && parts[0].allSatisfy { $0.isASCII && $0.isLowercase } && parts[1].allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
    }
}
