import Testing

@testable import Steps
@testable import Workflow

/// What `docker cp … -` prints, turned into the step's stdout and a request to stop docker when nothing more is needed.
@Suite("Tar entry streamer")
struct TarEntryStreamerTests {
    /// Feeds `bytes` as docker's stdout in chunks of `chunk`; returns what the last line call answered (stop or not).
    func feed(_ streamer: TarEntryStreamer, _ bytes: [UInt8], chunk: Int) -> Bool {
        var stop = false
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + chunk)
            bytes[offset..<end].withUnsafeBytes { streamer.consume(chunk: $0, stream: .stdout) }
            stop = [UInt8]().withUnsafeBytes { streamer.consume(line: $0, stream: .stdout, truncated: false) }
            offset = end
        }
        return stop
    }

    @Test("a file's content reaches stdout as lines; docker is not stopped; stderr is kept for the message")
    func file() {
        let collector = OutputCollector()
        let streamer = TarEntryStreamer(output: ActionOutput(consumer: collector))
        let stop = feed(streamer, TarFixture.archive(name: "index.html", mode: 0o644, content: Array("<h1>\nHello\n".utf8)), chunk: 100)
        _ = Array("a warning".utf8).withUnsafeBytes { streamer.consume(line: $0, stream: .stderr, truncated: false) }
        #expect(!stop)
        #expect(collector.stdout == "<h1>\nHello")
        let summary = streamer.summary
        #expect(summary.entry?.size == 11)
        #expect(summary.entry?.mode == 0o644)
        #expect(summary.missing == 0)
        #expect(summary.errors == "a warning")
    }

    @Test("a folder asks to stop docker at once (its archive may be large) and writes nothing")
    func folder() {
        let collector = OutputCollector()
        let streamer = TarEntryStreamer(output: ActionOutput(consumer: collector))
        let folder = TarFixture.header(name: "usr/", mode: 0o755, size: 0, type: "5")
        let bytes = folder + TarFixture.archive(name: "usr/x", content: Array("x\n".utf8))
        #expect(feed(streamer, bytes, chunk: 512))
        #expect(collector.stdout.isEmpty)
        #expect(streamer.summary.entry?.type == .folder)
    }
}
