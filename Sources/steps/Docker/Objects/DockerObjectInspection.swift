import Workflow

/// `docker <object> inspect NAME` with the learner's environment: through the Engine API where the
/// engine is local or plain TCP (SPEC 12.1), else through the CLI; either way stdout is the object's
/// JSON laid out as the CLI prints it, and an engine answer of "no such object" is `exists: false`.
struct DockerObjectInspection: CommandAction {
    /// `container`, `image`, `volume` or `network`.
    let object: String
    /// The object's name (or id).
    let name: String
    /// The learner's environment (DOCKER_HOST, DOCKER_CONTEXT, DOCKER_CONFIG, PATH).
    let environment: [String: String]

    /// The command that runs, as recorded and shown.
    var argv: [String] { ["docker", object, "inspect", name] }

    func perform(_ output: ActionOutput) async -> ActionOutcome {
        if let endpoint = EngineEndpoint.api(environment) { return await performThroughAPI(output, endpoint: endpoint) }
        let consumer = InspectOutputConsumer(output: output)
        let spec = ProcessSpec(executable: "docker", arguments: Array(argv.dropFirst()), environment: environment, workingDirectory: "/")
        let outcome = await ProcessRunner().run(spec, consumer: consumer)
        let subject = "\(object) \(name)"
        if let failure = outcome.launchFailure { return ActionOutcome(problem: .error(failure)) }
        if outcome.interrupted { return ActionOutcome(problem: .error("`docker \(object) inspect` was interrupted")) }
        guard case .exited(let status) = outcome.termination else {
            return ActionOutcome(problem: .error("`docker \(object) inspect` was killed"))
        }
        if status == 0 {
            consumer.finish()
            return ActionOutcome(facts: SubjectFacts(subject: subject, exists: true))
        }
        let stderr = consumer.errorText
        if DockerNotFound.says(stderr, object: object) { return ActionOutcome(facts: SubjectFacts(subject: subject, exists: false)) }
        return ActionOutcome(problem: .error(DockerCLI.engineMessage(DockerCLI.Reply(status: status, stdout: "", stderr: stderr))))
    }

    /// The same question through the Engine API.
    private func performThroughAPI(_ output: ActionOutput, endpoint: EngineEndpoint) async -> ActionOutcome {
        let subject = "\(object) \(name)"
        do {
            guard let raw = try await EngineClient.shared.inspect(object, name, at: endpoint) else {
                return ActionOutcome(facts: SubjectFacts(subject: subject, exists: false))
            }
            output.write(InspectIndentation.indent(raw), to: .stdout)
            return ActionOutcome(facts: SubjectFacts(subject: subject, exists: true))
        } catch {
            if error.kind == .interrupted { return ActionOutcome(problem: .error("`docker \(object) inspect` was interrupted")) }
            return ActionOutcome(problem: .error(error.message))
        }
    }
}
