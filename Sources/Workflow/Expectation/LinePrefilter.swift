/// A cheap test on a line's raw bytes that every line a regex matches passes.
///
/// Derived once from the pattern by `RegexLiteralAnalysis`: an anchored prefix is checked with
/// `memcmp` at the line's start, a required literal with `memmem` (one literal per top-level
/// alternative: any of them admits the line). A case-insensitive pattern is filtered only on
/// ASCII lines (ASCII case folding is exact there); any other line is admitted. A pattern the
/// analysis does not understand admits every line.
///
/// A trivial value, so that testing a line costs no reference counting: its owner (a
/// `LinePattern`) frees it with `deallocate()`; copies are valid while the owner lives.
struct LinePrefilter: @unchecked Sendable {
    /// Every line must start with this (nil: no requirement).
    let prefix: ByteLiteral?
    /// Every line must contain one of these (empty: no requirement).
    let literals: UnsafeBufferPointer<ByteLiteral>
    /// The literals ignore ASCII case; non-ASCII lines are admitted unchecked.
    let caseInsensitive: Bool
    /// True when there is nothing to check.
    let admitsEverything: Bool

    /// Derives the filter of an ICU pattern.
    init(pattern: String) {
        self.init(analysis: RegexLiteralAnalysis(pattern: pattern))
    }

    /// Builds the filter from an analysis.
    init(analysis: RegexLiteralAnalysis) {
        caseInsensitive = analysis.caseInsensitive
        var prefix: [UInt8] = []
        var literals: [[UInt8]] = []
        if analysis.isUsable && analysis.branches.count == 1 {
            let branch = analysis.branches[0]
            prefix = branch.anchoredPrefix
            // The longest literal is only worth a search when the prefix did not already cover it.
            if branch.longestLiteral.count > branch.anchoredPrefix.count { literals = [branch.longestLiteral] }
        } else if analysis.isUsable && analysis.branches.allSatisfy({ !$0.longestLiteral.isEmpty }) {
            literals = analysis.branches.map(\.longestLiteral)
        }
        self.prefix = prefix.isEmpty ? nil : ByteLiteral(prefix, caseInsensitive: analysis.caseInsensitive)
        let storage = UnsafeMutableBufferPointer<ByteLiteral>.allocate(capacity: literals.count)
        for (index, literal) in literals.enumerated() {
            (storage.baseAddress! + index).initialize(to: ByteLiteral(literal, caseInsensitive: analysis.caseInsensitive))
        }
        self.literals = UnsafeBufferPointer(storage)
        admitsEverything = prefix.isEmpty && literals.isEmpty
    }

    /// Frees the literals; no copy may be used afterwards.
    func deallocate() {
        prefix?.deallocate()
        for literal in literals { literal.deallocate() }
        literals.deallocate()
    }

    /// False only when the regex cannot match `line`.
    @inline(__always)
    func admits(_ line: UnsafeRawBufferPointer) -> Bool {
        if admitsEverything { return true }
        if caseInsensitive && !ByteLiteral.isASCII(line) { return true }
        if let prefix, !prefix.isPrefix(of: line) { return false }
        if literals.isEmpty { return true }
        for literal in literals where literal.occurs(in: line) { return true }
        return false
    }

    /// A description for tests and benchmarks: `prefix "…" + any of ["…"]`, or `none`.
    var summary: String {
        if admitsEverything { return "none" }
        var parts: [String] = []
        if let prefix {
            parts.append(
                "prefix \"\(String(decoding: UnsafeRawBufferPointer(start: prefix.bytes.baseAddress, count: prefix.count), as: UTF8.self))\""
            )
        }
        if !literals.isEmpty {
            let texts = literals.map {
                "\"" + String(decoding: UnsafeRawBufferPointer(start: $0.bytes.baseAddress, count: $0.count), as: UTF8.self) + "\""
            }
            parts.append("any of [" + texts.joined(separator: ", ") + "]")
        }
        return (caseInsensitive ? "ascii-ci " : "") + parts.joined(separator: " + ")
    }
}
