import Foundation
import Testing
import Text

/// The one JSON-lines reader: offsets, numbers and a torn last line, from a file in chunks or from memory.
@Suite("JSON lines reader")
struct JSONLinesReaderTests {
    /// Three lines, an empty one, and a torn last line.
    static let text = "{\"a\":1}\n\n{\"b\":22}\n{\"c\":3"

    /// `(offset, number, terminated, text)` of each line.
    private func shapes(_ reader: JSONLinesReader) -> [String] {
        reader.map { "\($0.offset) \($0.number) \($0.isTerminated) \(String(decoding: $0.bytes, as: UTF8.self))" }
    }

    /// Writes `text` to a fresh file; the caller removes it.
    private func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID().uuidString).jsonl").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("every line with its offset and number; the last one without a line feed is torn")
    func linesFromMemory() {
        #expect(
            shapes(JSONLinesReader(data: Data(Self.text.utf8))) == [
                "0 1 true {\"a\":1}", "8 2 true ", "9 3 true {\"b\":22}", "18 4 false {\"c\":3",
            ])
    }

    @Test("a file read in chunks smaller than a line gives the same lines and offsets")
    func chunksDoNotMatter() throws {
        let path = try file(Self.text)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let whole = shapes(JSONLinesReader(data: Data(Self.text.utf8)))
        for size in [1, 2, 3, 7, 64, 1 << 20] {
            let reader = try #require(JSONLinesReader(path: path, chunkSize: size))
            #expect(shapes(reader) == whole, "chunks of \(size) bytes")
        }
    }

    @Test("from an offset: offsets stay the buffer's, numbers start at 1 there")
    func fromAnOffset() {
        #expect(shapes(JSONLinesReader(data: Data(Self.text.utf8), from: 9)) == ["9 1 true {\"b\":22}", "18 2 false {\"c\":3"])
    }

    @Test("a text that ends with a line feed has no torn line; an empty text has no line")
    func endsCleanly() throws {
        let terminated = JSONLinesReader(data: Data("x\ny\n".utf8)).map(\.isTerminated)
        #expect(terminated == [true, true])
        #expect(JSONLinesReader(data: Data()).map(\.number).isEmpty)
        let path = try file("")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try #require(JSONLinesReader(path: path))
        #expect(reader.map(\.number).isEmpty)
    }

    @Test("a file that cannot be opened gives no reader")
    func missingFile() {
        #expect(JSONLinesReader(path: "/nonexistent/journal.jsonl") == nil)
    }
}
