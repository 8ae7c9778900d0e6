import ArgumentParser

/// The positional RUNBOOK argument, `./workshop.yaml` by default.
struct RunbookPathArgument: ParsableArguments {
    @Argument(help: "The runbook file.", completion: .file(extensions: ["yaml", "yml"]))
    var runbook: String = "workshop.yaml"
}
