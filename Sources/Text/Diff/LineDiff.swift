/// A line diff printed in the unified format, with three lines of context: the standard library's
/// `difference(from:)` (Myers' algorithm) after the common start and end are set aside, bounded so
/// that two unrelated long texts cost no more than removing one and adding the other.
public enum LineDiff {
    /// One line of the edit script.
    public enum Edit: Equatable {
        /// In both.
        case same(String)
        /// Only in the old text.
        case removed(String)
        /// Only in the new text.
        case added(String)
    }

    /// Beyond this many differing lines, the middle is shown as removed then added, without searching further.
    public static let searchLimit = 4000

    /// The unified diff from `old` to `new` (texts), headed `--- oldName` and `+++ newName`; empty when equal.
    public static func unified(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let before = lines(old)
        let after = lines(new)
        guard before != after else { return "" }
        let script = edits(before, after)
        var output = "--- \(oldName)\n+++ \(newName)\n"
        let changed = script.indices.filter { if case .same = script[$0] { false } else { true } }
        var hunks: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - context)...min(script.count - 1, index + context)
            if let last = hunks.last, range.lowerBound <= last.upperBound + 1 {
                hunks[hunks.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                hunks.append(range)
            }
        }
        for hunk in hunks {
            var oldStart = 1
            var newStart = 1
            for edit in script[..<hunk.lowerBound] {
                if case .added = edit {} else { oldStart += 1 }
                if case .removed = edit {} else { newStart += 1 }
            }
            var body = ""
            var oldCount = 0
            var newCount = 0
            for edit in script[hunk] {
                switch edit {
                case .same(let line):
                    body += " \(line)\n"
                    oldCount += 1
                    newCount += 1
                case .removed(let line):
                    body += "-\(line)\n"
                    oldCount += 1
                case .added(let line):
                    body += "+\(line)\n"
                    newCount += 1
                }
            }
            output += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n" + body
        }
        return output
    }

    /// The edit script from `old` to `new`.
    public static func edits(_ old: [String], _ new: [String]) -> [Edit] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < min(old.count, new.count) - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        let a = Array(old[prefix..<(old.count - suffix)])
        let b = Array(new[prefix..<(new.count - suffix)])
        let middle = a.count + b.count > searchLimit ? a.map(Edit.removed) + b.map(Edit.added) : script(from: a, to: b)
        return old[..<prefix].map(Edit.same) + middle + old[(old.count - suffix)...].map(Edit.same)
    }

    /// The edit script of the standard library's difference: in the order of the texts, a line
    /// removed before the line added in its place.
    private static func script(from a: [String], to b: [String]) -> [Edit] {
        let difference = b.difference(from: a)
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        var script: [Edit] = []
        var x = 0
        var y = 0
        while x < a.count || y < b.count {
            if x < a.count, removed.contains(x) {
                script.append(.removed(a[x]))
                x += 1
            } else if y < b.count, inserted.contains(y) {
                script.append(.added(b[y]))
                y += 1
            } else {
                script.append(.same(a[x]))
                x += 1
                y += 1
            }
        }
        return script
    }

    /// The lines of a text; a last line without a line break is marked as the unified format does.
    private static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" {
            lines.removeLast()
        } else if let last = lines.popLast() {
            lines.append(last + "\n\\ No newline at end of file")
        }
        return lines
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start)" : "\(count == 0 ? start - 1 : start),\(count)"
    }
}
