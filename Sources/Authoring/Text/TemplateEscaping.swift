/// Writes text into a runbook template (`say:`, `title:`, a matcher) so that it reads back as written.
enum TemplateEscaping {
    /// `text` with each `$` that runbook would take for the start of a reference doubled; a
    /// `${NAME}` whose NAME is in `keep` stays a reference.
    static func escape(_ text: String, keeping keep: Set<String> = []) -> String {
        var output = ""
        var rest = Substring(text)
        while let dollar = rest.firstIndex(of: "$") {
            output += rest[..<dollar]
            let after = rest[rest.index(after: dollar)...]
            if after.hasPrefix("{"), let close = after.firstIndex(of: "}"),
                keep.contains(String(after[after.index(after: after.startIndex)..<close]))
            {
                output += rest[dollar...close]
                rest = rest[rest.index(after: close)...]
                continue
            }
            output += after.hasPrefix("{") || after.hasPrefix("$") ? "$$" : "$"
            rest = after
        }
        return output + rest
    }
}
