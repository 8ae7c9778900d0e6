import Workflow

/// Reads a file inside a container through the engine, `docker cp -L CONTAINER:PATH -`, so that it
/// works for images without a shell and for stopped containers: the engine sends a tar archive,
/// whose first entry gives the facts (type, size, mode) and whose content is streamed to stdout.
/// Where the engine is local or plain TCP the archive is asked for through the Engine API
/// (`ContainerArchiveRequest`), else the CLI runs; both feed the same `TarEntryStreamer`.
struct ContainerFileReader: CommandAction {
    /// The path inside the container (absolute).
    let path: String
    /// The container's name or id.
    let container: String
    /// The learner's environment (DOCKER_HOST, DOCKER_CONTEXT, DOCKER_CONFIG, PATH).
    let environment: [String: String]

    /// The command that runs, as recorded: `-L` follows a symbolic link, as `cat` would.
    var argv: [String] { ["docker", "cp", "-L", "\(container):\(path)", "-"] }

    func perform(_ output: ActionOutput) async -> ActionOutcome {
        let streamer = TarEntryStreamer(output: output)
        if let endpoint = EngineEndpoint.api(environment) {
            let request = ContainerArchiveRequest(container: container, path: path, endpoint: endpoint)
            return judge(await request.stream(into: streamer), summary: streamer.summary)
        }
        let spec = ProcessSpec(executable: "docker", arguments: Array(argv.dropFirst()), environment: environment, workingDirectory: "/")
        let outcome = await ProcessRunner().run(spec, consumer: streamer)
        let summary = streamer.summary
        let file = "file \(path) in container \(container)"
        if let failure = outcome.launchFailure { return ActionOutcome(problem: .error(failure)) }
        if outcome.interrupted { return ActionOutcome(problem: .error("`docker cp` was interrupted")) }
        if !outcome.stoppedByConsumer {
            guard case .exited(let status) = outcome.termination else { return ActionOutcome(problem: .error("`docker cp` was killed")) }
            if status != 0 { return absentOrError(summary.errors, status: status, subject: file) }
        }
        return facts(of: summary, stopped: outcome.stoppedByConsumer)
    }

    /// What the API's answer means: the same facts and messages as `docker cp`.
    private func judge(_ ending: ContainerArchiveRequest.Ending, summary: TarEntryStreamer.Summary) -> ActionOutcome {
        let file = "file \(path) in container \(container)"
        switch ending {
        case .failed(let failure):
            if failure.kind == .interrupted { return ActionOutcome(problem: .error("`docker cp` was interrupted")) }
            if failure.status == 404, DockerNotFound.saysNoPath(failure.message) {
                return ActionOutcome(facts: SubjectFacts(subject: file, exists: false))
            }
            return ActionOutcome(problem: .error(failure.message))
        case .complete, .stopped:
            return facts(of: summary, stopped: ending == .stopped)
        }
    }

    /// The facts of the archive's first entry, as the CLI's output or the API's answer gave it.
    private func facts(of summary: TarEntryStreamer.Summary, stopped: Bool) -> ActionOutcome {
        let file = "file \(path) in container \(container)"
        if let problem = summary.problem { return ActionOutcome(problem: .error("cannot read what `docker cp` sent: \(problem)")) }
        guard let entry = summary.entry else { return ActionOutcome(problem: .error("`docker cp` sent no file")) }
        switch entry.type {
        case .file:
            if summary.missing > 0, !stopped {
                return ActionOutcome(problem: .error("`docker cp` ended \(summary.missing) bytes before the end of \(file)"))
            }
            return ActionOutcome(facts: SubjectFacts(subject: file, exists: true, size: entry.size, mode: entry.mode))
        case .folder:
            return ActionOutcome(facts: SubjectFacts(subject: "folder \(path) in container \(container)", exists: true))
        case .link:
            // With -L the engine sends a link only when it leads nowhere: like `cat`, nothing is there.
            return ActionOutcome(facts: SubjectFacts(subject: file, exists: false))
        default:
            let subject = "special file \(path) in container \(container)"
            return ActionOutcome(facts: SubjectFacts(subject: subject, exists: true, mode: entry.mode))
        }
    }

    /// A failed `docker cp`: a path that is not there is `exists: false`; anything else (no such
    /// container, an engine that does not answer) is the engine's error.
    private func absentOrError(_ errors: String, status: Int32, subject: String) -> ActionOutcome {
        if DockerNotFound.saysNoPath(errors) { return ActionOutcome(facts: SubjectFacts(subject: subject, exists: false)) }
        return ActionOutcome(problem: .error(DockerCLI.engineMessage(DockerCLI.Reply(status: status, stdout: "", stderr: errors))))
    }
}
