/// One check on a stream's lines (SPEC 1.2); values may hold `${…}`.
public enum Matcher: Sendable, Hashable {
    /// Some line contains the text.
    case contains(Template)
    /// No line contains the text.
    case notContains(Template)
    /// Some line matches the regex.
    case matches(Template)
    /// No line matches the regex.
    case notMatches(Template)
    /// The whole stream equals the text, trailing whitespace trimmed on both sides.
    case equals(Template)
    /// Each regex matches a line, in order, each on a later line.
    case lines([Template])
    /// The number of matching lines lies within min…max.
    case count(Template, min: Int?, max: Int?)
    /// The stream is one JSON document whose value at a path passes a check.
    case json(JSONMatcher)

    /// The YAML key of this matcher.
    public var keyName: String {
        switch self {
        case .contains: "contains"
        case .notContains: "not_contains"
        case .matches: "matches"
        case .notMatches: "not_matches"
        case .equals: "equals"
        case .lines: "lines"
        case .count: "count"
        case .json: "json"
        }
    }

    /// True for matchers that something in the output must satisfy (finish_on_match waits for them).
    public var isPositive: Bool {
        switch self {
        case .contains, .matches, .lines: true
        case .count(_, let min, _): min != nil
        case .notContains, .notMatches, .equals, .json: false
        }
    }

    /// The regexes of this matcher (empty for the text matchers).
    public var regexes: [Template] {
        switch self {
        case .matches(let regex), .notMatches(let regex), .count(let regex, _, _): [regex]
        case .lines(let regexes): regexes
        case .json(let json): if case .matches(let regex) = json.operation { [regex] } else { [] }
        case .contains, .notContains, .equals: []
        }
    }

    /// Every template in this matcher.
    public var templates: [Template] {
        switch self {
        case .contains(let text), .notContains(let text), .equals(let text): [text]
        case .json(let json): json.templates
        default: regexes
        }
    }
}
