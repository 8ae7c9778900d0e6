/// A var that a drafted command uses, and where it came from.
enum DraftVariable: Sendable, Hashable {
    /// `$NAME`, `${NAME}` or `${NAME:-default}` in the text.
    case reference(String, fallback: String?)
    /// A placeholder of the text (`IMAGENAME`, `<container-id>`), as written.
    case placeholder(String, written: String)

    /// The var's name.
    var name: String {
        switch self {
        case .reference(let name, _), .placeholder(let name, _): name
        }
    }
}
