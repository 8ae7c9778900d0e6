#if canImport(Glibc)
    import Glibc
#endif

/// Runs a closure on a new detached POSIX thread, outside Swift's cooperative pool, so that it
/// may block in `poll`, `read` or `waitid` without starving other tasks.
enum DetachedThread {
    /// Starts `body` on a new thread.
    static func start(_ body: @escaping @Sendable () -> Void) throws(LaunchError) {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread = pthread_t()
        let rc = pthread_create(
            &thread, nil,
            { raw in
                guard let raw else { return nil }
                Unmanaged<Body>.fromOpaque(raw).takeRetainedValue().run()
                return nil
            }, context)
        guard rc == 0 else {
            Unmanaged<Body>.fromOpaque(context).release()
            throw .resource(what: "a thread", errno: rc)
        }
        pthread_detach(thread)
    }

    /// Carries the closure across `pthread_create`'s untyped argument.
    private final class Body {
        /// The work to run.
        let run: @Sendable () -> Void

        /// Wraps `run`.
        init(_ run: @escaping @Sendable () -> Void) {
            self.run = run
        }
    }
}
