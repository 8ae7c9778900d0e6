import Foundation

/// ANSI styling that switches itself off when colour is not wanted.
public struct TerminalStyle: Sendable {
    /// Whether escapes are emitted.
    public let enabled: Bool

    /// A styling that emits escapes when `enabled`.
    public init(enabled: Bool) {
        self.enabled = enabled
    }

    /// True when `descriptor` is a terminal and neither NO_COLOR nor --no-color forbids colour.
    public static func colorAllowed(noColorFlag: Bool, descriptor: Int32) -> Bool {
        if noColorFlag { return false }
        if let value = ProcessInfo.processInfo.environment["NO_COLOR"], !value.isEmpty { return false }
        return isatty(descriptor) == 1
    }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func red(_ text: String) -> String { wrap(text, "31") }
    public func green(_ text: String) -> String { wrap(text, "32") }
    public func yellow(_ text: String) -> String { wrap(text, "33") }
    public func cyan(_ text: String) -> String { wrap(text, "36") }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// The width of the terminal on `descriptor`, or nil when it is not a terminal.
    public static func width(of descriptor: Int32) -> Int? {
        var size = winsize()
        guard isatty(descriptor) == 1, ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
