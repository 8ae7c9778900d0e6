import Foundation
import Hummingbird
import Workflow

/// The body of one `GET /events` response: a retry hint, then a snapshot of the board or the
/// events the browser missed, then every event as it happens, until the browser leaves or the
/// server stops.
struct EventStream: Sendable {
    /// The board, for the snapshot.
    let store: BoardStore
    /// Where the browser is.
    let subscription: EventSubscription

    /// The streamed body.
    func body() -> ResponseBody {
        let store = store
        let subscription = subscription
        return ResponseBody { writer in
            defer { store.broadcaster.unsubscribe(subscription.number) }
            try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
            if let at = subscription.snapshotAt {
                let data = (try? JSONEncoder.runbook.encode(await store.matrix())).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
                try await writer.write(ByteBuffer(string: BoardEvent(id: at, name: .snapshot, data: data).wireText))
            }
            for event in subscription.replay {
                try await writer.write(ByteBuffer(string: event.wireText))
            }
            for await event in subscription.stream {
                try await writer.write(ByteBuffer(string: event.wireText))
            }
            try await writer.finish(nil)
        }
    }
}
