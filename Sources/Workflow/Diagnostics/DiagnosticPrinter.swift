/// Renders diagnostics the way compilers do: `file:line:col: error: message`, the source line, a caret.
///
/// Text that came from the input (keys, ids, the quoted line) may hold control characters, e.g.
/// an ESC written as `"\e[31m"` in a YAML key: they are shown as `^X` (`ControlCharacters`), never
/// sent to the terminal raw. Of a long source line only `quotedColumns` columns around the caret
/// are quoted, with `…` where the line was cut.
public struct DiagnosticPrinter: Sendable {
    /// At most this many columns (Unicode scalars) of a source line are quoted.
    public static let quotedColumns = 200

    /// Whether to colour the severity and caret with ANSI escapes.
    public var colored: Bool
    private var sources: [String: SourceFile]

    /// Creates a printer that can quote lines from `sources`.
    public init(sources: [SourceFile], colored: Bool = false) {
        self.colored = colored
        self.sources = Dictionary(sources.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Adds or replaces a source file to quote from.
    public mutating func add(_ source: SourceFile) {
        sources[source.path] = source
    }

    /// One diagnostic with its source excerpt, ending in a newline.
    public func render(_ diagnostic: Diagnostic) -> String {
        render(diagnostic, line: sources[diagnostic.location.file]?.line(diagnostic.location.line).map { Array($0.unicodeScalars) })
    }

    /// Every diagnostic, in order, each with its excerpt; a line quoted by several diagnostics in a
    /// row is decoded once.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        var output = ""
        var cached: (file: String, number: Int, scalars: [Unicode.Scalar]?)?
        for diagnostic in diagnostics {
            let location = diagnostic.location
            if cached?.file != location.file || cached?.number != location.line {
                cached = (location.file, location.line, sources[location.file]?.line(location.line).map { Array($0.unicodeScalars) })
            }
            output += render(diagnostic, line: cached?.scalars)
        }
        return output
    }

    private func render(_ diagnostic: Diagnostic, line: [Unicode.Scalar]?) -> String {
        let severity = diagnostic.severity.rawValue
        let label = colored ? "\(diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;35m")\(severity):\u{1B}[0m" : "\(severity):"
        let location = ControlCharacters.visible(diagnostic.location.description, keepLineFeeds: false)
        var output = "\(location): \(label) \(ControlCharacters.visible(diagnostic.message, keepLineFeeds: false))\n"
        if let line {
            let (quoted, pad) = Self.excerpt(of: line, caretColumn: diagnostic.location.column)
            output += quoted + "\n"
            output += pad + (colored ? "\u{1B}[1;32m^\u{1B}[0m" : "^") + "\n"
        }
        return output
    }

    /// The part of `line` to quote (controls made visible, `…` where cut) and the padding that
    /// puts a caret under the 1-based `caretColumn` (tabs kept as tabs so that they line up).
    static func excerpt(of line: [Unicode.Scalar], caretColumn: Int) -> (quoted: String, pad: String) {
        let caret = max(caretColumn - 1, 0)
        let start = line.count > quotedColumns ? max(0, min(caret - quotedColumns / 2, line.count - quotedColumns)) : 0
        let end = min(line.count, start + quotedColumns)
        let quoted = (start > 0 ? "…" : "") + visible(line[start..<end]) + (end < line.count ? "…" : "")
        // The caret goes under what the quoted text shows before it (a control shows as two columns).
        var pad = start > 0 ? " " : ""
        for scalar in visible(line[start..<min(max(caret, start), end)]).unicodeScalars {
            pad.append(scalar == "\t" ? "\t" : " ")
        }
        // A caret past the end of the line (an error at its end) goes right after it.
        pad += String(repeating: " ", count: min(max(caret - end, 0), quotedColumns))
        return (quoted, pad)
    }

    private static func visible(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        return ControlCharacters.visible(String(text), keepLineFeeds: false)
    }
}
