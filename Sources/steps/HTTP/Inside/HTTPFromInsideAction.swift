import Text
import Workflow

/// An `http:` request with `from:` (SPEC 12.2): a short-lived probe container (`ProbeImage`,
/// labelled like everything the runner makes) joined to the network, or to the container's network
/// namespace with `--network container:NAME`, runs `runbook probe-http`; the step's readiness
/// wait runs inside it. Never `docker exec` into the target: that fails on images without a shell.
struct HTTPFromInsideAction: CommandAction {
    /// The request and where from.
    let request: HTTPRequest
    /// Where it is made from.
    let origin: HTTPOrigin
    /// What the probe is told (the request, the wait, the accepted statuses).
    let arguments: HTTPProbeArguments
    /// The labels of the probe container (run, learner, step).
    let labels: [String]
    /// The learner's environment (DOCKER_HOST, DOCKER_CONTEXT, DOCKER_CONFIG, PATH).
    let environment: [String: String]

    /// `docker run --rm --network NET LABELS… IMAGE ARGUMENTS…`.
    func dockerArguments(image: String) -> [String] {
        ["run", "--rm", "--network", origin.networkFlag] + labels + [image] + arguments.words
    }

    func perform(_ output: ActionOutput) async -> ActionOutcome {
        let image: String
        switch await ProbeImage.shared.reference(environment: environment) {
        case .failure(let problem): return ActionOutcome(problem: .error(problem.message))
        case .success(let reference): image = reference
        }
        let reader = ProbeOutputReader(output: output)
        let spec = ProcessSpec(
            executable: "docker", arguments: dockerArguments(image: image), environment: environment, workingDirectory: "/")
        let outcome = await ProcessRunner().run(spec, consumer: reader)
        if let failure = outcome.launchFailure { return ActionOutcome(problem: .error(failure)) }
        if outcome.interrupted { return ActionOutcome(problem: .error("the request probe was interrupted")) }
        if let header = reader.header {
            return judge(header, output: output, bodyFailure: outcome.termination == .exited(HTTPProbe.bodyFailed) ? reader.errorText : nil)
        }
        if outcome.stoppedByConsumer { return ActionOutcome() }
        return ActionOutcome(problem: .error(startFailure(reader.errorText)))
    }

    /// What the probe's JSON line says.
    private func judge(_ header: JSONValue, output: ActionOutput, bodyFailure: String?) -> ActionOutcome {
        func field(_ name: String) -> JSONValue? {
            if case .found(let value)? = EngineClient.lookup("." + name, in: header) { return value }
            return nil
        }
        if case .string(let message)? = field("error") { return ActionOutcome(problem: .error(message)) }
        if case .string(let message)? = field("failure") { return ActionOutcome(problem: .failed(message)) }
        guard case .number(let text)? = field("status"), let status = Int(text) else {
            return ActionOutcome(problem: .error("the request probe answered what runbook cannot read: \(header.text)"))
        }
        if case .string(let head)? = field("head") { output.write(head, to: .stderr) }
        let facts = SubjectFacts(subject: "\(request.method) \(request.url) from \(origin.kind) \(origin.name)", status: status)
        if let bodyFailure {
            return ActionOutcome(facts: facts, problem: .failed(bodyFailure.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        return ActionOutcome(facts: facts)
    }

    /// Why the probe container did not start: the container or network of `from:` missing, or the engine's own words.
    private func startFailure(_ errors: String) -> String {
        let message = DockerCLI.engineMessage(DockerCLI.Reply(status: 125, stdout: "", stderr: errors))
        if DockerNotFound.says(message, object: origin.kind) {
            return "no \(origin.kind) \(origin.name) to make the request from (`from: { \(origin.kind): \(origin.name) }`): \(message)"
        }
        return "the request probe did not start: \(message)"
    }
}
