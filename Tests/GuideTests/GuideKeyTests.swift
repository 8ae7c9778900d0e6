import Testing

@testable import Guide

/// The keys of `runbook guide` (its help lists them).
@Suite("Guide keys")
struct GuideKeyTests {
    @Test("each key, either case; Enter and Ctrl-D")
    func keys() {
        let cases: [(String, GuideKey)] = [
            ("\r", .run), ("\n", .run), ("c", .check), ("C", .check), ("s", .skip), ("r", .retry), ("q", .quit), ("\u{04}", .quit),
            ("?", .help), ("h", .hand), ("y", .yes), ("N", .no),
        ]
        for (typed, key) in cases { #expect(GuideKey(bytes: Array(typed.utf8)) == key, "\(typed.debugDescription)") }
    }

    @Test("anything else, escape sequences included, is a reminder of the keys")
    func others() {
        #expect(GuideKey(bytes: Array("x".utf8)) == .other("x"))
        #expect(GuideKey(bytes: [0x1B, 0x5B, 0x41]) == .other("\u{1B}[A"))
    }
}
