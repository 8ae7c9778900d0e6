/// One server-sent event of `GET /events`: `id:`, `event:` and `data:` lines.
public struct BoardEvent: Sendable, Equatable {
    /// The kinds of event the board page applies.
    public enum Name: String, Sendable {
        /// A learner's row changed; data is a `MatrixRow`.
        case learner
        /// The whole board; data is a `MatrixDocument` (a new page, or a resume that is too old).
        case snapshot
        /// A keep-alive comment, no data.
        case ping
    }

    /// `BOOT-N`: the server start's random tag, then a counter.
    public var id: String
    /// The kind.
    public var name: Name
    /// The JSON data, on one line.
    public var data: String

    /// Creates an event.
    public init(id: String, name: Name, data: String) {
        self.id = id
        self.name = name
        self.data = data
    }

    /// About the bytes the event holds (what the history counts).
    var size: Int { id.utf8.count + data.utf8.count + 32 }

    /// The event as it goes on the wire.
    public var wireText: String {
        if name == .ping { return ": ping\n\n" }
        return "id: \(id)\nevent: \(name.rawValue)\ndata: \(data)\n\n"
    }
}
