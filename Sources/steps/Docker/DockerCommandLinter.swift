import Workflow

/// Static checks of `docker:` and `nvidia-docker:` commands (SPEC 1.1 and 1.5).
struct DockerCommandLinter: Sendable {
    /// `docker` or `nvidia-docker`.
    let key: String

    /// Problems with `command`, positioned in the runbook.
    func lint(_ command: Command, context: LintContext) -> [Diagnostic] {
        let arguments = DockerArguments(command.words.map(\.raw))
        guard let subcommandIndex = arguments.subcommandIndex, let subcommand = arguments.subcommand else { return [] }
        let at = { (index: Int) in command.words[min(index, command.words.count - 1)].location }
        var problems: [Diagnostic] = []
        switch subcommand {
        case "run", "create":
            let parsed = arguments.parse(booleanFlags: DockerArguments.runBooleanFlags, bundled: DockerArguments.bundledRunFlags)
            let names = parsed.flags.map(\.name)
            let wantsTTY = parsed.flags.contains { ($0.name == "-t" || $0.name == "--tty") && $0.value != "false" }
            let detached = names.contains("-d") || names.contains("--detach")
            if subcommand == "run", wantsTTY, !detached, !context.tty, context.isStep {
                let index = parsed.flags.first { $0.name == "-t" || $0.name == "--tty" }?.index ?? subcommandIndex
                problems.append(
                    .error(
                        "`\(key) run` with -t needs a terminal: add `tty: true` to the step, or drop -t (or add -d)", at: at(index)))
            }
            if subcommand == "run", wantsTTY, !detached, !context.isStep {
                problems.append(.error("a probe or cleanup item cannot run `docker run -t`; drop -t", at: at(subcommandIndex)))
            }
            if parsed.positionals.isEmpty {
                problems.append(.error("`\(key) \(subcommand)` needs an image", at: at(subcommandIndex)))
            }
            if context.remoteEngines {
                for flag in parsed.flags where ["-v", "--volume", "--mount"].contains(flag.name) {
                    guard let value = flag.value else { continue }
                    let source =
                        flag.name == "--mount"
                        ? value.split(separator: ",").first { $0.hasPrefix("source=") || $0.hasPrefix("src=") }.map {
                            String($0.split(separator: "=", maxSplits: 1).last ?? "")
                        } ?? ""
                        : String(value.split(separator: ":").first ?? "")
                    if source.hasPrefix("/") || source.hasPrefix(".") || source.hasPrefix("~") || source.hasPrefix("${module}")
                        || source.hasPrefix("${runbook_dir}")
                    {
                        problems.append(
                            .warning(
                                "bind mount of the local path '\(source)': on a learner's remote engine it names a path on that engine's machine, not this one",
                                at: at(flag.index)))
                    }
                }
            }
        case "build":
            let parsed = arguments.parse(booleanFlags: DockerArguments.buildBooleanFlags)
            if parsed.positionals.isEmpty {
                problems.append(.error("`docker build` needs a build context, e.g. `.` at the end", at: at(subcommandIndex)))
            }
        default:
            break
        }
        return problems
    }
}
