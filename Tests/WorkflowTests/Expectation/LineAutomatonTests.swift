import Foundation
import Testing

@testable import Workflow

/// The byte automaton in front of ICU: which patterns it takes, and that it always agrees with ICU.
@Suite struct LineAutomatonTests {
    @Test(arguments: [
        (#"^Accuracy at step \d+:"#, true),
        (#"^Accuracy at step 90: (?<accuracy>0\.\d+)$"#, true),
        (#"^[0-9a-f]{12}$"#, true),
        (#"\d{5}"#, true),
        ("a|^b|c$|", true),
        ("(?:ab)*?c{2,}[^x-z]", true),
        (#"[\w.-]"#, false),
        ("(?i)error", false),
        (#"\bword\b"#, false),
        ("a++b", false),
        ("(?=a)", false),
        ("é", false),
        ("[a[b]]", false),
        ("a{3,2}", false),
        ("x]", false),
        (#"\x41"#, false),
        ("(^a)", false),
        ("a$b", false),
        ("a{300}", false),
    ])
    func understoodPatterns(pattern: String, understood: Bool) {
        #expect((LineAutomaton(pattern: pattern) != nil) == understood, "\(pattern)")
    }

    /// Checks every line against ICU; returns how many lines the automaton decided alone.
    @discardableResult
    static func expectAgreement(
        _ pattern: LinePattern, _ lines: [[UInt8]], sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> Int {
        var decided = 0
        for line in lines {
            line.withUnsafeBytes { bytes in
                let icu = pattern.matchesWithICU(bytes)
                if let verdict = pattern.automaton?.verdict(bytes), verdict != .undecided {
                    decided += 1
                    #expect(
                        (verdict == .match) == icu, "\(pattern.pattern) on \(String(decoding: line, as: UTF8.self).debugDescription)",
                        sourceLocation: sourceLocation)
                }
                #expect(pattern.matchesUnfiltered(bytes) == icu, sourceLocation: sourceLocation)
                #expect((pattern.firstMatchUnfiltered(bytes) != nil) == icu, sourceLocation: sourceLocation)
            }
        }
        return decided
    }

    @Test("the training-log patterns agree with ICU, non-ASCII and control bytes included")
    func knownPatternsAgreeWithICU() throws {
        let lines =
            [
                "Accuracy at step 90: 0.91", "Accuracy at step 9:", "Accuracy at step :", "accuracy at step 90: 0.91",
                "Accuracy at step 90: 0.91 ",
                "0123456789ab", "0123456789abc", "0123456789aB", "", " ", "\t", "12345", "1234", "x12345y",
                "Accuracy at step 90: 0.9\u{1B}",
                "Accuracy at step ٣: 0.9", "Accuracy at step 90: 0.٣", "éAccuracy", "a\rb", "ab\tc",
            ].map { Array($0.utf8) } + [[0xFF, 0x31, 0x32, 0x33, 0x34, 0x35], [0x41, 0x80]]
        let patterns = [
            #"^Accuracy at step \d+:"#, #"^Accuracy at step 90: (?<accuracy>0\.\d+)$"#, #"^[0-9a-f]{12}$"#, #"\d{5}"#, #"^\s*$"#, #"\S"#,
            "^$", ".", #"a\tc"#,
        ]
        for text in patterns {
            let pattern = try LinePattern(pattern: text)
            #expect(pattern.automaton != nil, "\(text)")
            Self.expectAgreement(pattern, lines)
        }
    }

    @Test("named groups still come from ICU on a line the automaton matched")
    func groupsComeFromICU() throws {
        let pattern = try LinePattern(pattern: #"^Accuracy at step 90: (?<accuracy>0\.\d+)$"#)
        let match = Array("Accuracy at step 90: 0.93".utf8).withUnsafeBytes { pattern.firstMatchUnfiltered($0) }
        #expect(match?.group(named: "accuracy") == "0.93")
    }

    @Test("random patterns and lines: the automaton never disagrees with ICU")
    func randomPatternsAgreeWithICU() throws {
        var random = SplitMix(seed: 0x5EED_1234)
        var understood = 0
        var decided = 0
        for _ in 0..<3_000 {
            let text = Self.randomPattern(&random)
            guard let pattern = try? LinePattern(pattern: text) else { continue }
            if pattern.automaton != nil { understood += 1 }
            let lines = (0..<30).map { _ in Self.randomLine(&random) }
            decided += Self.expectAgreement(pattern, lines)
        }
        // The generator mostly writes what the automaton understands: the comparison has teeth.
        #expect(understood > 800, "only \(understood) patterns understood")
        #expect(decided > 20_000, "only \(decided) lines decided without ICU")
    }

    /// A small deterministic generator (SplitMix64).
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
    }

    static let atoms = [
        "a", "b", "c", "1", " ", "-", "_", #"\."#, ".", #"\d"#, #"\w"#, #"\s"#, #"\D"#, #"\W"#, #"\S"#, #"\t"#, "[abc]", "[^a-c]",
        "[a-z0-9]", #"[\d.]"#, #"[\s-]"#, "[^ ]", #"\-"#, "#", "\t", "é", #"\b"#, "[a-]", "]", "x{2", "ab",
    ]
    static let quantifiers = ["", "", "", "?", "*", "+", "{2}", "{1,3}", "{0,2}", "{2,}", "*?", "+?", "??", "++", "{1}"]

    static func randomPattern(_ random: inout SplitMix, depth: Int = 0) -> String {
        var branches: [String] = []
        for _ in 0...(random.next(4) == 0 ? 1 : 0) {
            var branch = depth == 0 && random.next(3) == 0 ? "^" : ""
            for _ in 0..<random.next(5) {
                // Groups get bounded quantifiers only: `(a*)*` sends ICU into exponential backtracking.
                var quantifier = random.pick(quantifiers)
                var atom = random.pick(atoms)
                switch random.next(10) {
                case 0 where depth < 2: atom = "(" + randomPattern(&random, depth: depth + 1) + ")"
                case 1 where depth < 2: atom = "(?:" + randomPattern(&random, depth: depth + 1) + ")"
                case 2 where depth < 2: atom = "(?<g\(random.next(99))>" + randomPattern(&random, depth: depth + 1) + ")"
                case 3: atom = random.pick(["(?i)", "(?=a)", "$", "^", "\\Q.\\E", "\\x41", "[[:alpha:]]"])
                default: break
                }
                if atom.hasPrefix("(") { quantifier = random.pick(["", "", "?", "{2}", "{0,2}", "??"]) }
                if atom == "^" || atom == "$" { quantifier = "" }  // ICU can loop forever on `^+?`
                branch += atom + quantifier
            }
            if depth == 0 && random.next(3) == 0 { branch += "$" }
            branches.append(branch)
        }
        return branches.joined(separator: "|")
    }

    static func randomLine(_ random: inout SplitMix) -> [UInt8] {
        let alphabet: [[UInt8]] =
            ["a", "b", "c", "1", "2", " ", "-", "_", ".", "\t", "Z", "#", "x"].map { Array($0.utf8) }
            + [Array("é".utf8), [0x1B], [0x0D], [0xFF], [0x0B], Array("٣".utf8)]
        var line: [UInt8] = []
        for _ in 0..<random.next(12) {
            line += random.next(20) == 0 ? random.pick(Array(alphabet.suffix(6))) : random.pick(Array(alphabet.prefix(13)))
        }
        return line
    }
}
