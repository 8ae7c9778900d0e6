/// How serious a diagnostic is: errors make a file invalid, warnings do not.
public enum Severity: String, Sendable, Hashable, Codable {
    case error
    case warning
}
