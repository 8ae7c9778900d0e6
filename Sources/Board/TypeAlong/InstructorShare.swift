/// `record --share`: each command, as it ends, goes to the board in order, on a task of its own,
/// so that the recorded shell never waits for the board; what the board did not take is said once
/// at the end.
public final class InstructorShare: Sendable {
    private struct Item: Sendable {
        var command: String
        var exitStatus: Int32?
        var output: [String]
    }

    private let queue: AsyncStream<Item>.Continuation
    private let sender: Task<[String], Never>

    /// Starts sharing to the board of `url` with the instructor's `token`.
    public init(url: JoinURL, token: String) {
        let (stream, queue) = AsyncStream<Item>.makeStream()
        self.queue = queue
        let client = TypeAlongClient(url: url)
        sender = Task {
            var problems: [String] = []
            for await item in stream {
                if let problem = await client.share(command: item.command, exitStatus: item.exitStatus, output: item.output, token: token) {
                    problems.append("`\(item.command)`: \(problem)")
                }
            }
            return problems
        }
    }

    /// Queues a command that ended (callable from any thread).
    public func send(command: String, exitStatus: Int32?, output: [String]) {
        queue.yield(Item(command: command, exitStatus: exitStatus, output: Array(output.prefix(InstructorEntry.outputLines))))
    }

    /// Sends what is queued; returns what the board did not take.
    public func finish() async -> [String] {
        queue.finish()
        return await sender.value
    }
}
