import Testing
import Text

/// The unified diff `runbook docs --check` prints.
@Suite("Line diff")
struct LineDiffTests {
    @Test("equal texts give nothing")
    func equal() {
        #expect(LineDiff.unified(old: "a\nb\n", new: "a\nb\n", oldName: "x", newName: "y").isEmpty)
    }

    @Test("one changed line in the middle: one hunk with three lines of context")
    func oneHunk() {
        let old = (1...9).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 5", with: "line five")
        #expect(
            LineDiff.unified(old: old, new: new, oldName: "README.md", newName: "README.md (generated)") == """
                --- README.md
                +++ README.md (generated)
                @@ -2,7 +2,7 @@
                 line 2
                 line 3
                 line 4
                -line 5
                +line five
                 line 6
                 line 7
                 line 8

                """)
    }

    @Test("lines added to an empty file, and a last line without a line break")
    func additionsAndNoNewline() {
        #expect(LineDiff.unified(old: "", new: "a\nb\n", oldName: "o", newName: "n") == "--- o\n+++ n\n@@ -0,0 +1,2 @@\n+a\n+b\n")
        #expect(
            LineDiff.unified(old: "a\nb", new: "a\nb\n", oldName: "o", newName: "n")
                == "--- o\n+++ n\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n")
    }

    @Test("the edit script keeps common lines and orders a removal before the addition in its place")
    func editScript() {
        #expect(
            LineDiff.edits(["a", "b", "c", "d"], ["a", "x", "c", "e", "d"]) == [
                .same("a"), .removed("b"), .added("x"), .same("c"), .added("e"), .same("d"),
            ])
    }

    @Test("two long unrelated texts: everything removed, then everything added, without searching")
    func searchLimit() {
        let old = (0..<LineDiff.searchLimit).map { "old \($0)" }
        let new = (0..<10).map { "new \($0)" }
        let script = LineDiff.edits(old, new)
        #expect(script.count == old.count + new.count)
        #expect(script.first == .removed("old 0") && script.last == .added("new 9"))
    }
}
