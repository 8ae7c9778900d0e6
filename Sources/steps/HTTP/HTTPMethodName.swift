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
        let upper = Array(text.uppercased().unicodeScalars)
        let scored = allowed.map { ($0, distance(upper, Array($0.unicodeScalars))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(1, upper.count / 3) ? best.0 : nil
    }

    /// Edit distance where swapping two neighbours counts as one edit (`GTE` is one edit from `GET`).
    private static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let substitution = table[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, substitution)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
