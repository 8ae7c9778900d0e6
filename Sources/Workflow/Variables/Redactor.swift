/// Replaces secret values with `***` in everything stored or shown (SPEC 5).
public struct Redactor: Sendable {
    /// The secret values, longest first so that a secret containing another is replaced whole.
    public let secrets: [String]

    /// Creates a redactor for these values (empty values are ignored).
    public init(secrets: [String]) {
        self.secrets = Array(Set(secrets.filter { !$0.isEmpty })).sorted { $0.count > $1.count }
    }

    /// A redactor that changes nothing.
    public static let none = Redactor(secrets: [])

    /// True when the name marks a secret by itself: it contains PASSWORD, TOKEN or SECRET, in any case.
    public static func isSecretName(_ name: String) -> Bool {
        let upper = name.uppercased()
        return upper.contains("PASSWORD") || upper.contains("TOKEN") || upper.contains("SECRET")
    }

    /// Collects the secret values of a learner: the vars and env vars named in `secrets:`, and every
    /// var or env var whose name marks it as secret.
    public static func forScope(_ scope: VariableScope, runbook: Runbook) -> Redactor {
        var values: [String] = []
        let named = Set(runbook.secrets)
        for name in scope.declaredNames where named.contains(name) || isSecretName(name) {
            if let value = try? scope.value(of: name) { values.append(value) }
        }
        for (name, value) in scope.environment where named.contains(name) || isSecretName(name) {
            values.append(value)
        }
        return Redactor(secrets: values)
    }

    /// `text` with every secret replaced by `***`.
    public func redact(_ text: String) -> String {
        guard !secrets.isEmpty else { return text }
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacing(secret, with: "***")
        }
        return result
    }

    /// Each string redacted.
    public func redact(_ texts: [String]) -> [String] { texts.map(redact) }
}
