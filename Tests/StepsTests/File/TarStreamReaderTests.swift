import Testing

@testable import Steps

/// The tar reader behind `file: { container: … }`: the first entry's facts and content, whatever the chunking.
@Suite("Tar stream reader")
struct TarStreamReaderTests {
    /// Feeds `bytes` in chunks of `chunk` bytes; returns the reader and the content it handed on.
    func read(_ bytes: [UInt8], chunk: Int) -> (reader: TarStreamReader, content: [UInt8]) {
        var reader = TarStreamReader()
        var content: [UInt8] = []
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + chunk)
            bytes[offset..<end].withUnsafeBytes { piece in reader.feed(piece) { content += $0 } }
            offset = end
        }
        return (reader, content)
    }

    @Test("a regular file: size, mode and exactly its content, however the stream is cut", arguments: [1, 7, 511, 512, 513, 100_000])
    func regularFile(chunk: Int) {
        let content = Array((0..<1500).map { UInt8($0 % 251) })
        let (reader, streamed) = read(TarFixture.archive(name: "data.bin", mode: 0o100640, content: content), chunk: chunk)
        #expect(reader.problem == nil)
        #expect(reader.isFinished)
        #expect(reader.entry?.type == .file)
        #expect(reader.entry?.size == 1500)
        #expect(reader.entry?.mode == 0o640)
        #expect(streamed == content)
    }

    @Test("an empty file is an entry with no content")
    func emptyFile() {
        let (reader, streamed) = read(TarFixture.archive(content: []), chunk: 512)
        #expect(reader.entry?.size == 0)
        #expect(reader.isFinished)
        #expect(streamed.isEmpty)
    }

    @Test("a folder is read from its header; its children are never handed on")
    func folder() {
        let folder = TarFixture.header(name: "etc/", mode: 0o40755, size: 0, type: "5")
        let bytes = folder + TarFixture.archive(name: "etc/passwd", content: Array("root".utf8))
        let (reader, streamed) = read(bytes, chunk: 100)
        #expect(reader.entry?.type == .folder)
        #expect(reader.entry?.name == "etc/")
        #expect(reader.isFinished)
        #expect(streamed.isEmpty)
    }

    @Test("a pax extended header gives the size (as the engine writes for files of 8 GiB and more); a GNU long name is skipped")
    func extensionHeaders() {
        let content = Array("hello, pax\n".utf8)
        let records = TarFixture.paxRecord("path", String(repeating: "p", count: 150)) + TarFixture.paxRecord("size", String(content.count))
        let pax = TarFixture.header(name: "PaxHeaders/x", size: records.count, type: "x") + TarFixture.padded(records)
        let longName = Array(String(repeating: "n", count: 120).utf8)
        let gnu = TarFixture.header(name: "././@LongLink", size: longName.count, type: "L") + TarFixture.padded(longName)
        // The ustar size field says 0: only the pax record tells the real size.
        let bytes = pax + gnu + TarFixture.header(name: "short", size: 0) + TarFixture.padded(content) + [UInt8](repeating: 0, count: 1024)
        let (reader, streamed) = read(bytes, chunk: 64)
        #expect(reader.problem == nil)
        #expect(reader.entry?.size == Int64(content.count))
        #expect(streamed == content)
    }

    @Test("a base-256 size field is read")
    func base256() {
        let content = Array("binary size".utf8)
        let bytes = TarFixture.header(name: "b", size: content.count, base256Size: true) + TarFixture.padded(content)
        let (reader, streamed) = read(bytes, chunk: 512)
        #expect(reader.entry?.size == Int64(content.count))
        #expect(streamed == content)
    }

    @Test("a stream cut in the middle of the content leaves the missing bytes counted")
    func truncated() {
        let archive = TarFixture.archive(content: [UInt8](repeating: 0x41, count: 1000))
        let (reader, streamed) = read(Array(archive.prefix(512 + 300)), chunk: 512)
        #expect(!reader.isFinished)
        #expect(reader.contentRemaining == 700)
        #expect(streamed.count == 300)
    }

    @Test("what is not a tar stream is a problem, not an entry")
    func notTar() {
        var block = TarFixture.header(name: "f", size: 3)
        block[0] = UInt8(ascii: "g")
        let (reader, _) = read(block + TarFixture.padded(Array("abc".utf8)), chunk: 512)
        #expect(reader.entry == nil)
        #expect(reader.problem == "a header block is not a valid tar header")
        let (empty, _) = read([UInt8](repeating: 0, count: 1024), chunk: 512)
        #expect(empty.problem == "the archive holds no entry")
    }

    @Test("a symbolic link and a FIFO are entries of their own types")
    func otherTypes() {
        #expect(read(TarFixture.header(name: "l", size: 0, type: "2"), chunk: 512).reader.entry?.type == .link)
        #expect(read(TarFixture.header(name: "p", size: 0, type: "6"), chunk: 512).reader.entry?.type == .other)
    }
}
