import Foundation
import Workflow

/// A file `serve --offer FILE…` hands out (SPEC 10.3) at `GET /join/CODE/files/NAME`, for venues
/// without internet: the image's tarball (`docker load`), the Linux tarball (`tar x`).
public struct OfferedFile: Sendable, Equatable {
    /// The name in the URL: the file's own name.
    public let name: String
    /// Where it is.
    public let path: String
    /// Its size in bytes.
    public let size: Int
    /// Its sha256 (hex).
    public let sha256: String

    /// Reads `path` once for its size and sha256; throws a one-line reason when it cannot.
    public init(path: String) throws(BundleError) {
        let url = URL(fileURLWithPath: path)
        name = url.lastPathComponent
        self.path = url.standardizedFileURL.path
        guard let handle = FileHandle(forReadingAtPath: self.path) else { throw BundleError("--offer \(path): cannot read it") }
        defer { try? handle.close() }
        var hasher = SHA256.Hasher()
        var total = 0
        do {
            while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
                chunk.withUnsafeBytes { hasher.update($0) }
                total += chunk.count
            }
        } catch {
            throw BundleError("--offer \(path): \(error.localizedDescription)")
        }
        size = total
        sha256 = SHA256.hex(digest: hasher.finalize())
        guard Self.isServable(name) else {
            throw BundleError("--offer \(path): the name \(name) cannot be served (letters, digits, '.', '-', '_')")
        }
    }

    /// Names that stay one URL segment as they are.
    static func isServable(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".")
            && name.unicodeScalars.allSatisfy { scalar in
                ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                    || ".-_+".unicodeScalars.contains(scalar)
            }
    }

    /// What a learner types to use it, by its kind.
    public var useHint: String {
        if name.hasSuffix(".tar.gz") || name.hasSuffix(".tgz") { return "tar -xzf \(name)" }
        if name.hasSuffix(".tar") { return "docker load -i \(name)" }
        return ""
    }
}
