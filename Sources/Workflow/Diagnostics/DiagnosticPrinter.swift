/// Renders diagnostics the way compilers do: `file:line:col: error: message`, the source line, a caret.
public struct DiagnosticPrinter: Sendable {
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
        let severity = diagnostic.severity.rawValue
        let label = colored ? "\(diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;35m")\(severity):\u{1B}[0m" : "\(severity):"
        var output = "\(diagnostic.location): \(label) \(diagnostic.message)\n"
        if let line = sources[diagnostic.location.file]?.line(diagnostic.location.line) {
            let visible = String(line.unicodeScalars.map { $0.value < 0x20 && $0 != "\t" ? "?" : Character($0) })
            output += visible + "\n"
            var pad = ""
            for (index, scalar) in line.unicodeScalars.enumerated() where index < diagnostic.location.column - 1 {
                pad.append(scalar == "\t" ? "\t" : " ")
            }
            let caret = colored ? "\u{1B}[1;32m^\u{1B}[0m" : "^"
            output += pad + caret + "\n"
        }
        return output
    }

    /// Every diagnostic, in order, each with its excerpt.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }
}
