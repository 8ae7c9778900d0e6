/// The allowed keys of each mapping of a runbook (SPEC 1, 6): fixed ones plus the registered kinds'
/// keys. The decoder and the JSON Schema both read these tables, so they cannot drift apart.
public struct RunbookKeys: Sendable {
    /// The keys that name a command: one per registered kind.
    public let commandKeys: [String]

    /// The tables for the kinds of `registry`.
    public init(_ registry: KindRegistry) {
        commandKeys = registry.keys
    }

    /// Keys of the top-level mapping.
    public static let topLevel = ["runbook", "title", "description", "module", "vars", "secrets", "defaults", "steps", "cleanup"]
    /// Keys of a step besides its command key.
    public static let stepOwn = [
        "id", "title", "say", "hint", "hints", "cwd", "env", "stdin", "tty", "timeout", "retry", "finish_on_match", "needs", "when",
        "expect", "capture", "verify", "verify_before", "background", "stop", "stop_grace", "environment",
    ]
    /// Keys of a verify probe besides its command key.
    public static let probeOwn = ["expect", "cwd", "env", "stdin", "timeout", "why", "guard"]
    /// Keys of a cleanup item besides its command key.
    public static let cleanupOwn = ["cwd", "env", "stdin", "timeout"]
    /// Keys a `stop: ID` step may have besides `stop` (SPEC 6.11).
    public static let stopStep = ["id", "title", "say"]
    /// Keys of `defaults:`.
    public static let defaults = ["timeout", "retry", "env", "cwd"]
    /// Keys of `expect:`.
    public static let expect = ["exit", "status", "exists", "size", "mode", "stdout", "stderr", "output", "values"]
    /// Keys of `retry:`: a count of attempts, or a readiness wait.
    public static let retry = ["attempts", "delay", "for", "every"]
    /// Keys of a capture: `from` and one of `regex` or `json`.
    public static let capture = ["from", "regex", "json"]
    /// Keys of a `json` matcher: the path and one operation.
    public static let json = ["path"] + JSONMatcher.operationKeys
    /// Keys of a var written as a map.
    public static let variable = ["required", "description", "default"]
    /// The matchers of a stream.
    public static let matcher = ["contains", "not_contains", "matches", "not_matches", "equals", "lines", "count", "json"]
    /// The key beside a matcher (and in the map form of `exit`/`status`) that explains a failure in the learner's words.
    public static let why = "why"
    /// Keys of a matcher's map: one matcher and its `why`.
    public static let matcherMap = matcher + [why]
    /// Keys of the map form of `exit:` and `status:`: `{ equals: 0, why: … }`.
    public static let checkMap = ["equals", why]
    /// Keys of `count:`.
    public static let count = ["matches", "min", "max"]

    /// Every key of a step, in the order messages list them.
    public var step: [String] { Array(Self.stepOwn.prefix(5)) + commandKeys + Array(Self.stepOwn.dropFirst(5)) }
    /// Every key of a verify probe.
    public var probe: [String] { commandKeys + Self.probeOwn }
    /// Every key of a cleanup item.
    public var cleanup: [String] { commandKeys + Self.cleanupOwn }
}
