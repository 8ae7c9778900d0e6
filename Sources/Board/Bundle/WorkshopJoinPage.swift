import Workflow

/// `GET /join/CODE` (SPEC 10.3): the one command for each system, filled in with this board's URL
/// and code, then what `serve --offer` hands out, with sizes and sha256, for venues without internet.
struct WorkshopJoinPage {
    /// The commands.
    let instructions: JoinInstructions
    /// The runbook's title.
    let title: String?
    /// Whether only the roster's ids may join.
    let roster: Bool
    /// The workshop bundle, when the board hands one out.
    let bundle: BundleDescription?
    /// The offered files.
    let offers: [OfferedFile]
    /// `/join/CODE`, for the files' links.
    let basePath: String

    /// What YOUR-ID is.
    private var idNote: String {
        roster
            ? "YOUR-ID is the id your instructor gave you (the class has a list)."
            : "YOUR-ID is yours to choose: lowercase letters, digits, '-' and '_', e.g. ada-lovelace."
    }

    /// Where the workshop lands.
    private var bundleNote: String {
        guard let bundle else { return "Run it in the folder of the workshop." }
        return "It downloads the workshop into ./\(bundle.folder)/ and guides you from there; "
            + "run it again in the same folder to resume."
    }

    /// The page as plain text (for curl and terminals).
    func plainText() -> String {
        var text = "Join the class\(title.map { " \"\($0)\"" } ?? "") from a terminal.\n\n"
        for (system, note, command) in instructions.systems {
            text += "\(system): \(note)\n\n    \(command)\n\n"
        }
        text += "\(idNote)\n\(bundleNote)\n"
        if !offers.isEmpty {
            text += "\nNo internet? Download from this board:\n"
            for file in offers {
                text += "    \(basePath)/files/\(file.name)  \(WorkshopBundle.megabytes(file.size))  sha256 \(file.sha256)"
                text += file.useHint.isEmpty ? "\n" : "  then: \(file.useHint)\n"
            }
        }
        return text
    }

    /// The page as HTML (no script, no external asset).
    func html() -> String {
        let name = title.map { MarkupEscaper.escape($0) } ?? "the class"
        var body = ""
        for (system, note, command) in instructions.systems {
            body += "<h2>\(MarkupEscaper.escape(system))</h2>\n<p>\(MarkupEscaper.escape(note))</p>\n"
            body += "<pre class=\"command\"><span class=\"prompt\">$ </span>\(MarkupEscaper.escape(command))</pre>\n"
        }
        body += "<p>\(MarkupEscaper.escape(idNote)) \(MarkupEscaper.escape(bundleNote))</p>\n"
        if !offers.isEmpty {
            body +=
                "<h2>No internet? Download from this board</h2>\n<table>\n<tr><th>file</th><th>size</th><th>sha256</th><th>then</th></tr>\n"
            for file in offers {
                let link = MarkupEscaper.attribute("\(basePath)/files/\(file.name)")
                body += "<tr><td><a href=\"\(link)\" download>\(MarkupEscaper.escape(file.name))</a></td>"
                body += "<td>\(WorkshopBundle.megabytes(file.size))</td><td><code>\(file.sha256)</code></td>"
                body += "<td><code>\(MarkupEscaper.escape(file.useHint))</code></td></tr>\n"
            }
            body += "</table>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>Join \(name)</title><style>\(HTMLStyle.css)</style></head>
            <body><main>
            <h1>Join \(name)</h1>
            \(body)<p>Your progress shows on the instructor's board; press <kbd>h</kbd> in the guide to raise your hand.</p>
            </main></body></html>

            """
    }
}
