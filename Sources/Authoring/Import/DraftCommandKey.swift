/// The command kinds a drafted step uses: what a tutorial's shell lines become.
enum DraftCommandKey: String, Sendable, Hashable {
    /// `docker: ARGS`.
    case docker
    /// `nvidia-docker: ARGS`.
    case nvidiaDocker = "nvidia-docker"
    /// `sh: SCRIPT`, for pipes, redirections, `cd` and other shell glue.
    case sh
}
