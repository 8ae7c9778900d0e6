import Workflow

/// The request methods an `http:` step may use (SPEC 6.3), and the nearest one for a typo.
enum HTTPMethodName {
    /// Every allowed method, in the order messages list them.
    static let allowed = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    /// The method `text` names, upper-cased (`post` is `POST`), or nil when it is not allowed.
    static func normalized(_ text: String) -> String? {
        let upper = text.uppercased()
        return allowed.contains(upper) ? upper : nil
    }

    /// The allowed method nearest to `text` when it is close enough to be a typo (`GTE` → `GET`).
    static func suggestion(for text: String) -> String? {
        let upper = text.uppercased()
        let scored = allowed.map { ($0, EditDistance.between(upper, $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(1, upper.unicodeScalars.count / 3) ? best.0 : nil
    }
}
