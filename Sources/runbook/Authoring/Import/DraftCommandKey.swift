/// The command kinds a drafted step uses: what a tutorial's shell lines become.
enum DraftCommandKey: String, Sendable, Hashable {
    /// `docker: ARGS`.
    case docker
    /// `nvidia-docker: ARGS`.
    case nvidiaDocker = "nvidia-docker"
    /// `docker-compose: ARGS` (Compose v1's spelling, a Docker-family kind like `docker: compose`).
    case dockerCompose = "docker-compose"
    /// `sh: SCRIPT`, for pipes, redirections, `cd` and other shell glue.
    case sh
}
