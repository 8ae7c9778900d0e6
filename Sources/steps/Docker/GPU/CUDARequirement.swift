/// An image's `NVIDIA_REQUIRE_CUDA` (e.g. `cuda>=12.4 brand=tesla,driver>=470,driver<471`), judged
/// against the learner's driver before a GPU step runs (SPEC 12.4), as NVIDIA's container runtime
/// judges it when the container starts: space-separated alternatives, any of which will do, each a
/// comma-separated list of conditions that must all hold. `brand=…` cannot be known from the
/// probe and is taken to hold, so an image is refused only when no alternative can hold.
struct CUDARequirement: Sendable, Hashable {
    /// One condition: `cuda>=12.4`, `driver<471`, `brand=tesla`, `arch=8.0`.
    struct Condition: Sendable, Hashable {
        /// `cuda`, `driver`, `brand`, `arch`.
        var name: String
        /// `>=`, `>`, `<=`, `<`, `=`.
        var comparison: String
        /// The version or value.
        var value: String
    }

    /// The alternatives, each a list of conditions.
    var alternatives: [[Condition]]
    /// The text as the image sets it.
    var text: String

    /// Reads the variable's value; nil when it holds no condition.
    init?(_ text: String) {
        self.text = text
        alternatives = text.split(whereSeparator: \.isWhitespace).map { alternative in
            alternative.split(separator: ",").compactMap { Self.condition(String($0)) }
        }.filter { !$0.isEmpty }
        if alternatives.isEmpty { return nil }
    }

    /// The `cuda>=` version of the first alternative that names one (what the image was built for).
    var cuda: String? {
        alternatives.lazy.flatMap { $0 }.first { $0.name == "cuda" && $0.comparison.hasPrefix(">") }?.value
    }

    /// Whether some alternative can hold with this driver and its highest CUDA (either may be unknown: then it holds).
    func isMet(cudaMax: String?, driver: String?) -> Bool {
        alternatives.contains { conditions in
            conditions.allSatisfy { condition in
                switch condition.name {
                case "cuda": cudaMax.map { Self.compare($0, condition.comparison, condition.value) } ?? true
                case "driver": driver.map { Self.compare($0, condition.comparison, condition.value) } ?? true
                default: true
                }
            }
        }
    }

    /// `name OP value`, or nil when `text` is not a condition.
    private static func condition(_ text: String) -> Condition? {
        for comparison in [">=", "<=", ">", "<", "="] {
            guard let range = text.range(of: comparison) else { continue }
            let name = text[..<range.lowerBound].lowercased()
            let value = String(text[range.upperBound...])
            guard !name.isEmpty, !value.isEmpty else { return nil }
            return Condition(name: name, comparison: comparison, value: value)
        }
        return nil
    }

    /// `left OP right` on dotted version numbers ("12.4" < "12.10"; missing parts count as 0).
    static func compare(_ left: String, _ comparison: String, _ right: String) -> Bool {
        let a = left.split(separator: ".").map { Int($0) ?? 0 }
        let b = right.split(separator: ".").map { Int($0) ?? 0 }
        let count = max(a.count, b.count)
        let padded = (a + Array(repeating: 0, count: count - a.count), b + Array(repeating: 0, count: count - b.count))
        let order = padded.0 == padded.1 ? 0 : (padded.0.lexicographicallyPrecedes(padded.1) ? -1 : 1)
        switch comparison {
        case ">=": return order >= 0
        case ">": return order > 0
        case "<=": return order <= 0
        case "<": return order < 0
        default: return order == 0
        }
    }
}
