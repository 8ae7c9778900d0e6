import Synchronization

/// Interns file names as small numbers for `SourceLocation`; append-only and thread-safe.
final class FileNameTable: Sendable {
    /// The process-wide table.
    static let shared = FileNameTable()

    private let state = Mutex<(names: [String], ids: [String: Int32])>(([], [:]))

    /// The number for `name`, assigning one on first use.
    func id(for name: String) -> Int32 {
        state.withLock { state in
            if let id = state.ids[name] { return id }
            let id = Int32(state.names.count)
            state.names.append(name)
            state.ids[name] = id
            return id
        }
    }

    /// The name behind `id`.
    func name(for id: Int32) -> String {
        state.withLock { $0.names[Int(id)] }
    }
}
