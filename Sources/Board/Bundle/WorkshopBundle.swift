import Foundation
import Workflow

/// The workshop a board hands out (SPEC 10.3): the runbook's folder as a gzip'd tar, pinned by the
/// runbook's sha256, at most 64 MiB of files. The same files give the same bytes (sorted, owner 0,
/// time 0), so a restarted board serves the same sha256.
public struct WorkshopBundle: Sendable {
    /// The most a bundle may hold, counted as the sum of its files' sizes.
    public static let maximumSize = 64 << 20

    /// The `.tar.gz` bytes.
    public let archive: [UInt8]
    /// The archive's sha256 (hex).
    public let sha256: String
    /// The runbook's sha256 (hex), as the board pins it.
    public let runbookSha256: String
    /// The runbook's path inside the bundle.
    public let runbookPath: String
    /// The folder a learner unpacks it into: the module's or the title's slug.
    public let folderName: String
    /// How many files it holds.
    public let fileCount: Int
    /// The sum of their sizes.
    public let contentSize: Int

    /// Packs the folder of `runbook`, leaving out `excludedFolders` (absolute) as well; throws when it
    /// is over `maximumSize` (naming the largest files) or a file cannot be read.
    public static func pack(runbook: Runbook, excludedFolders: Set<String> = [], maximumSize: Int = maximumSize) throws(BundleError)
        -> WorkshopBundle
    {
        let root = URL(fileURLWithPath: runbook.directory).standardizedFileURL.path
        let runbookPath = URL(fileURLWithPath: runbook.path).lastPathComponent
        let files = BundleSelection(root: root, excludedFolders: excludedFolders).files()
        guard files.contains(where: { $0.path == runbookPath && $0.linkTarget == nil }) else {
            throw BundleError("\(runbook.path) is left out of its own bundle (an ignore file, or not readable by others): fix that first")
        }
        let total = files.reduce(0) { $0 + $1.size }
        guard total <= maximumSize else {
            let largest = files.sorted { $0.size > $1.size }.prefix(5).map { "\($0.path) (\(megabytes($0.size)))" }
            throw BundleError(
                "the workshop folder \(root) holds \(megabytes(total)) of files, "
                    + "more than the \(megabytes(maximumSize)) a bundle may hold; "
                    + "largest: \(largest.joined(separator: ", ")); list what learners do not need in \(root)/.runbookignore")
        }
        var writer = TarWriter()
        do {
            for file in files {
                if let target = file.linkTarget {
                    try writer.add(TarEntry(path: file.path, kind: .symlink(target), mode: 0o777))
                    continue
                }
                guard let data = FileManager.default.contents(atPath: root + "/" + file.path) else {
                    throw BundleError("cannot read \(root)/\(file.path) for the workshop bundle")
                }
                try writer.add(TarEntry(path: file.path, kind: .file(Array(data)), mode: file.executable ? 0o755 : 0o644))
            }
        } catch let error as TarWriter.PathTooLong {
            throw BundleError("\(error.path): a path longer than a bundle can hold (255 bytes): shorten it or list it in .runbookignore")
        } catch let error as BundleError {
            throw error
        } catch {
            throw BundleError("\(error)")
        }
        let archive: [UInt8]
        do {
            archive = try Gzip.compress(writer.finished())
        } catch {
            throw BundleError("cannot compress the workshop bundle: \(error.message)")
        }
        return WorkshopBundle(
            archive: archive, sha256: SHA256.hex(of: archive), runbookSha256: runbook.sha256, runbookPath: runbookPath,
            folderName: folderName(for: runbook), fileCount: files.count, contentSize: total)
    }

    /// `./<module or title slug>/` (SPEC 10.3): the module folder's name when `module:` names
    /// another folder than the runbook's, else the title, else the runbook folder's name.
    static func folderName(for runbook: Runbook) -> String {
        let module = URL(fileURLWithPath: runbook.module).standardizedFileURL
        let directory = URL(fileURLWithPath: runbook.directory).standardizedFileURL
        let candidates = [module != directory ? module.lastPathComponent : nil, runbook.title, directory.lastPathComponent]
        for candidate in candidates.compactMap({ $0 }) {
            let slug = slug(candidate)
            if !slug.isEmpty { return slug }
        }
        return "workshop"
    }

    /// Lowercase letters and digits, other runs of characters as one `-`, at most 64 characters.
    static func slug(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased().unicodeScalars {
            if ("a"..."z").contains(character) || ("0"..."9").contains(character) {
                slug.unicodeScalars.append(character)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return String(slug.prefix(64))
    }

    /// A size as MiB with one decimal.
    static func megabytes(_ bytes: Int) -> String {
        String(format: "%.1f MiB", Double(bytes) / Double(1 << 20))
    }
}
