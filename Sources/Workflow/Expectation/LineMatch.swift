import Foundation

/// A regex match on one line: the line's text and ICU's result.
struct LineMatch {
    /// The whole line, decoded.
    let text: String
    /// ICU's match.
    let result: NSTextCheckingResult

    /// The text of the group named `name`; nil when there is no such group or it did not take part.
    func group(named name: String) -> String? {
        substring(result.range(withName: RegexSupport.icuGroupName(name)))
    }

    /// The text of group `index` (0: the whole match); nil when it did not take part.
    func group(_ index: Int) -> String? {
        guard index < result.numberOfRanges else { return nil }
        return substring(result.range(at: index))
    }

    /// Named groups that took part, as name → text.
    func namedGroups(_ names: [String]) -> [(String, String)] {
        names.compactMap { name in group(named: name).map { (name, $0) } }
    }

    private func substring(_ range: NSRange) -> String? {
        guard range.location != NSNotFound, let bounds = Range(range, in: text) else { return nil }
        return String(text[bounds])
    }
}
