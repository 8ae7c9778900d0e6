/// One expectation of a drafted step's output.
struct DraftMatcher: Sendable, Hashable {
    /// `contains` (a line holds the text) or `matches` (a line matches the regex).
    enum Kind: String, Sendable {
        /// A stable line.
        case contains
        /// A line with parts that change, or a column header.
        case matches
        /// A value of a JSON document (`value` is the matcher's flow map: `{ path: .a, equals: "b" }`).
        case json
    }

    /// Which matcher.
    var kind: Kind
    /// The text or regex, as written in YAML (`${…}` substituted by the runner).
    var value: String
    /// Why it was drafted so, if it needs saying.
    var note: String?
    /// The stream it is on (`output`, `stdout` for an `http:` body, `stderr` for its headers).
    var stream = "output"
}
