import Testing

@testable import Workflow

/// The line splitter on its own: chunk boundaries, CRs, the length limit, the last line.
@Suite struct LineSplitterTests {
    /// Splits `chunks` with the given limit and returns (text, truncated) pairs.
    private func split(_ chunks: [[UInt8]], limit: Int = LineSplitter.defaultLimit) -> [(String, Bool)] {
        var splitter = LineSplitter(limit: limit)
        var lines: [(String, Bool)] = []
        for chunk in chunks {
            chunk.withUnsafeBytes { bytes in
                splitter.feed(bytes) { line, truncated, _ in lines.append((String(decoding: line, as: UTF8.self), truncated)) }
            }
        }
        splitter.finish { line, truncated, _ in lines.append((String(decoding: line, as: UTF8.self), truncated)) }
        return lines
    }

    @Test("every way of cutting the input into chunks gives the same lines")
    func chunkBoundariesDoNotMatter() {
        let input = Array("ab\r\n\ncd\r\r\nlong line here\n\r\nlast".utf8)
        let expected = [("ab", false), ("", false), ("cd", false), ("long line here", false), ("", false), ("last", false)]
        let whole = split([input])
        #expect(whole.map(\.0) == expected.map(\.0))
        for cut in 0...input.count {
            let lines = split([Array(input[..<cut]), Array(input[cut...])])
            #expect(lines.map(\.0) == expected.map(\.0), "cut at \(cut)")
        }
        let bytewise = split(input.map { [$0] })
        #expect(bytewise.map(\.0) == expected.map(\.0))
        #expect(bytewise.allSatisfy { !$0.1 })
    }

    @Test("a line over the limit is cut and flagged, the rest of it skipped")
    func longLinesAreCut() {
        for chunkSize in [1, 3, 100] {
            let input = Array("0123456789\nabc\n".utf8)
            let chunks = stride(from: 0, to: input.count, by: chunkSize).map { Array(input[$0..<min($0 + chunkSize, input.count)]) }
            let lines = split(chunks, limit: 8)
            #expect(lines.map(\.0) == ["01234567", "abc"], "chunk size \(chunkSize)")
            #expect(lines.map(\.1) == [true, false], "chunk size \(chunkSize)")
        }
    }

    @Test("trailing CRs do not count towards the limit; CRs inside a cut line stay")
    func carriageReturnsAndTheLimit() {
        for chunkSize in [1, 4, 100] {
            func chunked(_ text: String) -> [[UInt8]] {
                let input = Array(text.utf8)
                return stride(from: 0, to: input.count, by: chunkSize).map { Array(input[$0..<min($0 + chunkSize, input.count)]) }
            }
            let exact = split(chunked("01234567\r\r\n"), limit: 8)
            #expect(exact.map(\.0) == ["01234567"] && exact.map(\.1) == [false], "chunk size \(chunkSize)")
            let cut = split(chunked("0123456\r\rX\n"), limit: 8)
            #expect(cut.map(\.0) == ["0123456\r"] && cut.map(\.1) == [true], "chunk size \(chunkSize)")
        }
    }

    @Test("a last line without LF is still delivered, an empty stream gives nothing")
    func lastLine() {
        #expect(split([Array("a\nb".utf8)]).map(\.0) == ["a", "b"])
        #expect(split([Array("a\n".utf8)]).map(\.0) == ["a"])
        #expect(split([]).isEmpty)
        #expect(split([Array("x\r".utf8)]).map(\.0) == ["x"])
    }

    @Test("each line reports its length before the cut, trailing CRs not counted, however it is chunked")
    func lengthsBeforeTheCut() {
        let input = Array("0123456789\r\r\nab\r\n012345678\r9\r\n0123456789\r\r".utf8)
        for chunkSize in [1, 2, 3, 7, 100] {
            var splitter = LineSplitter(limit: 8)
            var lengths: [(Int, Bool)] = []
            for start in stride(from: 0, to: input.count, by: chunkSize) {
                Array(input[start..<min(start + chunkSize, input.count)]).withUnsafeBytes { bytes in
                    splitter.feed(bytes) { _, truncated, length in lengths.append((length, truncated)) }
                }
            }
            splitter.finish { _, truncated, length in lengths.append((length, truncated)) }
            #expect(lengths.map(\.0) == [10, 2, 11, 10], "chunk size \(chunkSize)")
            #expect(lengths.map(\.1) == [true, false, true, true], "chunk size \(chunkSize)")
        }
    }
}
