import Foundation
import Workflow

/// Feeds generated training output straight into `OutputEvaluator.consume` and reports MB/s.
///
/// The lines (about 100 bytes, 1% of them `Accuracy at step N: 0.9…`) are generated once into a
/// 4 MiB pool that is fed over and over until `totalBytes` went by, so what is timed is the
/// evaluator alone. Scenarios: the acceptance case (`count` + `matches`, over 1 GiB by default),
/// no matcher (excerpts and the live line only), a typical step with negative matchers and a
/// capture, regexes without a usable literal (the byte automaton, or ICU, on every line), and
/// `count` where every line matches (a pool of accuracy lines only: no prefilter can help).
struct OutputEvaluatorBenchmark {
    /// Bytes fed per scenario (LFs included).
    var totalBytes: Int = 1 << 30

    /// A scenario: its name, its matchers and how much of `totalBytes` it reads.
    private struct Scenario {
        let name: String
        let matchers: [(StreamSelector, Matcher)]
        var captures: [Capture] = []
        var fraction = 1
        /// Every line is an accuracy line (else: the training log, 1 % accuracy lines).
        var everyLineMatches = false
    }

    func run() throws {
        let pool = Self.generatePool(bytes: 4 << 20)
        let matchingPool = Self.generatePool(bytes: 4 << 20, accuracyEvery: 1)
        let here = SourceLocation(file: "bench.yaml", line: 1, column: 1)
        func template(_ text: String) -> Template { Template(literal: text, location: here) }
        let scenarios = [
            Scenario(
                name: "count + matches",
                matchers: [
                    (.stdout, .count(template(#"^Accuracy at step \d+:"#), min: 10, max: nil)),
                    (.stdout, .matches(template(#"^Accuracy at step 90: (?<accuracy>0\.\d+)$"#))),
                ]),
            Scenario(name: "no matcher (excerpts only)", matchers: []),
            Scenario(
                name: "typical step",
                matchers: [
                    (.stdout, .lines([template("^Accuracy at step 0:"), template(#"^Accuracy at step 90: (?<acc>0\.\d+)$"#)])),
                    (.stdout, .count(template(#"^Accuracy at step \d+:"#), min: 10, max: nil)),
                    (.output, .notContains(template("Traceback"))),
                    (.output, .notMatches(template("(?i)out of memory"))),
                ], captures: [Capture(name: "loss", stream: .stdout, regex: template(#"loss=([0-9.]+)"#), location: here)]),
            Scenario(
                name: "anchored regex, no literal (every line)",
                matchers: [
                    (.stdout, .notMatches(template("^[0-9a-f]{12}$")))
                ]),
            Scenario(
                name: "unanchored regex, no literal (every line)",
                matchers: [
                    (.stdout, .count(template(#"\d{5}"#), min: 1, max: nil))
                ]),
            Scenario(
                name: "count, every line matches",
                matchers: [
                    (.stdout, .count(template(#"^Accuracy at step \d+: 0\.\d+"#), min: 10, max: nil))
                ], everyLineMatches: true),
            Scenario(
                name: "ICU alone: (?i) count, every line matches",
                matchers: [
                    (.stdout, .count(template(#"(?i)^Accuracy at step \d+: 0\.\d+"#), min: 10, max: nil))
                ], fraction: 16, everyLineMatches: true),
        ]
        print(
            String(
                format: "output evaluator: %.0f MiB per scenario, ~%d-byte lines", Double(totalBytes) / 1_048_576,
                pool.bytes.count / pool.lines.count))
        for scenario in scenarios {
            let expectation = Expectation(streams: scenario.matchers.map { StreamExpectation(stream: $0.0, matcher: $0.1, location: here) })
            let evaluator = try OutputEvaluator(expect: expectation, captures: scenario.captures, finishOnMatch: false) { template, _ in
                template.raw
            }
            let target = totalBytes / scenario.fraction
            var fed = 0
            let clock = ContinuousClock()
            let start = clock.now
            let lines = scenario.everyLineMatches ? matchingPool : pool
            var lineCount = 0
            lines.bytes.withUnsafeBytes { buffer in
                while fed < target {
                    for (offset, length) in lines.lines {
                        _ = evaluator.consume(
                            line: UnsafeRawBufferPointer(rebasing: buffer[offset..<offset + length]), stream: .stdout, truncated: false)
                        fed += length + 1
                    }
                    lineCount += lines.lines.count
                }
            }
            let elapsed = (clock.now - start).milliseconds / 1000
            let result = evaluator.finish(exitCode: 0, capturedBefore: [:])
            guard result.passed else { throw BenchmarkFailure(message: "\(scenario.name): \(result.failures.map(\.message))") }
            let name = scenario.name.padding(toLength: 46, withPad: " ", startingAt: 0)
            print(
                String(
                    format: "  %@ %7.1f MB/s  %5.2f M lines/s  (%.0f MiB in %.2f s)",
                    name as NSString, Double(fed) / 1e6 / elapsed, Double(lineCount) / 1e6 / elapsed,
                    Double(fed) / 1_048_576, elapsed))
        }
        print(String(format: "  peak RSS %.1f MiB (the 4 MiB line pool included)", PeakMemory.residentMiB()))
    }

    /// About `bytes` of lines like a training log: timestamps, losses, and every `accuracyEvery`th line
    /// an accuracy (then about 100 bytes long too).
    static func generatePool(bytes target: Int, accuracyEvery: Int = 100) -> (bytes: [UInt8], lines: [(Int, Int)]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(target + 256)
        var lines: [(Int, Int)] = []
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func random(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var index = 0
        while bytes.count < target {
            var line: String
            if accuracyEvery == 1 {
                line = "Accuracy at step \(index): 0.9\(random(10))\(random(10)) loss=\(random(100_000)) lr=0.001000 "
                while line.utf8.count < 80 + random(40) { line += "batch " }
            } else if index % accuracyEvery == accuracyEvery - 1 {
                let step = (index / accuracyEvery) % 100 * 10
                line = "Accuracy at step \(step): 0.9\(random(10))\(random(10))"
            } else {
                let words = ["conv2d", "dense", "softmax", "gradient", "batch", "tensor", "shape", "device", "cpu:0", "checkpoint"]
                line = String(
                    format: "2026-11-25 09:%02d:%02d.%03d I tensorflow/core/%@.cc:%d] step %d loss=%.5f lr=0.001000 ",
                    random(60), random(60), random(1000), words[random(words.count)] as NSString, random(900) + 100, index,
                    Double(random(100_000)) / 100_000)
                while line.utf8.count < 80 + random(40) { line += words[random(words.count)] + " " }
            }
            lines.append((bytes.count, line.utf8.count))
            bytes += line.utf8
            bytes.append(0x0A)
            index += 1
        }
        return (bytes, lines)
    }
}
