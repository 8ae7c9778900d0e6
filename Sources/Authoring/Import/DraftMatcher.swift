/// One expectation of a drafted step's output.
struct DraftMatcher: Sendable, Hashable {
    /// `contains` (a line holds the text) or `matches` (a line matches the regex).
    enum Kind: String, Sendable {
        /// A stable line.
        case contains
        /// A line with parts that change, or a column header.
        case matches
    }

    /// Which matcher.
    var kind: Kind
    /// The text or regex, as written in YAML (`${…}` substituted by the runner).
    var value: String
    /// Why it was drafted so, if it needs saying.
    var note: String?
}
