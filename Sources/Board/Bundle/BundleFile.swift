/// A file of the runbook's folder that goes into its bundle.
struct BundleFile: Equatable, Sendable {
    /// The path below the folder, `/`-separated.
    var path: String
    /// Its size in bytes (0 for a link).
    var size: Int
    /// Whether anyone may run it (0755 in the bundle, else 0644).
    var executable: Bool
    /// A symbolic link's target, kept only when it stays inside the folder.
    var linkTarget: String?
}
