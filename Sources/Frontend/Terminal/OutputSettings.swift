/// What the output flags of a command say (`--no-color`, `--quiet`, `--verbose`), as plain values.
public struct OutputSettings: Sendable {
    /// `--no-color`.
    public var noColor: Bool
    /// `--quiet`: only failures and the summary.
    public var quiet: Bool
    /// `--verbose`: also each step's output.
    public var verbose: Bool

    /// Settings from the flags.
    public init(noColor: Bool = false, quiet: Bool = false, verbose: Bool = false) {
        self.noColor = noColor
        self.quiet = quiet
        self.verbose = verbose
    }

    /// Colour only on a terminal, never with NO_COLOR or --no-color.
    public func colored(for descriptor: Int32) -> Bool {
        TerminalStyle.colorAllowed(noColorFlag: noColor, descriptor: descriptor)
    }
}
