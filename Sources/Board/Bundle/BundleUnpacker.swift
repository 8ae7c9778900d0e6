import Foundation
import Workflow

#if canImport(Glibc)
    import Glibc
#endif

/// Unpacks a downloaded bundle into `./<folder>/` (SPEC 10.3) after checking it whole: both sha256,
/// every path inside the folder (no absolute path, no `..`, no link out of it, nothing written
/// through a link), and no file already there with other content. Files are written into a hidden
/// staging folder beside the target and moved into place only when all of them were written, so
/// that a full disk or an interrupt leaves nothing half-written.
public struct BundleUnpacker: Sendable {
    /// What the board said the bundle is.
    public let expected: BundleDescription
    /// Whether the learner interrupted (checked between files).
    public let interrupted: @Sendable () -> Bool

    /// An unpacker for the bundle `expected` describes.
    public init(expected: BundleDescription, interrupted: @escaping @Sendable () -> Bool = { false }) {
        self.expected = expected
        self.interrupted = interrupted
    }

    /// Checks `archive` and unpacks it into `folder`; the runbook's path when done.
    public func unpack(_ archive: [UInt8], into folder: String) throws(BundleError) -> String {
        let sha = SHA256.hex(of: archive)
        guard sha == expected.sha256 else {
            throw BundleError(
                "the bundle's sha256 is \(sha.prefix(12))…, not the \(expected.sha256.prefix(12))… the board announced: "
                    + "the download was damaged or cut short; run the command again")
        }
        let tar: [UInt8]
        let entries: [TarEntry]
        do {
            tar = try Gzip.decompress(archive, limit: WorkshopBundle.maximumSize + (16 << 20))
            entries = try TarReader.entries(of: tar)
        } catch let error as Gzip.Failure {
            throw BundleError("the bundle cannot be read: \(error.message)")
        } catch let error as TarReader.Malformed {
            throw BundleError("the bundle cannot be read: \(error.message)")
        } catch {
            throw BundleError("the bundle cannot be read: \(error)")
        }
        try check(entries)
        guard case .file(let runbook)? = entries.first(where: { $0.path == expected.runbookPath })?.kind else {
            throw BundleError("the bundle holds no \(expected.runbookPath)")
        }
        let runbookSha = SHA256.hex(of: runbook)
        guard runbookSha == expected.runbookSha256 else {
            throw BundleError(
                "the bundle's \(expected.runbookPath) has sha256 \(runbookSha.prefix(12))…, "
                    + "not the board's \(expected.runbookSha256.prefix(12))…: refused")
        }
        let pending = try conflicts(entries, in: folder)
        try write(pending, into: folder)
        return folder + "/" + expected.runbookPath
    }

    /// Refuses paths out of the folder, links out of it, duplicates, and paths through a link.
    func check(_ entries: [TarEntry]) throws(BundleError) {
        var seen: Set<String> = []
        var links: Set<String> = []
        for entry in entries {
            let parts = entry.path.split(separator: "/", omittingEmptySubsequences: false)
            guard !entry.path.isEmpty, !entry.path.hasPrefix("/"), !parts.contains(where: { $0.isEmpty || $0 == ".." || $0 == "." }),
                !entry.path.utf8.contains(0)
            else {
                throw BundleError("the bundle holds \(Self.visible(entry.path)), a path out of its folder: refused, nothing written")
            }
            if case .symlink(let target) = entry.kind, !BundleSelection.staysInside(target, at: entry.path) {
                throw BundleError(
                    "the bundle's link \(Self.visible(entry.path)) points out of its folder (\(Self.visible(target))): "
                        + "refused, nothing written")
            }
            for depth in 1..<max(parts.count, 1) where links.contains(parts[0..<depth].joined(separator: "/")) {
                throw BundleError("the bundle writes \(Self.visible(entry.path)) through a link: refused, nothing written")
            }
            guard seen.insert(entry.path).inserted else { throw BundleError("the bundle holds \(Self.visible(entry.path)) twice: refused") }
            if case .symlink = entry.kind { links.insert(entry.path) }
        }
    }

    /// The entries not yet in `folder` with the same content; throws for one there with other content.
    func conflicts(_ entries: [TarEntry], in folder: String) throws(BundleError) -> [TarEntry] {
        var pending: [TarEntry] = []
        for entry in entries {
            let path = folder + "/" + entry.path
            // Nothing is written through a link the learner's folder already has.
            let parts = entry.path.split(separator: "/")
            for depth in 0..<parts.count {
                let parent = ([folder] + parts[0..<depth].map(String.init)).joined(separator: "/")
                var parentInfo = stat()
                if lstat(parent, &parentInfo) == 0, parentInfo.st_mode & S_IFMT == S_IFLNK {
                    throw BundleError("\(parent) is a link: the bundle is not unpacked through it; nothing written")
                }
            }
            var info = stat()
            guard lstat(path, &info) == 0 else {
                pending.append(entry)
                continue
            }
            let kind = info.st_mode & S_IFMT
            switch entry.kind {
            case .directory where kind == S_IFDIR:
                continue
            case .file(let bytes) where kind == S_IFREG:
                if FileManager.default.contents(atPath: path).map({ Array($0) == bytes }) == true { continue }
            case .symlink(let target) where kind == S_IFLNK:
                if (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) == target { continue }
            default:
                break
            }
            throw BundleError(
                "\(path) already exists with other content: move it away (or run the command in another folder); nothing written")
        }
        return pending
    }

    /// Writes `entries` into a staging folder, then moves them into `folder`; removes the staging
    /// folder whatever happens.
    func write(_ entries: [TarEntry], into folder: String) throws(BundleError) {
        let target = URL(fileURLWithPath: folder).standardizedFileURL
        let parent = target.deletingLastPathComponent().path
        let stagingName = ".\(target.lastPathComponent).partial"
        let files = FileManager.default
        // What an earlier interrupted unpack may have left.
        for name in (try? files.contentsOfDirectory(atPath: parent)) ?? [] where name.hasPrefix(stagingName) {
            try? files.removeItem(atPath: parent + "/" + name)
        }
        let staging = parent + "/" + stagingName + "-" + UUID().uuidString.prefix(8).lowercased()
        defer { try? files.removeItem(atPath: staging) }
        do {
            try files.createDirectory(atPath: staging, withIntermediateDirectories: true)
            for entry in entries {
                if interrupted() { throw BundleError("interrupted while unpacking into \(folder); nothing was left there") }
                let path = staging + "/" + entry.path
                try files.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                switch entry.kind {
                case .directory:
                    try files.createDirectory(atPath: path, withIntermediateDirectories: true)
                case .symlink(let link):
                    try files.createSymbolicLink(atPath: path, withDestinationPath: link)
                case .file(let bytes):
                    try Self.writeFile(bytes, to: path, mode: entry.mode & 0o111 != 0 ? 0o755 : 0o644)
                }
            }
            if interrupted() { throw BundleError("interrupted while unpacking into \(folder); nothing was left there") }
            if !files.fileExists(atPath: target.path) {
                try files.moveItem(atPath: staging, toPath: target.path)
                return
            }
            for entry in entries where entry.kind != .directory {
                let destination = target.path + "/" + entry.path
                try files.createDirectory(atPath: (destination as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try files.moveItem(atPath: staging + "/" + entry.path, toPath: destination)
            }
        } catch let error as BundleError {
            throw error
        } catch {
            throw BundleError(
                "cannot unpack the workshop into \(folder): \(Self.reason(error)); nothing was left there, run the command again")
        }
    }

    /// Writes `bytes` to a new file with `mode`, checking every write (a full disk fails here).
    static func writeFile(_ bytes: [UInt8], to path: String, mode: mode_t) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            offset += written
        }
        guard fsync(descriptor) == 0 || errno == EINVAL else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    /// An error's reason in a few words ("No space left on device").
    static func reason(_ error: any Error) -> String {
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(underlying.code))) }
        return error.localizedDescription
    }

    /// A path from the network, with control characters shown as `^X`.
    static func visible(_ text: String) -> String {
        ControlCharacters.visible(text)
    }
}
