import Foundation
import Workflow

/// `runbook-bench load|evaluator|diagnostics|board|yaml …`: the benchmarks of bench/README.md.
@main
struct BenchmarkMain {
    static func main() async throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        switch arguments.first {
        case "load", nil:
            let steps = arguments.count > 1 ? Int(arguments[1]) ?? 10_000 : 10_000
            try LoadBenchmark(steps: steps, repetitions: 5).run()
        case "diagnostics":
            DiagnosticsBenchmark(count: arguments.count > 1 ? Int(arguments[1]) ?? 4_000 : 4_000).run()
        case "evaluator":
            try OutputEvaluatorBenchmark(totalBytes: (arguments.count > 1 ? Int(arguments[1]) ?? 1024 : 1024) << 20).run()
        case "board":
            let learners = arguments.count > 1 ? Int(arguments[1]) ?? 200 : 200
            let steps = arguments.count > 2 ? Int(arguments[2]) ?? 30 : 30
            try await BoardBenchmark(learners: learners, steps: steps).run()
        case "yaml":
            let path = arguments[1]
            let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
            for _ in 0..<(arguments.count > 2 ? Int(arguments[2]) ?? 1 : 1) { _ = YAMLLoader().load(bytes: bytes, path: path) }
        default:
            print(
                "usage: runbook-bench load [STEPS] | evaluator [MiB] | diagnostics [COUNT] | board [LEARNERS] [STEPS] | yaml FILE [TIMES]")
        }
    }
}
