import Workflow

/// `GET /join/CODE`: tells a learner how to join the class from their terminal.
struct JoinPage {
    /// The join URL.
    let joinURL: String
    /// The runbook's title.
    let title: String?
    /// Whether only the roster's ids may join.
    let roster: Bool

    /// The command a learner runs.
    var command: String { "runbook guide --join \(joinURL) --learner YOUR-ID" }

    private var idNote: String {
        roster
            ? "YOUR-ID is the id your instructor gave you (the class has a list)."
            : "YOUR-ID is yours to choose: lowercase letters, digits, '-' and '_', e.g. ada-lovelace."
    }

    /// The page as plain text (for curl and terminals).
    func plainText() -> String {
        var text = "Join the class\(title.map { " \"\($0)\"" } ?? "") from your terminal, in the folder of the workshop:\n\n"
        text += "    \(command)\n\n\(idNote)\n"
        text += "Your progress shows on the instructor's board; press h in the guide to raise your hand.\n"
        return text
    }

    /// The page as HTML.
    func html() -> String {
        let name = title.map { MarkupEscaper.escape($0) } ?? "the class"
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>Join \(name)</title><style>\(HTMLStyle.css)</style></head>
            <body><main>
            <h1>Join \(name)</h1>
            <p>In a terminal, in the folder of the workshop, run:</p>
            <pre class="command"><span class="prompt">$ </span>\(MarkupEscaper.escape(command))</pre>
            <p>\(MarkupEscaper.escape(idNote))</p>
            <p>Your progress shows on the instructor's board; press <kbd>h</kbd> in the guide to raise your hand.</p>
            </main></body></html>

            """
    }
}
