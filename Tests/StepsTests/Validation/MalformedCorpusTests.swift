import Foundation
import Steps
import Testing

@testable import Workflow

/// Every file of `Fixtures/malformed` is an invalid runbook whose first lines say, as
/// `# expect: LINE:COL error: TEXT` comments, exactly which errors `RunbookLoader` must report.
@Suite("Malformed runbook corpus")
struct MalformedCorpusTests {
    /// Every standard kind, made once for the suite.
    static let kinds = StandardKinds.make()

    /// One `# expect:` line: a position, a severity and a substring of the message.
    struct Expected: CustomStringConvertible {
        var line: Int
        var column: Int
        var severity: Severity
        var text: String

        var description: String { "\(line):\(column) \(severity.rawValue): \(text)" }

        /// True when `diagnostic` is at this position, with this severity, and its message contains the text.
        func matches(_ diagnostic: Diagnostic) -> Bool {
            diagnostic.location.line == line && diagnostic.location.column == column
                && diagnostic.severity == severity && diagnostic.message.contains(text)
        }
    }

    static let directory: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
        .appendingPathComponent("malformed")

    static let fixtureNames: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        .filter { $0.hasSuffix(".yaml") }
        .sorted()

    /// The `# expect:` lines at the top of a fixture (read as bytes: one fixture is not valid UTF-8).
    static func expectations(in bytes: [UInt8]) -> [Expected] {
        let text = String(decoding: bytes, as: UTF8.self)
        var result: [Expected] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("#") else { break }
            guard line.hasPrefix("# expect: ") else { continue }
            let body = line.dropFirst("# expect: ".count)
            guard let space = body.firstIndex(of: " ") else { continue }
            let position = body[..<space].split(separator: ":")
            let rest = body[body.index(after: space)...]
            guard position.count == 2, let lineNumber = Int(position[0]), let column = Int(position[1]),
                let colon = rest.firstIndex(of: ":"), let severity = Severity(rawValue: String(rest[..<colon]))
            else { continue }
            let message = rest[rest.index(after: colon)...].drop(while: { $0 == " " })
            result.append(Expected(line: lineNumber, column: column, severity: severity, text: String(message)))
        }
        return result
    }

    @Test func corpusHasEnoughFixtures() {
        #expect(Self.fixtureNames.count >= 45, "only \(Self.fixtureNames.count) fixtures in \(Self.directory.path)")
    }

    @Test func expectationLinesAreParsed() {
        let parsed = Self.expectations(
            in: Array("# expect: 5:11 error: unknown key 'dokcer'\n# expect: 7:3 warning: a: b\nrunbook: 1\n".utf8))
        #expect(parsed.count == 2)
        #expect(parsed.first?.description == "5:11 error: unknown key 'dokcer'")
        #expect(parsed.last?.description == "7:3 warning: a: b")
    }

    @Test(arguments: fixtureNames)
    func reportsExactlyTheExpectedErrors(_ name: String) throws {
        let url = Self.directory.appendingPathComponent(name)
        let bytes = try [UInt8](Data(contentsOf: url))
        let expected = Self.expectations(in: bytes)
        try #require(expected.contains { $0.severity == .error }, "\(name) has no `# expect: LINE:COL error: TEXT` line")

        let result = RunbookLoader(registry: Self.kinds).load(path: url.path)
        let listing = result.diagnostics.map(\.description).joined(separator: "\n")

        #expect(result.runbook == nil, "\(name) loaded as a valid runbook")
        for expectation in expected {
            #expect(result.diagnostics.contains(where: expectation.matches), "\(name): missing \(expectation); got:\n\(listing)")
        }
        let unexpected = result.diagnostics.filter { diagnostic in
            diagnostic.severity == .error && !expected.contains { $0.matches(diagnostic) }
        }
        #expect(unexpected.isEmpty, "\(name): unexpected errors:\n\(unexpected.map(\.description).joined(separator: "\n"))")
        #expect(result.diagnostics.allSatisfy { $0.location.file == url.path })

        let locations = result.diagnostics.map(\.location)
        #expect(zip(locations, locations.dropFirst()).allSatisfy { !($1 < $0) }, "\(name): not sorted by position:\n\(listing)")
    }

    @Test func everyErrorQuotesAnExistingSourceLine() throws {
        // The printer shows the offending line and a caret under the column: both must exist.
        for name in Self.fixtureNames {
            let url = Self.directory.appendingPathComponent(name)
            let result = RunbookLoader(registry: Self.kinds).load(path: url.path)
            for diagnostic in result.diagnostics where diagnostic.severity == .error {
                let line = try #require(result.source.line(diagnostic.location.line), "\(name): \(diagnostic) names no line")
                #expect(diagnostic.location.column >= 1)
                #expect(diagnostic.location.column <= line.unicodeScalars.count + 1, "\(name): \(diagnostic) points past the line")
            }
        }
    }

    @Test func emptyFileHasNoDocument() {
        let result = RunbookLoader().load(bytes: [], path: "empty.yaml")
        #expect(result.runbook == nil)
        #expect(
            result.diagnostics.map(\.description) == [
                "empty.yaml:1:1: error: the file holds no YAML document; a runbook needs at least `runbook: 1` and `steps:`"
            ])
    }

    @Test func missingFileIsOneError() {
        let result = RunbookLoader().load(path: "/nonexistent/runbook.yaml")
        #expect(result.runbook == nil)
        #expect(result.diagnostics.map(\.description) == ["/nonexistent/runbook.yaml:1:1: error: no such file: /nonexistent/runbook.yaml"])
    }
}
