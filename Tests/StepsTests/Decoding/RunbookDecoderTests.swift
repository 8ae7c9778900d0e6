import Foundation
import Steps
import Testing

@testable import Workflow

/// Decoding a valid runbook into the model (SPEC 1); its warnings are in RunbookDecoderWarningTests.
@Suite("Runbook decoder")
struct RunbookDecoderTests {
    /// Every standard kind, made once for the suite.
    static let kinds = StandardKinds.make()

    /// Loads `text` as `/work/modules/runbook.yaml` with the standard kinds.
    static func load(_ text: String, remoteEngines: Bool = false) -> RunbookLoadResult {
        RunbookLoader(registry: Self.kinds, remoteEngines: remoteEngines)
            .load(bytes: Array(text.utf8), path: "/work/modules/runbook.yaml")
    }

    private func load(_ text: String) -> RunbookLoadResult {
        Self.load(text)
    }

    private func decoded() throws -> Runbook {
        let result = load(Self.complete)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description).joined(separator: "\n"))")
        return try #require(result.runbook)
    }

    private func step(_ id: String) throws -> Step {
        try #require(try decoded().step(id), "no step \(id)")
    }

    // MARK: top level

    @Test func topLevelKeys() throws {
        let runbook = try decoded()
        #expect(runbook.version == 1)
        #expect(runbook.title == "1 - Docker")
        #expect(runbook.description == "Containerize a TensorFlow MNIST classifier and publish it.")
        #expect(runbook.path == "/work/modules/runbook.yaml")
        #expect(runbook.directory == "/work/modules")
        #expect(runbook.module == "/work/modules/modules/1-docker")
        #expect(runbook.secrets == ["REGISTRY_PASSWORD"])
        #expect(runbook.steps.map(\.id) == ["hostname", "echo", "build", "train", "login", "shell", "report"])
        #expect(runbook.sha256.count == 64)
        #expect(runbook.sha256 == load(Self.complete).runbook?.sha256)
        #expect(runbook.sha256 != load(Self.complete + "\n").runbook?.sha256)
        #expect(runbook.backends == ["docker"])
    }

    @Test func moduleDefaultsToTheRunbookFolder() throws {
        let result = load("runbook: 1\nsteps:\n  - id: a\n    sh: echo\n    expect: { stdout: { contains: x } }\n")
        #expect(try #require(result.runbook).module == "/work/modules")
        #expect(result.runbook?.backends == [])
    }

    @Test func vars() throws {
        let vars = try decoded().vars
        #expect(vars.map(\.name) == ["DOCKER_USERNAME", "image", "ubuntu_image", "threshold", "REGISTRY_PASSWORD", "extra"])
        let user = vars[0]
        #expect(user.defaultValue?.raw == "${env.DOCKER_USERNAME:-${learner}}")
        guard case .environment(let name, let fallback, _)? = user.defaultValue?.parts.first else {
            Issue.record("DOCKER_USERNAME's default is not an env reference: \(String(describing: user.defaultValue))")
            return
        }
        #expect(name == "DOCKER_USERNAME")
        #expect(fallback?.variableReferences.map(\.name) == ["learner"])
        #expect(user.required == false)
        #expect(vars[1].defaultValue?.variableReferences.map(\.name) == ["DOCKER_USERNAME"])
        #expect(vars[3].defaultValue?.raw == "0.6")
        let password = vars[4]
        #expect(password.required)
        #expect(password.description == "password of your registry account")
        #expect(password.defaultValue == nil)
        #expect(vars[5].defaultValue?.raw == "--quiet")
        #expect(vars[5].required == false)
        #expect(vars.map(\.location.line) == [6, 7, 8, 9, 10, 11])
        #expect(vars[0].location.column == 3)
    }

    @Test func defaults() throws {
        let defaults = try decoded().defaults
        #expect(defaults.timeout == .seconds(120))
        #expect(defaults.retry == Retry(attempts: 2, delay: .milliseconds(500)))
        #expect(defaults.env.map(\.name) == ["LANG"])
        #expect(defaults.env.map(\.value.raw) == ["C.UTF-8"])
        #expect(defaults.cwd?.variableReferences.map(\.name) == ["module"])
    }

    // MARK: steps

    @Test func dockerStringStep() throws {
        let step = try step("hostname")
        #expect(step.title?.raw == "Run a throwaway ${ubuntu_image} container")
        #expect(step.say?.raw == "Docker starts a container from `${ubuntu_image}`.\n")
        #expect(step.hint?.raw == "Is the Docker engine running? Try `docker version`.")
        #expect(step.command.key == "docker")
        #expect(step.command.splitFromString)
        #expect(step.command.words.map(\.raw) == ["run", "--name", "${learner}-hostname", "${ubuntu_image}", "hostname"])
        #expect(step.command.location == Workflow.SourceLocation(file: "/work/modules/runbook.yaml", line: 23, column: 5))
        #expect(step.location == Workflow.SourceLocation(file: "/work/modules/runbook.yaml", line: 19, column: 5))
        #expect(step.expect.exit == .codes([0]))
        #expect(!step.expect.exitWritten)
        #expect(step.expect.streams.map(\.stream) == [.stdout])
        #expect(step.expect.streams.first?.matcher.regexes.map(\.raw) == ["^[0-9a-f]{12}$"])
        #expect(step.captures.map(\.name) == ["container_host"])
        #expect(step.captures.first?.stream == .stdout)
        #expect(step.captures.first?.regex.raw == "^([0-9a-f]{12})$")
        #expect(step.captures.first?.fromMatcher == false)
        #expect(step.captures.first?.location.line == 27)
        #expect(step.needs.isEmpty)
        #expect(step.tty == false)
        #expect(step.verifyBefore == .fail)
        #expect(step.timeout == nil)
        #expect(step.retry == nil)
    }

    @Test func dockerListStepAndTextMatchers() throws {
        let step = try step("echo")
        #expect(step.command.key == "docker")
        #expect(!step.command.splitFromString)
        #expect(step.command.words.map(\.raw) == ["run", "--rm", "${ubuntu_image}", "echo", "${container_host}"])
        #expect(step.expect.exit == .codes([0, 1]))
        #expect(step.expect.exitWritten)
        #expect(step.expect.streams.map(\.stream) == [.stdout, .stdout, .stdout, .stderr])
        #expect(step.expect.streams.map(\.matcher.keyName) == ["contains", "not_contains", "equals", "not_matches"])
        #expect(
            step.expect.streams.map { $0.matcher.templates.map(\.raw) } == [
                ["${container_host}"], ["Traceback"], ["${container_host}"], ["Error"],
            ])
        #expect(step.expect.streams.map(\.matcher.isPositive) == [true, false, false, false])
        // Using a capture implies needing the step that makes it.
        #expect(step.needs == ["hostname"])
    }

    @Test func buildStepSettings() throws {
        let step = try step("build")
        #expect(step.cwd?.raw == "src")
        #expect(step.env.map(\.name) == ["DOCKER_BUILDKIT"])
        #expect(step.env.first?.value.raw == "0")
        #expect(step.timeout == .seconds(90))
        #expect(step.retry == Retry(attempts: 3, delay: .seconds(2)))
        #expect(step.command.words.map(\.raw) == ["build", "-t", "${image}", "."])
        #expect(step.verifyBefore == .pass)
        guard step.expect.streams.count == 2,
            case .lines(let lines) = step.expect.streams[0].matcher,
            case .count(let pattern, let minimum, let maximum) = step.expect.streams[1].matcher
        else {
            Issue.record("unexpected matchers \(step.expect.streams)")
            return
        }
        #expect(step.expect.streams.map(\.stream) == [.output, .output])
        #expect(lines.map(\.raw) == ["^Step 1/", "^Successfully built"])
        #expect(pattern.raw == #"^Step \d+/"#)
        #expect(minimum == 2)
        #expect(maximum == 20)
        #expect(step.verify.count == 1)
        let probe = try #require(step.verify.first)
        #expect(probe.command.key == "docker")
        #expect(probe.command.words.map(\.raw) == ["image", "inspect", "${image}"])
        #expect(probe.expect.streams.first?.matcher.keyName == "contains")
        #expect(probe.expect.streams.first?.matcher.templates.map(\.raw) == ["Id"])
        #expect(probe.timeout == .seconds(10))
    }

    @Test func gpuStepWithConditionsNeedsValuesAndNamedGroups() throws {
        let step = try step("train")
        #expect(step.command.key == "nvidia-docker")
        #expect(step.finishOnMatch)
        #expect(step.needs == ["build"])
        #expect(step.when.map(\.raw) == ["gpu", "!tty"])
        #expect(step.when.map(\.subject) == [.capability(DockerBackend.gpu), .capability(.tty)])
        #expect(step.when.map(\.negated) == [false, true])
        #expect(step.expect.exit == .any)
        #expect(step.expect.values.count == 1)
        let value = try #require(step.expect.values.first)
        #expect(value.name == "accuracy")
        #expect(value.comparison == .greaterOrEqual)
        #expect(value.operand.variableReferences.map(\.name) == ["threshold"])
        // A named group of a `matches` matcher is a capture of this step.
        #expect(step.captures.map(\.name) == ["accuracy"])
        #expect(step.captures.first?.fromMatcher == true)
        #expect(step.captures.first?.stream == .stdout)
        #expect(try decoded().step("report")?.needs == ["train"])
    }

    @Test func execStepWithStdinAndVarCondition() throws {
        let step = try step("login")
        #expect(step.command.key == "exec")
        #expect(step.command.words.map(\.raw) == ["docker", "login", "-u", "${DOCKER_USERNAME}", "--password-stdin", "localhost:5000"])
        #expect(step.stdin?.variableReferences.map(\.name) == ["REGISTRY_PASSWORD"])
        #expect(step.expect.exit == .nonzero)
        #expect(step.when.count == 1)
        let condition = try #require(step.when.first)
        #expect(condition.negated)
        guard case .value(let template) = condition.subject else {
            Issue.record("expected a var condition, got \(condition.subject)")
            return
        }
        #expect(template.variableReferences.map(\.name) == ["DOCKER_USERNAME"])
        // `${` is at column 13 of `    when: "!${DOCKER_USERNAME}"`, but a double-quoted scalar points at its start.
        #expect(template.variableReferences.first?.location.column == 11)
    }

    @Test func shStepIsNeverSubstituted() throws {
        let step = try step("shell")
        #expect(step.command.key == "sh")
        #expect(step.command.words.isEmpty)
        #expect(step.command.script == #"echo "$image ${not_substituted}" | wc -c"#)
        #expect(step.tty)
    }

    @Test func cleanupItems() throws {
        let cleanup = try decoded().cleanup
        try #require(cleanup.count == 2)
        #expect(cleanup[0].command.key == "docker")
        #expect(cleanup[0].command.words.map(\.raw) == ["rm", "-f", "${learner}-hostname"])
        #expect(cleanup[0].timeout == .seconds(30))
        #expect(cleanup[1].command.script == "rm -rf /tmp/x")
        #expect(cleanup[1].cwd?.raw == "/tmp")
        #expect(cleanup[1].env.map(\.name) == ["X"])
        #expect(cleanup[1].stdin?.raw == "bye")
    }

    @Test func needsListsAndExitForms() throws {
        let result = load(
            """
            runbook: 1
            steps:
              - id: a
                sh: "true"
                expect: { exit: 0, stdout: { not_contains: x } }
              - id: b
                sh: "true"
                needs: [a]
                expect: { exit: "3", stdout: { not_contains: x } }
              - id: c
                sh: "true"
                needs: [a, b]
                expect: { exit: [2], stdout: { not_contains: x } }
            """)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let runbook = try #require(result.runbook)
        #expect(runbook.steps.map(\.needs) == [[], ["a"], ["a", "b"]])
        #expect(runbook.steps.map(\.expect.exit) == [.codes([0]), .codes([3]), .codes([2])])
    }
}
