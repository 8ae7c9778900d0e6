import Foundation

/// Paths written relative to a folder, so that generated text does not depend on where the
/// checkout lives.
enum RelativePath {
    /// `target` relative to the folder `base` (both made absolute first): `.`, `src`, `../../modules/1-docker`.
    static func from(_ base: String, to target: String) -> String {
        let from = components(base)
        let to = components(target)
        var common = 0
        while common < from.count, common < to.count, from[common] == to[common] { common += 1 }
        let parts = Array(repeating: "..", count: from.count - common) + to[common...]
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    private static func components(_ path: String) -> [String] {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().pathComponents.filter { $0 != "/" }
    }
}
