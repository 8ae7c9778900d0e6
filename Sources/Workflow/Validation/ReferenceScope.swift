/// Where a `${…}` is used, which decides which captures it may see.
enum ReferenceScope {
    /// Before the step runs: command, cwd, env, stdin, title, say, when, matchers.
    case beforeStep
    /// After the step ran: verify probes, values operands, hint.
    case afterStep
    /// Cleanup: any capture (the item is skipped when it was never made).
    case cleanup
}
