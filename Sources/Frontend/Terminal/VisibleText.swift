import Workflow

/// Makes untrusted text safe for a terminal: control characters become visible, never sent raw.
public enum VisibleText {
    /// `text` with C0/C1 controls (but not tab) shown as `^X` or `\u{…}`; the one implementation
    /// is `ControlCharacters`, which reports and diagnostics use too.
    public static func sanitize(_ text: String) -> String {
        ControlCharacters.visible(text, keepLineFeeds: false)
    }
}
