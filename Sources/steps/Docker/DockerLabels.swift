import Workflow

/// The labels the runner puts on the containers a run creates (SPEC 5, 6.11), so that sweeps find them.
public enum DockerLabels {
    /// The run's id.
    public static let run = "io.runbook.run"
    /// The learner's id.
    public static let learner = "io.runbook.learner"
    /// The step's id.
    public static let step = "io.runbook.step"
    /// The module's id (`Runbook.moduleId`): sweeps of leftovers touch only their own module's containers.
    public static let module = "io.runbook.module"

    /// The flags inserted right after `run`/`create`; the module label when a module is known.
    public static func flags(run runId: String, learner: String, step: String, module: String = "") -> [String] {
        var flags = ["--label", "\(run)=\(runId)", "--label", "\(Self.learner)=\(learner)", "--label", "\(Self.step)=\(step)"]
        if !module.isEmpty { flags += ["--label", "\(Self.module)=\(module)"] }
        return flags
    }

    /// The label filters of a sweep's labelled containers.
    public static func filters(for scope: SweepScope) -> [String: String] {
        switch scope {
        case .leftovers(let learner, let module): [Self.learner: learner, Self.module: module]
        case .attempt(let runId, let learner, let step): [run: runId, Self.learner: learner, Self.step: step]
        case .run(let runId, let learner, _, _): [run: runId, Self.learner: learner]
        }
    }
}
