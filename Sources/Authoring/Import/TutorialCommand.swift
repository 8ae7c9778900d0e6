/// A command found in a tutorial: in a fenced block or in a code span of running text, with what
/// surrounds it (heading, list item, paragraph before, output after, working folder).
struct TutorialCommand: Sendable {
    /// Where the command was written.
    enum Origin: Sendable, Hashable {
        /// A line of a command block (or of a block with `$ ` prompts).
        case block
        /// A code span in a paragraph, quote or list item.
        case inline
    }

    /// The command on one line: prompt removed, continuation lines joined, comment removed.
    var text: String
    /// The command as written over its lines (continuations and here-documents kept), for `sh:`.
    var script: String
    /// Its line in the tutorial.
    var line: Int
    /// Block or code span.
    var origin: Origin
    /// The lines it printed, as the tutorial shows them (under its prompt, or in the block after it).
    var output: [String] = []
    /// Which heading's section it is in (0 before the first heading).
    var section: Int
    /// The nearest heading before it, as plain text.
    var heading: String?
    /// The opening text of the outermost list item that holds it, as plain text.
    var listText: String?
    /// A shell comment right above it (or after it) in its block.
    var comment: String?
    /// The prose that introduces it (Markdown).
    var say: String?
    /// Text of a `<details>` block after it.
    var hint: String?
    /// What the text says it reads on its standard input.
    var stdin: String?
    /// Whether `stdin` holds the commands the text types at the prompt of the container it opens.
    var typedInside = false
    /// The folder an earlier `cd` moved to, relative to where the tutorial starts.
    var cwd: String?
    /// The line of that `cd`.
    var cwdLine: Int?
    /// Lines of the code spans that mention the same command and were folded into this one.
    var mentions: [Int] = []
}
