/// Where an `http:` request with `from:` is made from (SPEC 12.2): inside a container's network
/// namespace, or from a container joined to a network.
enum HTTPOrigin: Sendable, Hashable {
    /// `from: { container: NAME }`: `docker run --network container:NAME`.
    case container(String)
    /// `from: { network: NET }`: `docker run --network NET`.
    case network(String)

    /// The container's or network's name.
    var name: String {
        switch self {
        case .container(let name), .network(let name): name
        }
    }

    /// `container` or `network`, for messages.
    var kind: String {
        switch self {
        case .container: "container"
        case .network: "network"
        }
    }

    /// The value of `docker run --network`.
    var networkFlag: String {
        switch self {
        case .container(let name): "container:\(name)"
        case .network(let name): name
        }
    }
}
