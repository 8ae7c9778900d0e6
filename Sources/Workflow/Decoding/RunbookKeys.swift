/// The allowed keys of each mapping of a runbook (SPEC 1).
enum RunbookKeys {
    static let commandKeys = CommandKey.allCases.map(\.rawValue)
    static let topLevel = ["runbook", "title", "description", "module", "vars", "secrets", "defaults", "steps", "cleanup"]
    static let step = ["id", "title", "say", "hint"] + commandKeys + [
        "cwd", "env", "stdin", "tty", "timeout", "retry", "finish_on_match", "needs", "when", "expect", "capture", "verify",
        "verify_before",
    ]
    static let probe = commandKeys + ["expect", "cwd", "env", "stdin", "timeout"]
    static let cleanup = commandKeys + ["cwd", "env", "stdin", "timeout"]
    static let defaults = ["timeout", "retry", "env", "cwd"]
    static let expect = ["exit", "stdout", "stderr", "output", "values"]
    static let retry = ["attempts", "delay"]
    static let capture = ["from", "regex"]
    static let variable = ["required", "description", "default"]
    static let matcher = ["contains", "not_contains", "matches", "not_matches", "equals", "lines", "count"]
    static let count = ["matches", "min", "max"]
}
