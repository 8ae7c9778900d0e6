/// The running state of one matcher of `expect:` while a step's lines go by.
///
/// Built once per step run by `OutputEvaluator` with its templates substituted; `consume` sees
/// each line of the matcher's stream (never concurrently) and reports when the matcher becomes
/// satisfied or fails, which `finish_on_match` needs; `failure` says what went wrong at the end.
final class StreamCheck: @unchecked Sendable {
    /// What a line changed.
    enum Event {
        /// Nothing that finish_on_match cares about.
        case none
        /// A positive matcher is now satisfied (for good).
        case satisfied
        /// A negative matcher (or `max`) has now failed (for good).
        case failed
    }

    /// The matcher kinds, without payload so that the per-line switch costs nothing.
    enum Kind { case contains, notContains, matches, notMatches, equals, lines, count }

    /// Number of offending or sample lines quoted in a failure.
    static let quotedLines = 5

    let kind: Kind
    /// The stream read.
    let stream: StreamSelector
    /// `stdout: contains`.
    let label: String
    /// The expected value for the report.
    let expected: String
    /// Where the matcher is written.
    let sourceLine: Int
    /// True for the matchers finish_on_match waits for.
    let isPositive: Bool
    /// The matcher's `why:`, substituted (its raw text when a value is not known yet).
    let why: String?
    /// contains / not_contains: the substituted text.
    private let needle: ByteLiteral?
    private let needleText: String
    /// The needle holds U+FFFD, which can only match after repairing the line.
    private let needleNeedsRepair: Bool
    /// Regex matchers: the patterns (one, or those of `lines`).
    private let patterns: [LinePattern]
    /// The prefilter of the regex tried next (a copy: testing it costs no reference counting).
    private var prefilter: LinePrefilter?
    private let minimum: Int?
    private let maximum: Int?
    private var equals: EqualsTracker?

    /// True when further lines cannot change the outcome (a found `contains`, a complete `lines`…).
    private(set) var isDone = false
    /// Positive matchers: satisfied so far.
    private(set) var isSatisfied = false
    /// First line that satisfied `contains` / `matches`.
    private var satisfyingLine: NumberedLine?
    /// not_contains / not_matches: the first offending lines, and how many there were.
    private var offenders: [NumberedLine] = []
    private var offenderCount = 0
    /// lines: index of the next regex, and the lines that matched the earlier ones.
    private var nextPattern = 0
    private var linesMatched: [NumberedLine] = []
    /// count: matching lines, the first few, and the one that went over `max`.
    private var matchCount = 0
    private var samples: [NumberedLine] = []
    private var overMaximum: NumberedLine?
    /// Values of `(?<name>…)` groups from the lines that satisfied the matcher, in order.
    private(set) var captured: [(String, String)] = []

    /// Builds the state of `expectation` with `render` substituting its templates.
    init(_ expectation: StreamExpectation, render: (Template, Bool) throws -> String) throws {
        stream = expectation.stream
        sourceLine = expectation.location.line
        label = "\(expectation.stream.rawValue): \(expectation.matcher.keyName)"
        isPositive = expectation.matcher.isPositive
        why = expectation.why.map { (try? render($0, false)) ?? $0.raw }
        var needle: ByteLiteral?
        var needleText = ""
        var patterns: [LinePattern] = []
        var minimum: Int?
        var maximum: Int?
        switch expectation.matcher {
        case .contains(let text), .notContains(let text):
            kind = if case .contains = expectation.matcher { .contains } else { .notContains }
            needleText = try render(text, false)
            needle = ByteLiteral(Array(needleText.utf8))
            expected = needleText
        case .matches(let regex), .notMatches(let regex):
            kind = if case .matches = expectation.matcher { .matches } else { .notMatches }
            patterns = [try LinePattern(pattern: render(regex, true))]
            expected = patterns[0].pattern
        case .equals(let text):
            kind = .equals
            needleText = try render(text, false)
            equals = EqualsTracker(expected: needleText)
            expected = needleText
        case .lines(let regexes):
            kind = .lines
            patterns = try regexes.map { try LinePattern(pattern: render($0, true)) }
            expected = "[" + patterns.map { Self.quoted($0.pattern) }.joined(separator: ", ") + "]"
        case .count(let regex, let low, let high):
            kind = .count
            patterns = [try LinePattern(pattern: render(regex, true))]
            (minimum, maximum) = (low, high)
            let range =
                switch (low, high) {
                case (let low?, let high?): low == high ? "exactly \(low)" : "\(low)…\(high)"
                case (let low?, nil): "at least \(low)"
                case (nil, let high?): "at most \(high)"
                case (nil, nil): "any number of"
                }
            expected = "\(range) lines matching \(Self.quoted(patterns[0].pattern))"
        case .json:
            // Judged on the whole stream by `WholeStreamChecks`, never line by line.
            throw ExpectationSetupError(message: "a json matcher is judged on the whole stream")
        }
        self.needle = needle
        self.needleText = needleText
        self.needleNeedsRepair = needleText.unicodeScalars.contains("\u{FFFD}")
        self.patterns = patterns
        self.prefilter = patterns.first?.prefilter
        self.minimum = minimum
        self.maximum = maximum
        switch kind {
        case .lines where patterns.isEmpty: (isSatisfied, isDone) = (true, true)
        case .count where (minimum ?? 0) <= 0: isSatisfied = true
        default: break
        }
    }

    deinit { needle?.deallocate() }

    /// Looks at the next line of the stream; `number` is its 1-based number in that stream.
    @inline(__always)
    func consume(_ line: UnsafeRawBufferPointer, number: Int) -> Event {
        switch kind {
        case .contains:
            guard containsNeedle(line) else { return .none }
            satisfyingLine = NumberedLine(number: number, text: LineText.display(line))
            (isSatisfied, isDone) = (true, true)
            return .satisfied
        case .notContains:
            guard containsNeedle(line) else { return .none }
            return offend(line, number: number)
        case .matches:
            guard prefilter.unsafelyUnwrapped.admits(line), let match = patterns[0].firstMatchUnfiltered(line) else { return .none }
            satisfyingLine = NumberedLine(number: number, text: LineText.display(line))
            captured += match.namedGroups(patterns[0].groupNames)
            (isSatisfied, isDone) = (true, true)
            return .satisfied
        case .notMatches:
            guard prefilter.unsafelyUnwrapped.admits(line), patterns[0].matchesUnfiltered(line) else { return .none }
            return offend(line, number: number)
        case .equals:
            let before = equals!.divergence
            equals!.consume(line)
            return before == nil && equals!.divergence != nil ? .failed : .none
        case .lines:
            guard prefilter.unsafelyUnwrapped.admits(line), let match = patterns[nextPattern].firstMatchUnfiltered(line) else {
                return .none
            }
            linesMatched.append(NumberedLine(number: number, text: LineText.display(line)))
            captured += match.namedGroups(patterns[nextPattern].groupNames)
            nextPattern += 1
            guard nextPattern == patterns.count else {
                prefilter = patterns[nextPattern].prefilter
                return .none
            }
            (isSatisfied, isDone) = (true, true)
            return .satisfied
        case .count:
            guard prefilter.unsafelyUnwrapped.admits(line), patterns[0].matchesUnfiltered(line) else { return .none }
            matchCount += 1
            if samples.count < Self.quotedLines { samples.append(NumberedLine(number: number, text: LineText.display(line))) }
            if let maximum, matchCount == maximum + 1 {
                overMaximum = NumberedLine(number: number, text: LineText.display(line))
                return .failed
            }
            if let minimum, matchCount == minimum, !isSatisfied {
                isSatisfied = true
                return .satisfied
            }
            return .none
        }
    }

    /// True when the line contains the needle (bytes; after repair when the needle holds U+FFFD).
    @inline(__always)
    private func containsNeedle(_ line: UnsafeRawBufferPointer) -> Bool {
        if needleNeedsRepair { return LineText.string(line).contains(needleText) }
        return needle.unsafelyUnwrapped.occursExactly(in: line)
    }

    private func offend(_ line: UnsafeRawBufferPointer, number: Int) -> Event {
        offenderCount += 1
        if offenders.count < Self.quotedLines { offenders.append(NumberedLine(number: number, text: LineText.display(line))) }
        return offenderCount == 1 ? .failed : .none
    }

    /// True when a negative matcher (or `max`) has failed on the lines seen so far.
    var hasFailed: Bool {
        switch kind {
        case .notContains, .notMatches: offenderCount > 0
        case .count: maximum.map { matchCount > $0 } ?? false
        case .equals: equals!.divergence != nil
        default: false
        }
    }

    /// What went wrong, judged on the whole stream; `lastLines` gives the stream's last lines.
    func failure(lastLines: (Int) -> [NumberedLine]) -> MatcherFailure? {
        let name = stream.rawValue
        var message: String
        var lines: [NumberedLine]
        switch kind {
        case .contains:
            guard !isSatisfied else { return nil }
            message = "no line of \(name) contains \"\(needleText)\""
            lines = lastLines(10)
        case .notContains, .notMatches:
            guard let first = offenders.first else { return nil }
            let what = kind == .notContains ? "contains \"\(needleText)\"" : "matches \(Self.quoted(patterns[0].pattern))"
            let more = offenderCount > 1 ? " (\(offenderCount) lines in all)" : ""
            message = "line \(first.number) of \(name) \(what)\(more)"
            lines = offenders
        case .matches:
            guard !isSatisfied else { return nil }
            message = "no line of \(name) matches \(Self.quoted(patterns[0].pattern))"
            lines = lastLines(10)
        case .equals:
            guard let explanation = equals!.explanation(stream: stream) else { return nil }
            message = explanation
            lines = equals!.divergence == nil ? lastLines(3) : equals!.quoted
        case .lines:
            guard !isSatisfied else { return nil }
            let missing = Self.quoted(patterns[nextPattern].pattern)
            let ordinal = "regex \(nextPattern + 1) of \(patterns.count)"
            if let previous = linesMatched.last {
                message = "no line of \(name) after line \(previous.number) matches \(missing) (\(ordinal))"
            } else {
                message = "no line of \(name) matches \(missing) (\(ordinal))"
            }
            let tail = lastLines(10).filter { line in !linesMatched.contains { $0.number == line.number } }
            lines = linesMatched + tail
        case .count:
            if let maximum, matchCount > maximum {
                message = "\(matchCount) lines of \(name) match \(Self.quoted(patterns[0].pattern)); expected at most \(maximum)"
            } else if let minimum, matchCount < minimum {
                message =
                    "\(matchCount) line\(matchCount == 1 ? "" : "s") of \(name) match\(matchCount == 1 ? "es" : "") \(Self.quoted(patterns[0].pattern)); expected at least \(minimum)"
            } else {
                return nil
            }
            lines = samples
            if let overMaximum, !samples.contains(overMaximum) { lines.append(overMaximum) }
            if matchCount == 0 { lines = lastLines(10) }
        }
        return MatcherFailure(matcher: label, expected: expected, message: message, lines: lines, sourceLine: sourceLine, why: why)
    }

    /// Bytes held for `equals` besides the expected text (for tests of the memory bound).
    var storedBytes: Int { equals?.storedBytes ?? 0 }

    /// A regex quoted for a message: '…'.
    static func quoted(_ pattern: String) -> String { "'\(pattern)'" }
}
