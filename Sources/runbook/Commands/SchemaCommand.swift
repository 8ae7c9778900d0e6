import ArgumentParser
import Frontend
import Steps
import Workflow

/// `runbook schema [--roster]`: the JSON Schema of runbooks (or rosters), for editors.
struct SchemaCommand: KindsCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft-07) of runbooks, or of rosters with --roster, for editors.",
        discussion: """
            Generated from the tables the runbook decoder checks keys against, so it accepts every key \
            runbook reads. Point yaml-language-server at it with a first line such as \
            `# yaml-language-server: $schema=docs/schema/runbook.schema.json` (a path relative to the file).
            """
    )

    @Flag(name: .long, help: "The schema of rosters (--learners FILE in YAML) instead of runbooks.")
    var roster = false

    func run(kinds: KindRegistry) async throws {
        StandardStreams.out(roster ? RosterSchema(registry: kinds).text : RunbookSchema(registry: kinds).text)
    }
}
