/// The keys that name a step's command, and what each runs.
public enum CommandKey: String, Sendable, Hashable, CaseIterable, Codable {
    /// `docker: ARGS`, the docker binary.
    case docker
    /// `nvidia-docker: ARGS`, nvidia-docker or `docker run --gpus all`.
    case nvidiaDocker = "nvidia-docker"
    /// `exec: [PROG, ARG…]`, any program.
    case exec
    /// `sh: SCRIPT`, `/bin/sh -c SCRIPT`, never substituted.
    case sh

    /// True for the keys that talk to a Docker engine.
    public var usesDockerEngine: Bool { self == .docker || self == .nvidiaDocker }
}
