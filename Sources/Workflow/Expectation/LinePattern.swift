import Foundation

/// A compiled ICU regex applied to one line at a time, behind a byte-level prefilter and, for
/// the patterns it understands, a byte automaton that decides most lines without ICU.
///
/// `String` (and ICU's UTF-16 copy of it) is built only for lines the prefilter admits and the
/// automaton cannot decide (non-ASCII or control bytes), and for a matching line whose groups
/// are wanted (`firstMatch`).
final class LinePattern: @unchecked Sendable {
    /// The pattern as compiled (`${…}` already substituted).
    let pattern: String
    /// The ICU regex.
    let regex: NSRegularExpression
    /// The byte test every matching line passes.
    let prefilter: LinePrefilter
    /// The `(?<name>…)` groups, in order.
    let groupNames: [String]
    /// Decides printable-ASCII lines on their bytes; nil for patterns it does not understand.
    let automaton: LineAutomaton?

    /// Compiles `pattern`; throws `RegexCompileError` when ICU refuses it.
    init(pattern: String) throws {
        self.pattern = pattern
        switch RegexSupport.compile(pattern) {
        case .success(let regex): self.regex = regex
        case .failure(let error): throw error
        }
        prefilter = LinePrefilter(pattern: pattern)
        groupNames = RegexSupport.namedGroups(in: pattern)
        automaton = LineAutomaton(pattern: pattern)
    }

    deinit { prefilter.deallocate() }

    /// True when the regex matches somewhere in `line`.
    @inline(__always)
    func matches(_ line: UnsafeRawBufferPointer) -> Bool {
        prefilter.admits(line) && matchesUnfiltered(line)
    }

    /// The regex alone, for a line the prefilter already admitted.
    func matchesUnfiltered(_ line: UnsafeRawBufferPointer) -> Bool {
        if let automaton {
            switch automaton.verdict(line) {
            case .match: return true
            case .noMatch: return false
            case .undecided: break
            }
        }
        return matchesWithICU(line)
    }

    /// ICU's answer alone (what the automaton must agree with).
    func matchesWithICU(_ line: UnsafeRawBufferPointer) -> Bool {
        let text = LineText.string(line)
        return regex.rangeOfFirstMatch(in: text, options: [], range: NSRange(location: 0, length: text.utf16.count)).location != NSNotFound
    }

    /// The first match in `line` with the decoded text, or nil.
    @inline(__always)
    func firstMatch(_ line: UnsafeRawBufferPointer) -> LineMatch? {
        prefilter.admits(line) ? firstMatchUnfiltered(line) : nil
    }

    /// The regex alone, for a line the prefilter already admitted (ICU only for lines that match
    /// or that the automaton cannot decide).
    func firstMatchUnfiltered(_ line: UnsafeRawBufferPointer) -> LineMatch? {
        if let automaton, automaton.verdict(line) == .noMatch { return nil }
        let text = LineText.string(line)
        guard let result = regex.firstMatch(in: text, options: [], range: NSRange(location: 0, length: text.utf16.count)) else {
            return nil
        }
        return LineMatch(text: text, result: result)
    }
}
