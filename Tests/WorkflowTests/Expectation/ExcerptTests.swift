import Foundation
import Testing

@testable import Workflow

/// Excerpts kept for the report (SPEC 4), invalid UTF-8, long lines and the live line sample.
@Suite struct ExcerptTests {
    typealias F = EvaluatorFixture

    @Test func smallOutputIsKeptWhole() throws {
        let evaluator = try F.evaluator([])
        evaluator.feedLines("one\ntwo")
        let excerpt = evaluator.finish().excerpts.stdout
        #expect(
            excerpt
                == StreamExcerpt(head: "one\ntwo\n", tail: "", omittedLines: 0, omittedBytes: 0, totalLines: 2, totalBytes: 8, longLines: 0)
        )
    }

    @Test func headAndTailAreCutAtLineBoundariesWithOmittedCounts() throws {
        let evaluator = try F.evaluator([], excerptLimit: 20)
        for index in 1...100 { evaluator.feed(String(format: "line %03d", index)) }  // 9 bytes each with LF
        let excerpt = evaluator.finish().excerpts.stdout
        #expect(excerpt.head == "line 001\nline 002\n")
        #expect(excerpt.tail == "line 099\nline 100\n")
        #expect(excerpt.omittedLines == 96)
        #expect(excerpt.omittedBytes == 96 * 9)
        #expect(excerpt.totalLines == 100)
        #expect(excerpt.totalBytes == 900)
    }

    @Test func headPlusTailIsTheWholeStreamWhenNothingIsOmitted() throws {
        let evaluator = try F.evaluator([], excerptLimit: 20)
        evaluator.feedLines("aaaa\nbbbb\ncccc\ndddd\neeee\nffff")
        let excerpt = evaluator.finish().excerpts.stdout
        #expect(excerpt.omittedLines == 0)
        #expect(excerpt.head + excerpt.tail == "aaaa\nbbbb\ncccc\ndddd\neeee\nffff\n")
    }

    @Test func tailDropsWholeLinesOfVaryingLength() throws {
        let evaluator = try F.evaluator([], excerptLimit: 16)
        evaluator.feed(String(repeating: "h", count: 20))  // longer than the limit: kept cut, in the head
        for length in [3, 9, 1, 7, 2, 12, 4] { evaluator.feed(String(repeating: "x", count: length)) }
        let excerpt = evaluator.finish().excerpts.stdout
        #expect(excerpt.head == String(repeating: "h", count: 15) + "\n")
        #expect(excerpt.tail == String(repeating: "x", count: 4) + "\n")
        #expect(excerpt.totalLines == 8)
        #expect(excerpt.omittedLines == 6)
        #expect(excerpt.omittedBytes == excerpt.totalBytes - 16 - 5)
    }

    @Test func ringWrapsAroundManyTimes() throws {
        let evaluator = try F.evaluator([], excerptLimit: 64)
        var lines: [String] = []
        for index in 0..<10_000 {
            let line = String(repeating: Character(UnicodeScalar(UInt8(97 + index % 26))), count: index % 13) + "\(index)"
            lines.append(line)
            evaluator.feed(line)
        }
        let excerpt = evaluator.finish().excerpts.stdout
        // The tail is exactly the longest suffix of whole lines that fits in 64 bytes.
        var expected = ""
        for line in lines.reversed() {
            if expected.utf8.count + line.utf8.count + 1 > 64 { break }
            expected = line + "\n" + expected
        }
        #expect(excerpt.tail == expected)
        #expect(excerpt.totalLines == 10_000)
        #expect(excerpt.omittedLines == 10_000 - excerpt.head.split(separator: "\n").count - expected.split(separator: "\n").count)
    }

    @Test func invalidUTF8BecomesReplacementCharacter() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.notContains("x"))])
        evaluator.feed(bytes: [0x6F, 0x6B, 0xFF, 0xC3, 0x28, 0x78])
        let result = evaluator.finish()
        #expect(result.excerpts.stdout.head == "ok\u{FFFD}\u{FFFD}(x\n")
        #expect(result.failures.first?.lines.first?.text == "ok\u{FFFD}\u{FFFD}(x")
    }

    @Test func cutsNeverSplitACharacter() throws {
        let evaluator = try F.evaluator([], excerptLimit: 8)
        evaluator.feed("ééééé")  // 10 bytes; 7 fit, which would split the fourth é
        #expect(evaluator.finish().excerpts.stdout.head == "ééé\n")
    }

    @Test func truncatedLinesAreCountedAsLong() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.contains("start"))], excerptLimit: 1024)
        var line = [UInt8](repeating: UInt8(ascii: "y"), count: 1 << 20)
        line.replaceSubrange(0..<5, with: Array("start".utf8))
        evaluator.feed(bytes: line, truncated: true)
        evaluator.feed("short")
        let result = evaluator.finish()
        #expect(result.passed)
        #expect(result.excerpts.stdout.longLines == 1)
        #expect(result.excerpts.output.longLines == 1)
        #expect(result.excerpts.stderr.longLines == 0)
        #expect(result.excerpts.stdout.head.utf8.count == 1024)
        #expect(result.excerpts.stdout.tail == "short\n")
    }

    @Test("totalBytes counts every byte of a line longer than 1 MiB, not only the part kept")
    func totalBytesCountsWholeLongLines() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.contains("start"))], excerptLimit: 1024)
        let kept = [UInt8](repeating: UInt8(ascii: "y"), count: 1 << 20)
        _ = kept.withUnsafeBytes { evaluator.consume(line: $0, stream: .stdout, truncated: true, length: 3 << 20) }
        evaluator.feed("start")
        let result = evaluator.finish()
        #expect(result.excerpts.stdout.totalBytes == (3 << 20) + 1 + 6)
        #expect(result.excerpts.output.totalBytes == (3 << 20) + 1 + 6)
        #expect(result.excerpts.stdout.omittedBytes == result.excerpts.stdout.totalBytes - 1024 - 6, "the cut-off end counts as omitted")
        #expect(result.excerpts.stdout.longLines == 1)
    }

    @Test func crIsTheRunnersJobAndStaysInsideALine() throws {
        // The runner strips trailing CRs; a CR inside a line (progress bars) reaches matchers as is.
        let evaluator = try F.evaluator([F.on(.stdout, F.matches("^10%\r20%$"))])
        evaluator.feed("10%\r20%")
        #expect(evaluator.finish().passed)
    }

    @Test func theCombinedExcerptIsTheOneStreamUntilTheOtherSpeaks() throws {
        let evaluator = try F.evaluator([F.on(.output, F.count("x", min: 1, max: nil))], excerptLimit: 16)
        for index in 0..<6 { evaluator.feed("out \(index) x") }
        evaluator.feed("err x", .stderr)
        evaluator.feed("out 6 x")
        let excerpts = evaluator.finish().excerpts
        #expect(excerpts.stdout.totalLines == 7 && excerpts.stderr.totalLines == 1)
        #expect(excerpts.output.totalLines == 8)
        #expect(excerpts.output.head == "out 0 x\nout 1 x\n")
        #expect(excerpts.output.tail == "err x\nout 6 x\n", "the fork keeps the lines before it and both streams after")
        #expect(excerpts.stdout.tail == "out 5 x\nout 6 x\n")
        let quiet = try F.evaluator([])
        quiet.feed("only out")
        let alone = quiet.finish().excerpts
        #expect(alone.output == alone.stdout)
    }

    @Test func memoryStaysBoundedWhateverTheOutput() throws {
        let evaluator = try F.evaluator(
            [F.on(.stdout, F.notContains("never")), F.on(.output, F.count("x", min: 1, max: nil))], excerptLimit: 4096)
        let line = [UInt8](repeating: UInt8(ascii: "x"), count: 200)
        for _ in 0..<50_000 { evaluator.feed(bytes: line) }
        #expect(evaluator.storedBytes <= 6 * 4096 + 3 * 4096)
        #expect(evaluator.finish().excerpts.output.totalBytes == 50_000 * 201)
    }

    @Test func resultsRoundTripThroughJSON() throws {
        let evaluator = try F.evaluator([F.on(.stdout, F.contains("x"))])
        evaluator.feedLines("a\nb")
        let result = evaluator.finish()
        let data = try JSONEncoder().encode(result)
        #expect(try JSONDecoder().decode(EvaluationResult.self, from: data) == result)
    }
}
