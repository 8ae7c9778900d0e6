import Foundation
import Testing

@testable import Workflow

/// The literal prefilter in front of ICU: what it derives, and that it never hides a match.
@Suite struct LinePrefilterTests {
    @Test(arguments: [
        (#"^Accuracy at step \d+:"#, #"prefix "Accuracy at step ""#),
        (#"^Accuracy at step 90: (?<accuracy>0\.\d+)$"#, #"prefix "Accuracy at step 90: ""#),
        ("Successfully tagged", #"any of ["Successfully tagged"]"#),
        (#"^[0-9a-f]{12}$"#, "none"),
        ("a|b", #"any of ["a", "b"]"#),
        ("error|^$", "none"),
        ("(?i)error", #"ascii-ci any of ["error"]"#),
        ("(?i)straße", #"ascii-ci any of ["stra"]"#),
        ("(?x) a b", "none"),
        ("colou?r", #"any of ["colo"]"#),
        ("ab+c", #"any of ["ab"]"#),
        ("ab*c", #"any of ["a"]"#),
        (#"^\d+ files? copied"#, #"any of [" copied"]"#),
        ("^ab?c", #"prefix "a""#),
        ("(?m)^abc", #"any of ["abc"]"#),
        (#"\x41BC"#, "none"),
        (#"\QA.B\E"#, "none"),
        (#"x\.y[]z]w"#, #"any of ["x.y"]"#),
        ("(a|b)cde", #"any of ["cde"]"#),
        ("a{2}bc", #"any of ["bc"]"#),
        ("a{0,3}bc", #"any of ["bc"]"#),
        (#"\p{L}+done"#, #"any of ["done"]"#),
        ("(?#comment)abc", "none"),
        ("", "none"),
    ])
    func derivesLiterals(pattern: String, summary: String) {
        let filter = LinePrefilter(pattern: pattern)
        defer { filter.deallocate() }
        #expect(filter.summary == summary, "\(pattern)")
    }

    /// Lines where a regex matches must always pass the filter (no false negatives).
    static let patterns = [
        #"^Accuracy at step \d+:"#, "a|b", "(?i)error", "(?i)ss", "(?i)k", "(?i)ﬀ", "colou?r", "ab+c", "ab*c", "x{2,}y",
        #"^\s*done$"#, "(?m)^b", "[]a]b", #"\]c"#, "(?i:ab)c", "é+t", "(foo|bar)baz", "^(?:x|y)z", #"\bword\b"#, "a.c",
        #"\$HOME"#, "(?i)straße", "^$", "qu?x", "k{1}y", "(?s)a.b",
    ]
    static let lines = [
        "Accuracy at step 10: 0.5", "accuracy at step 10:", "a", "b", "c", "ERROR: boom", "an Error", "ß", "ss", "SS", "\u{212A}",
        "k", "ﬀ", "FF", "color", "colour", "colr", "abbbc", "ac", "abc", "xxy", "xy", "  done", "done ", "a\rb", "]b", "ab", "]c",
        "ABc", "abC", "éét", "et", "foobaz", "barbaz", "baz", "xz", "yz", "z", "a word here", "swordfish", "abc", "a\nc", "$HOME",
        "STRASSE", "strasse", "STRAẞE", "", "qx", "qux", "ky", "a\nb",
    ]

    @Test func neverRejectsALineTheRegexMatches() throws {
        for pattern in Self.patterns {
            let compiled = try NSRegularExpression(pattern: pattern)
            let filter = LinePrefilter(pattern: pattern)
            defer { filter.deallocate() }
            for line in Self.lines {
                let matches = compiled.firstMatch(in: line, range: NSRange(location: 0, length: line.utf16.count)) != nil
                let admitted = Array(line.utf8).withUnsafeBytes { filter.admits($0) }
                #expect(admitted || !matches, "\(pattern) on \(line.debugDescription) [\(filter.summary)]")
            }
        }
    }

    /// Random patterns and lines from a small alphabet rich in the cases that matter (case
    /// folding, alternation, quantifiers, anchors, classes, groups): the filter never hides a match.
    @Test func randomPatternsNeverLoseAMatch() throws {
        var state: UInt64 = 42
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let tokens = [
            "a", "b", "A", "s", "k", "ß", ".", "|", "?", "*", "+", "(", ")", "(?:", "^", "$", "[ab]", "[^a]", #"\d"#, "(?i)", "{2}",
            "{0,2}", " ", #"\."#, "(?m)", #"\b"#, "é", "(?i)", "(?i)", "ss", "st", "K",
        ]
        let alphabet = ["a", "b", "A", "B", "s", "S", "ß", "\u{212A}", "k", "K", "1", " ", ".", "é", "É", "\r", "ſ", "ﬆ", "ß", "\u{212A}"]
        var checked = 0
        for _ in 0..<1500 {
            let pattern = (0..<(1 + random(8))).map { _ in tokens[random(tokens.count)] }.joined()
            guard let compiled = try? NSRegularExpression(pattern: pattern) else { continue }
            let filter = LinePrefilter(pattern: pattern)
            defer { filter.deallocate() }
            for _ in 0..<60 {
                let line = (0..<random(7)).map { _ in alphabet[random(alphabet.count)] }.joined()
                let matches = compiled.firstMatch(in: line, range: NSRange(location: 0, length: line.utf16.count)) != nil
                let admitted = Array(line.utf8).withUnsafeBytes { filter.admits($0) }
                #expect(admitted || !matches, "\(pattern) on \(line.debugDescription) [\(filter.summary)]")
                checked += matches ? 1 : 0
            }
        }
        #expect(checked > 1000)
    }

    @Test func literalFoundButRegexNotMatchingFails() throws {
        let evaluator = try EvaluatorFixture.evaluator([EvaluatorFixture.on(.stdout, EvaluatorFixture.matches(#"^Accuracy at step \d+:"#))])
        evaluator.feedLines("Accuracy at step x:\nsee Accuracy at step 1:")
        #expect(!evaluator.finish().passed)
    }

    @Test func alternationIsNotWronglyFiltered() throws {
        let evaluator = try EvaluatorFixture.evaluator([EvaluatorFixture.on(.stdout, EvaluatorFixture.count("warn|error", min: 2, max: 2))])
        evaluator.feedLines("error one\nnothing\na warning")
        #expect(evaluator.finish().passed)
    }

    @Test func caseInsensitiveRegexesAreNotFilteredCaseSensitively() throws {
        let evaluator = try EvaluatorFixture.evaluator([EvaluatorFixture.on(.stdout, EvaluatorFixture.count("(?i)error", min: 3, max: 3))])
        evaluator.feedLines("ERROR\nError: x\nan error\nerr")
        #expect(evaluator.finish().passed)
        let unicode = try EvaluatorFixture.evaluator([EvaluatorFixture.on(.stdout, EvaluatorFixture.matches("(?i)strasse"))])
        unicode.feed("STRAẞE")  // ICU folds ẞ to ss: a non-ASCII line is never filtered
        #expect(unicode.finish().passed)
    }

    @Test func rarestByteSearchFindsEveryOccurrence() {
        let literal = ByteLiteral(Array("Xab".utf8))
        defer { literal.deallocate() }
        for (line, expected) in [
            ("Xab", true), ("aXab", true), ("XaXab", true), ("Xa", false), ("abX", false), ("", false), ("aaaaXabX", true),
        ] {
            #expect(Array(line.utf8).withUnsafeBytes { literal.occursExactly(in: $0) } == expected, "\(line)")
        }
        let folded = ByteLiteral(Array("err".utf8), caseInsensitive: true)
        defer { folded.deallocate() }
        for (line, expected) in [("ERR", true), ("xeRr", true), ("er", false), ("eeRR", true), ("rre", false)] {
            #expect(Array(line.utf8).withUnsafeBytes { folded.occursFolded(in: $0) } == expected, "\(line)")
        }
    }

    @Test func asciiCheckLooksAtEveryByte() {
        for length in 0..<20 {
            for position in 0..<max(length, 1) {
                var bytes = [UInt8](repeating: 0x41, count: length)
                if length > 0 { bytes[position] = 0xC3 }
                #expect(bytes.withUnsafeBytes { ByteLiteral.isASCII($0) } == (length == 0))
            }
        }
    }
}
