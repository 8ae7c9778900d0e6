/// The Engine API version a docker CLI of a given release speaks at most, and the CLI's rule for
/// agreeing on one with an engine (the lower of the two), so that runbook asks the engine at the
/// version the learner's CLI would and gets the same answers (an engine shapes some answers by the
/// version asked; Docker's "API version matrix" lists these pairs).
enum EngineAPIVersion {
    /// Release (major.minor of `docker --version`) → the highest API version it speaks.
    static let byRelease: [String: String] = [
        "17.03": "1.26", "17.04": "1.27", "17.05": "1.29", "17.06": "1.30", "17.07": "1.31", "17.09": "1.32", "17.10": "1.33",
        "17.11": "1.34", "17.12": "1.35", "18.02": "1.36", "18.03": "1.37", "18.04": "1.37", "18.05": "1.37", "18.06": "1.38",
        "18.09": "1.39", "19.03": "1.40", "20.10": "1.41", "23.0": "1.42", "24.0": "1.43", "25.0": "1.44", "26.0": "1.45",
        "26.1": "1.45", "27.0": "1.46", "27.1": "1.46", "27.2": "1.47", "27.3": "1.47", "27.4": "1.47", "27.5": "1.47",
        "28.0": "1.48", "28.1": "1.49", "28.2": "1.50", "28.3": "1.51", "28.4": "1.51", "28.5": "1.51", "29.0": "1.52",
    ]
    /// What an engine that names no version is taken to speak (the CLI's fallback).
    static let engineFallback = "1.24"

    /// The highest API version of the CLI release `clientVersion` ("20.10.24+dfsg1"), nil when unknown.
    static func highest(forClient clientVersion: String) -> String? {
        let numbers = clientVersion.split(whereSeparator: { !$0.isNumber && $0 != "." }).first.map { $0.split(separator: ".") } ?? []
        guard numbers.count >= 2 else { return nil }
        let minor = numbers[0].count == 2 && Int(numbers[0]) ?? 0 < 23 ? String(numbers[1]) : String(Int(numbers[1]) ?? 0)
        return byRelease["\(numbers[0]).\(minor)"]
    }

    /// The version to speak: the lower of the client's and the engine's (the engine's when the client's is unknown).
    static func negotiated(client: String?, engine: String?) -> String {
        let engine = engine.flatMap { $0.isEmpty ? nil : $0 } ?? engineFallback
        guard let client, let highest = highest(forClient: client) else { return engine }
        return isLower(highest, than: engine) ? highest : engine
    }

    /// Whether version `a` ("1.41") is lower than `b` ("1.45").
    static func isLower(_ a: String, than b: String) -> Bool {
        let left = a.split(separator: ".").map { Int($0) ?? 0 }
        let right = b.split(separator: ".").map { Int($0) ?? 0 }
        return left.lexicographicallyPrecedes(right)
    }
}
