import Dispatch

/// Runs blocking file work (a write and its fsync) on threads of its own, so that the board's
/// tasks never wait on the disk and several learners' fsyncs go to the disk together (ext4
/// commits them in one journal transaction): measured here, fsyncs one after the other capped
/// the board near 800 pushes a second.
enum BlockingIO {
    private static let queue = DispatchQueue(label: "runbook.board.io", attributes: .concurrent)

    /// The result of `work`, run on the I/O queue.
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws(BoardStoreError) -> T) async throws(BoardStoreError) -> T {
        let result: Result<T, BoardStoreError> = await withCheckedContinuation { continuation in
            queue.async {
                do throws(BoardStoreError) {
                    continuation.resume(returning: .success(try work()))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try result.get()
    }
}
