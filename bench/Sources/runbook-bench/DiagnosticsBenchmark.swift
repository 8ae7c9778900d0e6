import Foundation
import Workflow

/// Loads runbooks with many diagnostics and renders them as `runbook validate` prints them.
///
/// Three files: `count` unknown keys in one step (errors), `count` steps that check only their
/// exit status (warnings), and `${env.A:-…}` defaults nested `count` levels deep (refused past 32).
struct DiagnosticsBenchmark {
    /// Diagnostics (or nesting levels) per file.
    let count: Int

    /// Loads, validates and renders each file once and prints the times.
    func run() {
        let files: [(String, String)] = [
            ("unknown keys", Self.unknownKeys(count)),
            ("exit-only warnings", Self.exitOnlyWarnings(count)),
            ("nested defaults", Self.nestedDefaults(count)),
        ]
        for (name, text) in files {
            let bytes = Array(text.utf8)
            let clock = ContinuousClock()
            let start = clock.now
            let result = RunbookLoader().load(bytes: bytes, path: "bench-diagnostics.yaml")
            let loaded = clock.now
            let rendered = DiagnosticPrinter(sources: [result.source]).render(result.diagnostics)
            let end = clock.now
            let label = name.padding(toLength: 20, withPad: " ", startingAt: 0) as NSString
            print(
                String(
                    format: "%@ %6d diagnostics, load+validate %8.1f ms, render %7.1f ms (%d bytes printed)",
                    label, result.diagnostics.count, (loaded - start).milliseconds, (end - loaded).milliseconds, rendered.utf8.count))
        }
        print(String(format: "peak RSS %.1f MiB", PeakMemory.residentMiB()))
    }

    /// One step with `count` misspelt keys.
    static func unknownKeys(_ count: Int) -> String {
        var text = "runbook: 1\nsteps:\n  - id: many\n    exec: [echo, hi]\n    expect:\n      stdout: { contains: hi }\n"
        for index in 0..<count { text += "    unknown_key_\(index): value\n" }
        return text
    }

    /// `count` steps whose only check is `exit: 0` and that have no probe: one warning each.
    static func exitOnlyWarnings(_ count: Int) -> String {
        var text = "runbook: 1\nsteps:\n"
        for index in 0..<count { text += "  - id: step-\(index)\n    exec: [echo, \"\(index)\"]\n" }
        return text
    }

    /// One step title holding `${env.A:-${env.A:-…}}` nested `depth` levels.
    static func nestedDefaults(_ depth: Int) -> String {
        let title = String(repeating: "${env.A:-", count: depth) + "x" + String(repeating: "}", count: depth)
        return "runbook: 1\nsteps:\n  - id: one\n    title: '\(title)'\n    exec: [echo, hi]\n    expect:\n      stdout: { contains: hi }\n"
    }
}
