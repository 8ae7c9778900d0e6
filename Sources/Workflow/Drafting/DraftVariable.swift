/// A var that a drafted command uses, and where it came from.
public enum DraftVariable: Sendable, Hashable {
    /// `$NAME`, `${NAME}` or `${NAME:-default}` in the text.
    case reference(String, fallback: String?)
    /// A placeholder of the text (`IMAGENAME`, `<container-id>`), as written.
    case placeholder(String, written: String)

    /// The var's name.
    public var name: String {
        switch self {
        case .reference(let name, _), .placeholder(let name, _): name
        }
    }

    /// Environment variables a shell already has: `$HOME` in a drafted command becomes `${env.HOME}`
    /// (drafters add their own, see `CommandDrafter.environmentNames`).
    public static let environmentNames: Set<String> = [
        "HOME", "PATH", "USER", "LOGNAME", "SHELL", "TERM", "LANG", "HOSTNAME", "TMPDIR", "UID", "EUID",
    ]

    /// Names runbook reserves; a text's var of that name is renamed.
    public static let reservedNames: Set<String> = TemplateParser.builtins.union(["env", "port", "workdir", "engine_host"])

    /// `name`, renamed when runbook reserves it.
    public static func varName(_ name: String) -> String {
        reservedNames.contains(name) ? "tutorial_" + name : name
    }
}
