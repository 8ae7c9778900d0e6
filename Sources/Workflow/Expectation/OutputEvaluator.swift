/// Checks a step's output as it arrives: every matcher of `expect:`, the `capture:` entries,
/// `finish_on_match`, and the excerpts kept for the report (SPEC 1.2, 1.3, 4).
///
/// The process runner hands it every line of both streams through `LineConsumer`; matching
/// works on the raw bytes (regexes behind a literal prefilter, see `LinePrefilter`), so a line
/// costs no allocation unless a regex has to look at it. Memory stays bounded whatever the step
/// prints: excerpts keep `excerptLimit` bytes at each end of each stream, `equals` keeps only
/// the expected text, matchers quote a few lines each.
///
/// Thread safety: `consume` and `finish` must be serialized (the runner calls `consume` from
/// one task at a time, in arrival order, and `finish` after the last line), hence
/// `@unchecked Sendable`.
public final class OutputEvaluator: LineConsumer, @unchecked Sendable {
    /// The matchers, in the order written.
    private let checks: [StreamCheck]
    /// The `capture:` entries, in the order written.
    private let captures: [CaptureTracker]
    /// Matchers and captures reading each pipe (`output` ones are in both), unretained: `checks`
    /// and `captures` own them, and the per-line loops then cost no reference counting.
    private let stdoutChecks: [Unmanaged<StreamCheck>]
    private let stderrChecks: [Unmanaged<StreamCheck>]
    private let stdoutCaptures: [Unmanaged<CaptureTracker>]
    private let stderrCaptures: [Unmanaged<CaptureTracker>]
    private let values: ValueCheckJudge
    private let exit: ExitExpectation
    /// `exit: { equals, why }`'s `why`, substituted.
    private let exitWhy: String?
    /// `exists`, `status`, `size`, `mode` and whether `exit` is judged, as the command's kind supports them.
    private let facts: FactsJudge
    /// `json` matchers and JSON captures, judged at the end on each stream's whole document.
    private let wholeStream: WholeStreamChecks
    /// finish_on_match: the step may end once `pendingPositives` reaches 0 while no negative failed.
    private let finishOnMatch: Bool
    private var pendingPositives: Int
    private var negativeFailed = false
    private(set) var finishedOnMatch = false
    /// Excerpts (they also count the lines of each stream).
    private let stdoutExcerpt: ExcerptBuffer
    private let stderrExcerpt: ExcerptBuffer
    /// Both streams interleaved: while only one stream has spoken it is that stream's excerpt
    /// (nothing is copied twice); the first line of the other stream forks it (`combined`).
    private var outputExcerpt: ExcerptBuffer
    /// The one stream that has spoken so far, until the other one does; nil before any line.
    private var soleStream: OutputStreamKind?
    /// Whether both streams have spoken, so that `outputExcerpt` holds their interleaving.
    private var outputForked = false

    /// Prepares the checks of one run of a step.
    ///
    /// - Parameters:
    ///   - expect: the step's expectation.
    ///   - captures: the step's captures; those with `fromMatcher` are skipped, since their
    ///     values come from the line that satisfied their `matches`/`lines` matcher.
    ///   - finishOnMatch: ask the runner to stop the process once every positive matcher and
    ///     every capture is satisfied while no negative matcher has failed (SPEC 1.1).
    ///   - excerptLimit: bytes kept at each end of each stream for the report.
    ///   - render: substitutes `${…}` in a template; with `asRegex` true the values must come
    ///     back regex-escaped. It throws for a reference it cannot resolve; `values:` operands
    ///     that it cannot resolve are resolved at `finish` from the captures instead.
    /// - Throws: what `render` throws, or `RegexCompileError` for a regex ICU refuses.
    public init(
        expect: Expectation, captures: [Capture], finishOnMatch: Bool, checks kindChecks: Set<ExpectationCheck> = [.exit],
        excerptLimit: Int = 64 * 1024, render: (Template, _ asRegex: Bool) throws -> String
    ) throws {
        let wholeStream = try WholeStreamChecks(expect: expect, captures: captures, render: render)
        let checks = try expect.streams.filter { !WholeStreamChecks.handles($0) }.map { try StreamCheck($0, render: render) }
        let trackers = try captures.filter { !$0.fromMatcher && $0.jsonPath == nil }.map { try CaptureTracker($0, render: render) }
        self.wholeStream = wholeStream
        self.facts = FactsJudge(expect: expect, checks: kindChecks)
        self.checks = checks
        self.stdoutChecks = checks.filter { $0.stream != .stderr }.map(Unmanaged.passUnretained)
        self.stderrChecks = checks.filter { $0.stream != .stdout }.map(Unmanaged.passUnretained)
        self.captures = trackers
        self.stdoutCaptures = trackers.filter { $0.stream != .stderr }.map(Unmanaged.passUnretained)
        self.stderrCaptures = trackers.filter { $0.stream != .stdout }.map(Unmanaged.passUnretained)
        self.values = ValueCheckJudge(expect.values, render: render)
        self.exit = expect.exit
        self.exitWhy = expect.exitWhy.map { (try? render($0, false)) ?? $0.raw }
        let positives = checks.filter { $0.isPositive && !$0.isSatisfied }.count + trackers.count
        // Without a single positive matcher there is nothing to wait for (validation forbids it).
        self.finishOnMatch = finishOnMatch && checks.contains { $0.isPositive }
        self.pendingPositives = positives
        self.stdoutExcerpt = ExcerptBuffer(limit: excerptLimit)
        self.stderrExcerpt = ExcerptBuffer(limit: excerptLimit)
        self.outputExcerpt = ExcerptBuffer(limit: excerptLimit)
    }

    /// Whether raw chunks are wanted: only for `json` matchers and JSON captures.
    public var wantsRawChunks: Bool { wholeStream.isNeeded }

    /// Keeps the raw output for the checks that need whole streams.
    public func consume(chunk: UnsafeRawBufferPointer, stream: OutputStreamKind) {
        wholeStream.append(chunk, stream: stream)
    }

    /// Looks at one line; true when finish_on_match asks the runner to stop the process.
    public func consume(line: UnsafeRawBufferPointer, stream: OutputStreamKind, truncated: Bool) -> Bool {
        consume(line: line, stream: stream, truncated: truncated, length: line.count)
    }

    /// Looks at one line that was `length` bytes long before the runner cut it to `line` (only
    /// the excerpts' byte counts see the difference); true when finish_on_match asks the runner
    /// to stop the process.
    public func consume(line: UnsafeRawBufferPointer, stream: OutputStreamKind, truncated: Bool, length: Int) -> Bool {
        if !outputForked && soleStream != stream {
            if let sole = soleStream {
                outputExcerpt = (sole == .stdout ? stdoutExcerpt : stderrExcerpt).copy()
                outputForked = true
            } else {
                soleStream = stream
            }
        }
        let streamNumber: Int
        if stream == .stdout {
            stdoutExcerpt.append(line, truncated: truncated, length: length)
            streamNumber = stdoutExcerpt.totalLines
        } else {
            stderrExcerpt.append(line, truncated: truncated, length: length)
            streamNumber = stderrExcerpt.totalLines
        }
        if outputForked { outputExcerpt.append(line, truncated: truncated, length: length) }
        if finishedOnMatch { return true }
        if stream == .stdout {
            evaluate(line, stdoutChecks, stdoutCaptures, streamNumber: streamNumber)
        } else {
            evaluate(line, stderrChecks, stderrCaptures, streamNumber: streamNumber)
        }
        if finishOnMatch && pendingPositives == 0 && !negativeFailed {
            finishedOnMatch = true
            return true
        }
        return false
    }

    /// Runs the matchers and captures of one pipe on a line.
    @inline(__always)
    private func evaluate(
        _ line: UnsafeRawBufferPointer, _ checks: [Unmanaged<StreamCheck>], _ captures: [Unmanaged<CaptureTracker>], streamNumber: Int
    ) {
        let outputNumber = outputForked ? outputExcerpt.totalLines : streamNumber
        for index in checks.indices {
            let event = checks[index]._withUnsafeGuaranteedRef { check -> StreamCheck.Event in
                if check.isDone { return .none }
                return check.consume(line, number: check.stream == .output ? outputNumber : streamNumber)
            }
            switch event {
            case .none: break
            case .satisfied: pendingPositives -= 1
            case .failed: negativeFailed = true
            }
        }
        for index in captures.indices {
            let captured = captures[index]._withUnsafeGuaranteedRef { capture in !capture.isDone && capture.consume(line) }
            if captured { pendingPositives -= 1 }
        }
    }

    /// Judges everything once the process is gone (or was stopped by finish_on_match).
    ///
    /// - Parameters:
    ///   - exitCode: the exit status; nil when the process ended without one (a signal).
    ///   - subject: what a command that is not a process found out (status, existence, size, mode).
    ///   - capturedBefore: values captured by earlier steps, for `values:` checks.
    ///   - render: substitutes the operands of `size:`.
    /// - Returns: failures in this order: exists, status, exit, matchers as written, captures, values.
    public func finish(
        exitCode: Int32?, subject: SubjectFacts? = nil, capturedBefore: [String: String], render: (Template) throws -> String = { $0.raw }
    ) -> EvaluationResult {
        let judged = facts.judge(subject, render: render)
        var failures = judged.failures
        if judged.skipRest {
            return EvaluationResult(
                passed: failures.isEmpty, failures: failures, captured: [:], finishedOnMatch: finishedOnMatch,
                excerpts: OutputExcerpts(stdout: stdoutExcerpt.excerpt(), stderr: stderrExcerpt.excerpt(), output: combined.excerpt()))
        }
        if !finishedOnMatch && facts.checks.contains(.exit) {
            if let exitCode {
                if !exit.accepts(exitCode) {
                    let message = "expected \(exit.description), got \(exitCode)"
                    failures.append(MatcherFailure(matcher: "exit", expected: exit.description, message: message, why: exitWhy))
                }
            } else if exit != .any {
                let message = "expected \(exit.description), got no exit status (killed by a signal)"
                failures.append(MatcherFailure(matcher: "exit", expected: exit.description, message: message, why: exitWhy))
            }
        }
        var captured: [String: String] = [:]
        for check in checks {
            for (name, value) in check.captured where captured[name] == nil { captured[name] = value }
            if let failure = check.failure(lastLines: lastLinesReader(check.stream)) { failures.append(failure) }
        }
        for capture in captures {
            if let value = capture.value { captured[capture.name] = value }
            if let failure = capture.failure(lastLines: lastLinesReader(capture.stream)) { failures.append(failure) }
        }
        let whole = wholeStream.finish()
        failures += whole.failures
        captured.merge(whole.captured) { _, new in new }
        let known = capturedBefore.merging(captured) { _, new in new }
        failures += values.failures(values: known)
        return EvaluationResult(
            passed: failures.isEmpty, failures: failures, captured: captured, finishedOnMatch: finishedOnMatch,
            excerpts: OutputExcerpts(stdout: stdoutExcerpt.excerpt(), stderr: stderrExcerpt.excerpt(), output: combined.excerpt()))
    }

    private func lastLinesReader(_ stream: StreamSelector) -> (Int) -> [NumberedLine] {
        let buffer = excerptBuffer(stream)
        return { buffer.lastLines($0) }
    }

    private func excerptBuffer(_ stream: StreamSelector) -> ExcerptBuffer {
        switch stream {
        case .stdout: stdoutExcerpt
        case .stderr: stderrExcerpt
        case .output: combined
        }
    }

    /// Both streams interleaved: the forked buffer, or the one stream that spoke (or the empty buffer).
    private var combined: ExcerptBuffer {
        guard !outputForked, let soleStream else { return outputExcerpt }
        return soleStream == .stdout ? stdoutExcerpt : stderrExcerpt
    }

    /// Bytes held for matching and excerpts, besides the expected texts (for tests of the memory bound).
    var storedBytes: Int {
        checks.reduce(0) { $0 + $1.storedBytes } + stdoutExcerpt.storedBytes + stderrExcerpt.storedBytes
            + (outputForked ? outputExcerpt.storedBytes : 0)
    }
}
