import Workflow

/// The labels the runner puts on the containers a run creates (SPEC 5), so that sweeps find them.
public enum DockerLabels {
    /// The run's id.
    public static let run = "io.runbook.run"
    /// The learner's id.
    public static let learner = "io.runbook.learner"
    /// The step's id.
    public static let step = "io.runbook.step"

    /// The flags inserted right after `run`/`create`.
    public static func flags(run runId: String, learner: String, step: String) -> [String] {
        ["--label", "\(run)=\(runId)", "--label", "\(Self.learner)=\(learner)", "--label", "\(Self.step)=\(step)"]
    }

    /// The label filters of a sweep.
    public static func filters(for scope: SweepScope) -> [String: String] {
        switch scope {
        case .leftovers(let learner): [Self.learner: learner]
        case .attempt(let runId, let learner, let step): [run: runId, Self.learner: learner, Self.step: step]
        case .run(let runId, let learner): [run: runId, Self.learner: learner]
        }
    }
}
