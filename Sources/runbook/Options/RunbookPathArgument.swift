import ArgumentParser

/// The positional RUNBOOK argument, `./workshop.yaml` by default.
struct RunbookPathArgument: ParsableArguments {
    /// RUNBOOK as given (nil: not given; `guide --join` then fetches the board's, SPEC 10.3).
    @Argument(
        help: ArgumentHelp("The runbook file (default: workshop.yaml).", valueName: "runbook"),
        completion: .file(extensions: ["yaml", "yml"]))
    var given: String?

    /// The runbook file.
    var runbook: String { given ?? "workshop.yaml" }
}
