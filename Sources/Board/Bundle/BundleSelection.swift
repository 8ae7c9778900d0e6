import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Which files of a runbook's folder go into its bundle (SPEC 10.3): every file under it, minus
/// results, guide state, board stores and `.git`, what the folder's `.gitignore` and
/// `.runbookignore` files ignore (git's rules, each file for its own folder and below), files not
/// readable by others, and folders holding a journal. Links are kept when they stay inside.
struct BundleSelection {
    /// Folder names never packed: VCS data, runbook's results, guide state and board stores.
    static let excludedNames: Set<String> = [".git", ".runbook", "runbook-results", "runbook-class"]
    /// The ignore files read in each folder.
    static let ignoreFiles = [".gitignore", ".runbookignore"]

    /// The folder packed.
    let root: String
    /// Absolute folders left out as well (the board's own store when it lies inside).
    let excludedFolders: Set<String>

    /// The files to pack, sorted by path.
    func files() -> [BundleFile] {
        var files: [BundleFile] = []
        walk(relative: "", rules: [], into: &files)
        return files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// A folder's ignore rules: each pattern with the folder (relative) it belongs to.
    private typealias Rules = [(base: String, pattern: IgnorePattern)]

    /// Adds the files of the folder `relative` (below `root`) that go into the bundle, then its subfolders', to `files`.
    private func walk(relative: String, rules inherited: Rules, into files: inout [BundleFile]) {
        let absolute = relative.isEmpty ? root : root + "/" + relative
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: absolute) else { return }
        // A results folder, or a board store, is not part of the workshop.
        if !relative.isEmpty, names.contains("journal.jsonl") { return }
        var rules = inherited
        for file in Self.ignoreFiles where names.contains(file) {
            guard let text = try? String(contentsOfFile: absolute + "/" + file, encoding: .utf8) else { continue }
            rules += text.split(separator: "\n", omittingEmptySubsequences: false).compactMap(IgnorePattern.init(line:)).map {
                (relative, $0)
            }
        }
        for name in names.sorted() {
            let path = relative.isEmpty ? name : relative + "/" + name
            let full = root + "/" + path
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            let kind = info.st_mode & S_IFMT
            let isDirectory = kind == S_IFDIR
            if isDirectory && (Self.excludedNames.contains(name) || excludedFolders.contains(full)) { continue }
            if Self.ignored(path, isDirectory: isDirectory, rules: rules) { continue }
            // Files not readable by others (keys, tokens) stay home; folders others cannot enter too.
            guard info.st_mode & S_IROTH != 0, !isDirectory || info.st_mode & S_IXOTH != 0 else { continue }
            switch kind {
            case S_IFDIR:
                walk(relative: path, rules: rules, into: &files)
            case S_IFREG:
                files.append(BundleFile(path: path, size: Int(info.st_size), executable: info.st_mode & 0o111 != 0, linkTarget: nil))
            case S_IFLNK:
                if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: full), Self.staysInside(target, at: path) {
                    files.append(BundleFile(path: path, size: 0, executable: false, linkTarget: target))
                }
            default:
                continue
            }
        }
    }

    /// Git's rule: the last pattern that matches decides; patterns of a folder apply to paths below it.
    static func ignored(_ path: String, isDirectory: Bool, rules: [(base: String, pattern: IgnorePattern)]) -> Bool {
        var ignored = false
        for (base, pattern) in rules {
            guard base.isEmpty || path.hasPrefix(base + "/") else { continue }
            let below = base.isEmpty ? path : String(path.dropFirst(base.count + 1))
            if pattern.matches(below, isDirectory: isDirectory) { ignored = !pattern.negated }
        }
        return ignored
    }

    /// Whether a link at `path` (relative) to `target` points inside the folder.
    static func staysInside(_ target: String, at path: String) -> Bool {
        guard !target.hasPrefix("/") else { return false }
        var depth = path.split(separator: "/").count - 1
        for part in target.split(separator: "/") {
            if part == ".." { depth -= 1 } else if part != "." { depth += 1 }
            if depth < 0 { return false }
        }
        return true
    }
}
