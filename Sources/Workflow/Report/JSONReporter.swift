import Foundation

/// `results.json` itself (schema `runbook-results/1`), pretty-printed with sorted keys.
public struct JSONReporter: Sendable {
    /// The results written.
    public let results: RunResults

    /// Creates the reporter.
    public init(results: RunResults) {
        self.results = results
    }

    /// The whole document, ending with a line feed.
    public func render() throws -> String {
        let encoder = JSONEncoder.runbook
        encoder.outputFormatting.insert(.prettyPrinted)
        return String(decoding: try encoder.encode(results), as: UTF8.self) + "\n"
    }
}
