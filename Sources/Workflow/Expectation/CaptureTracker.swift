/// The running state of one `capture:` entry: the first line of its stream its regex matches.
final class CaptureTracker: @unchecked Sendable {
    /// The capture's name.
    let name: String
    /// The stream read.
    let stream: StreamSelector
    /// The substituted regex.
    let pattern: LinePattern
    /// Where the capture is written.
    let sourceLine: Int
    /// A copy of the regex's prefilter (testing it costs no reference counting).
    private let prefilter: LinePrefilter
    /// The captured value, once a line matched.
    private(set) var value: String?

    /// Builds the state of `capture` with `render` substituting its regex.
    init(_ capture: Capture, render: (Template, Bool) throws -> String) throws {
        name = capture.name
        stream = capture.stream
        sourceLine = capture.location.line
        pattern = try LinePattern(pattern: render(capture.regex, true))
        prefilter = pattern.prefilter
    }

    /// True once a line matched: later lines change nothing.
    var isDone: Bool { value != nil }

    /// Looks at the next line of the stream; true when it made the capture.
    @inline(__always)
    func consume(_ line: UnsafeRawBufferPointer) -> Bool {
        guard prefilter.admits(line), let match = pattern.firstMatchUnfiltered(line) else { return false }
        // The group named like the capture, else the first group, else the whole match.
        if pattern.groupNames.contains(name) {
            value = match.group(named: name) ?? ""
        } else if match.result.numberOfRanges > 1 {
            value = match.group(1) ?? ""
        } else {
            value = match.group(0) ?? ""
        }
        return true
    }

    /// The failure when no line matched.
    func failure(lastLines: (Int) -> [NumberedLine]) -> MatcherFailure? {
        guard value == nil else { return nil }
        return MatcherFailure(
            matcher: "capture \(name)", expected: pattern.pattern,
            message: "no line matched (no line of \(stream.rawValue) matches \(StreamCheck.quoted(pattern.pattern)))",
            lines: lastLines(10), sourceLine: sourceLine)
    }
}
