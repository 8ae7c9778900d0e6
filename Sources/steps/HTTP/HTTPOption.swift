/// The names under which an `http:` command keeps its parts in `Command.options`: the map's own
/// keys, and `header.NAME` for each header.
enum HTTPOption {
    /// The URL (substituted).
    static let url = "url"
    /// The method, upper-cased (never substituted).
    static let method = "method"
    /// The body, sent as written (substituted).
    static let body = "body"
    /// `true` or `false`: whether redirects are followed (default true).
    static let followRedirects = "follow_redirects"
    /// `true` or `false`: whether TLS certificates go unchecked (default false).
    static let insecure = "insecure"
    /// The map key of the headers.
    static let headers = "headers"
    /// What precedes a header's name (its value is substituted).
    static let headerPrefix = "header."
    /// The map key of where the request is made from (SPEC 12.2).
    static let from = "from"
    /// `from.container` / `from.network`: the container whose network namespace, or the network, the request is made from.
    static let fromContainer = "from.container"
    /// See `fromContainer`.
    static let fromNetwork = "from.network"
    /// The keys of `from:`.
    static let fromKeys = ["container", "network"]

    /// The keys an `http:` map may have, in the order messages list them.
    static let keys = [url, method, headers, body, followRedirects, insecure, from]
}
