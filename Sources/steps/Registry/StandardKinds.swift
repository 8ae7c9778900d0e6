import Workflow

/// Every kind and backend the `runbook` command knows: the one place where a kind is registered.
public enum StandardKinds {
    /// A new registry of every command: the Docker kinds and their backend, `file:`, then `exec:`
    /// and `sh:`. The executable makes it once, at start-up, and passes it down (each backend's
    /// caches live in its registry); tests make one per suite.
    public static func make() -> KindRegistry {
        var registry = KindRegistry()
        registry.register(DockerCommandKind.docker)
        registry.register(DockerCommandKind.nvidiaDocker)
        registry.register(DockerComposeCommandKind())
        registry.register(DockerObjectKind.container)
        registry.register(DockerObjectKind.image)
        registry.register(DockerObjectKind.volume)
        registry.register(DockerObjectKind.network)
        registry.register(FileCommandKind())
        registry.register(backend: DockerBackend())
        registry.register(HTTPCommandKind())
        for kind in KindRegistry.core.kinds { registry.register(kind) }
        return registry
    }
}
