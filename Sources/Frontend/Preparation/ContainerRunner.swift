import Foundation
import Steps
import Workflow

/// Runbook inside a container (SPEC 10.2), as the commands see it: `ContainerSetup`'s warnings on
/// standard error and its problems as the command's failure.
public enum ContainerRunner {
    /// First thing in `main`: the folder owner's identity and the state folders.
    public static func prepareProcess() {
        if let warning = ContainerSetup.prepareProcess() { StandardStreams.err(CommandFailure.line(.warning, warning)) }
    }

    /// Before any step of `run`, `check`, `selftest` or `guide`: exit 2 when no engine is mounted.
    public static func prepare(_ configuration: inout RunConfiguration) async throws(CommandFailure) {
        if let problem = await ContainerSetup.prepare(&configuration) { throw CommandFailure.usage(problem) }
    }
}
