import Board
import Foundation

/// A `BoardServer` running in the test's process on 127.0.0.1 and a port the system picked.
struct RunningBoard: Sendable {
    /// The server.
    let server: BoardServer
    /// Its port.
    let port: Int

    /// `http://127.0.0.1:PORT`.
    var origin: String { "http://127.0.0.1:\(port)" }
    /// The join URL.
    var joinURL: String { "\(origin)/join/\(server.code)" }
    /// The instructor's token.
    var token: String { server.instructorToken }

    /// A server that did not start listening.
    struct NotListening: Error {}

    /// Runs a board with `configuration` for the length of `body`, then stops it and waits for its end.
    static func with<T: Sendable>(_ configuration: BoardConfiguration, _ body: @Sendable (RunningBoard) async throws -> T) async throws -> T
    {
        let server = try BoardServer(configuration: configuration)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { continuation.finish() }
                try await server.run { port in continuation.yield(port) }
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else {
                try await group.waitForAll()
                throw NotListening()
            }
            do {
                let result = try await body(RunningBoard(server: server, port: port))
                await server.stop()
                try await group.waitForAll()
                return result
            } catch {
                await server.stop()
                try? await group.waitForAll()
                throw error
            }
        }
    }
}
