/// One entry of a workshop bundle's tar archive (POSIX ustar): a file, a folder or a symbolic link.
struct TarEntry: Equatable, Sendable {
    /// What the entry is.
    enum Kind: Equatable, Sendable {
        /// A regular file and its bytes.
        case file([UInt8])
        /// A folder.
        case directory
        /// A symbolic link to `target` (as written, relative or absolute).
        case symlink(String)
    }

    /// The path inside the archive, `/`-separated, relative.
    var path: String
    /// What it is.
    var kind: Kind
    /// Permission bits (0644, 0755…).
    var mode: UInt32
}
