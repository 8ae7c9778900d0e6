/// Replaces secret values with `***` in everything stored or shown (SPEC 5).
///
/// Output is redacted line by line (the terminal, `failures[].lines`), so a secret that spans
/// several lines could never be found whole: each of its lines is also a secret on its own.
/// Values shorter than `minimumLength` characters are not redacted at all, as CI systems do
/// (a one-letter secret would turn every such letter into `***`); `ignoredNames` lists the
/// secrets that are affected, so that the caller can warn about them.
public struct Redactor: Sendable {
    /// Values shorter than this (in characters) are never redacted.
    public static let minimumLength = 4

    /// The texts replaced, longest first so that a secret containing another is replaced whole:
    /// every secret value and every line of a multi-line one, those too short left out.
    public let secrets: [String]
    /// Names of the secrets (given by name) whose value, or a line of it, is too short to be
    /// redacted, sorted; each deserves a warning such as "secret NAME is shorter than 4
    /// characters and is not redacted".
    public let ignoredNames: [String]

    /// Creates a redactor for these values; empty values are ignored, and so are values and
    /// lines shorter than `minimumLength`.
    public init(secrets: [String]) {
        self.init(namedSecrets: secrets.map { (name: "", value: $0) })
    }

    /// Creates a redactor for named values; the names of values that are (partly) too short to
    /// redact end up in `ignoredNames`.
    public init(namedSecrets: [(name: String, value: String)]) {
        var texts = Set<String>()
        var ignored = Set<String>()
        for (name, value) in namedSecrets where !value.isEmpty {
            var tooShort = false
            for piece in Self.pieces(of: value) where !piece.isEmpty {
                if piece.count >= Self.minimumLength { texts.insert(piece) } else { tooShort = true }
            }
            if tooShort && !name.isEmpty { ignored.insert(name) }
        }
        secrets = texts.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        ignoredNames = ignored.sorted()
    }

    /// The value itself and, when it spans lines, each line as output shows it: split at LF,
    /// trailing CRs removed (SPEC 1.2).
    private static func pieces(of value: String) -> [String] {
        guard value.utf8.contains(0x0A) || value.utf8.contains(0x0D) else { return [value] }
        var pieces = [value]
        for line in value.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            var end = line.endIndex
            while end > line.startIndex, line[line.index(before: end)] == 0x0D { end = line.index(before: end) }
            pieces.append(String(decoding: line[line.startIndex..<end], as: UTF8.self))
        }
        return pieces
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
        var values: [(name: String, value: String)] = []
        let named = Set(runbook.secrets)
        for name in scope.declaredNames where named.contains(name) || isSecretName(name) {
            if let value = try? scope.value(of: name) { values.append((name, value)) }
        }
        for (name, value) in scope.environment where named.contains(name) || isSecretName(name) {
            values.append((name, value))
        }
        return Redactor(namedSecrets: values)
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

    /// `text`, which was cut from a longer line, redacted: whole secrets become `***`, and so does
    /// the start of a secret that the cut left at its end (before a final `…`, if any), when it is
    /// at least `minimumLength` characters long. Redacting after a cut (the live line's 240 bytes,
    /// a quoted line's 2,048) would otherwise show the part of a secret before the cut.
    public func redactAfterCut(_ text: String) -> String {
        var result = redact(text)
        guard !secrets.isEmpty else { return result }
        let marker = result.hasSuffix("…") ? "…" : ""
        let body = result.dropLast(marker.count)
        var longest = 0
        for secret in secrets {
            var length = min(secret.count - 1, body.count)
            while length >= Self.minimumLength && length > longest {
                if body.hasSuffix(secret.prefix(length)) {
                    longest = length
                    break
                }
                length -= 1
            }
        }
        if longest > 0 { result = String(body.dropLast(longest)) + "***" + marker }
        return result
    }

    /// Each string redacted.
    public func redact(_ texts: [String]) -> [String] { texts.map { redact($0) } }
}
