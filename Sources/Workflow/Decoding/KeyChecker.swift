import Foundation

/// Checks the keys of a mapping against the allowed ones, suggesting the nearest for a typo.
struct KeyChecker {
    /// The allowed keys.
    let allowed: [String]
    /// What the mapping is, for messages ("step", "probe").
    let what: String

    /// Diagnostics for unknown and non-text keys of `pairs`.
    func check(_ pairs: [Node.Pair]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for pair in pairs {
            guard let key = pair.key.scalarValue else {
                problems.append(.error("a key of a \(what) must be text, found \(pair.key.kindDescription)", at: pair.key.location))
                continue
            }
            guard !allowed.contains(key) else { continue }
            if key == "<<" { continue }
            var message = "unknown key '\(key)' in \(what)"
            if let suggestion = Self.nearest(to: key, in: allowed) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += "; expected one of: " + allowed.joined(separator: ", ")
            }
            problems.append(.error(message, at: pair.key.location))
        }
        return problems
    }

    /// The allowed key closest to `key` by edit distance, when close enough to be a typo.
    static func nearest(to key: String, in candidates: [String]) -> String? {
        let lowered = key.lowercased().replacingOccurrences(of: "-", with: "_")
        var best: (String, Int)?
        for candidate in candidates {
            let distance = EditDistance.between(lowered, candidate.replacingOccurrences(of: "-", with: "_"))
            if distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        let limit = max(1, min(3, key.count / 3 + 1))
        return best.1 <= limit ? best.0 : nil
    }
}
