import Workflow

/// Keeps a published record well under the board's 1 MiB batch limit: a step's excerpts (up to
/// 128 KiB a stream, for each probe too) are cut to their first 4 KiB and last 12 KiB, at line
/// boundaries, when the record is large. The learner's own journal keeps everything.
enum RecordTrimmer {
    /// Records at most this large go unchanged.
    static let threshold = 192 << 10
    /// Bytes kept of an excerpt's head.
    static let headBytes = 4 << 10
    /// Bytes kept of an excerpt's tail.
    static let tailBytes = 12 << 10

    /// `record` with its excerpts cut down.
    static func trimmed(_ record: JournalRecord) -> JournalRecord {
        var record = record
        if var step = record.step {
            step.excerpts = step.excerpts.map(trim)
            step.verify = step.verify.map(trim)
            step.verifyBefore = step.verifyBefore?.map(trim)
            step.failures = step.failures.map(trim)
            record.step = step
        }
        if var cleanup = record.cleanup {
            cleanup.result = trim(cleanup.result)
            record.cleanup = cleanup
        }
        return record
    }

    private static func trim(_ probe: ProbeResult) -> ProbeResult {
        var probe = probe
        probe.excerpts = probe.excerpts.map(trim)
        probe.failures = probe.failures.map(trim)
        return probe
    }

    private static func trim(_ excerpts: OutputExcerpts) -> OutputExcerpts {
        OutputExcerpts(stdout: trim(excerpts.stdout), stderr: trim(excerpts.stderr), output: trim(excerpts.output))
    }

    /// At most the first and last 20 quoted lines of a failed expectation, each at most 1 KiB.
    private static func trim(_ failure: MatcherFailure) -> MatcherFailure {
        var failure = failure
        var lines = failure.lines
        if lines.count > 40 { lines = Array(lines.prefix(20)) + Array(lines.suffix(20)) }
        failure.lines = lines.map { line in
            var line = line
            if line.text.utf8.count > 1024 { line.text = String(decoding: line.text.utf8.prefix(1024), as: UTF8.self) + "…" }
            return line
        }
        return failure
    }

    /// The excerpt with its head cut to `headBytes` and its tail to `tailBytes`, whole lines,
    /// the lines and bytes left out added to its omitted counts.
    static func trim(_ excerpt: StreamExcerpt) -> StreamExcerpt {
        var excerpt = excerpt
        let head = Array(excerpt.head.utf8)
        if head.count > headBytes {
            let cut = head[..<headBytes].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            excerpt.head = String(decoding: head[..<cut], as: UTF8.self)
            excerpt.omittedLines += head[cut...].filter { $0 == 0x0A }.count
            excerpt.omittedBytes += head.count - cut
        }
        let tail = Array(excerpt.tail.utf8)
        if tail.count > tailBytes {
            let from = tail.count - tailBytes
            let cut = tail[from...].firstIndex(of: 0x0A).map { $0 + 1 } ?? tail.count
            excerpt.tail = String(decoding: tail[cut...], as: UTF8.self)
            excerpt.omittedLines += tail[..<cut].filter { $0 == 0x0A }.count
            excerpt.omittedBytes += cut
        }
        return excerpt
    }
}
