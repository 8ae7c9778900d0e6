import Foundation
import Testing

@testable import Workflow

/// Format names, `--report FORMAT[:PATH]` parsing and default paths.
@Suite("Report formats")
struct ReportFormatTests {
    @Test func parsesEveryFormatWithItsExtension() throws {
        #expect(ReportFormat.allCases.map(\.rawValue) == ["json", "junit", "tap", "md", "csv", "html", "github"])
        #expect(ReportFormat.allCases.map(\.fileExtension) == ["json", "xml", "tap", "md", "csv", "html", "md"])
        for format in ReportFormat.allCases { #expect(try ReportFormat(parsing: format.rawValue) == format) }
    }

    @Test func unknownFormatListsTheValidOnes() {
        #expect(throws: ReportError.unknownFormat("xml")) { try ReportFormat(parsing: "xml") }
        let message = ReportError.unknownFormat("xml").description
        #expect(message == "unknown report format 'xml'; use json, junit, tap, md, csv, html or github")
        #expect(ReportError.unknownFormat("").description == "a report needs a format: json, junit, tap, md, csv, html or github")
    }

    @Test func specificationWithAndWithoutPath() throws {
        let plain = try ReportSpecification(parsing: "junit")
        #expect(plain == ReportSpecification(format: .junit))
        #expect(plain.resolvedPath(in: "runbook-results/x") == "runbook-results/x/report.junit")
        let withPath = try ReportSpecification(parsing: "html:/tmp/a:b/report.html")
        #expect(withPath.format == .html && withPath.path == "/tmp/a:b/report.html")
        #expect(withPath.resolvedPath(in: "ignored") == "/tmp/a:b/report.html")
        #expect(throws: ReportError.emptyPath("md:")) { try ReportSpecification(parsing: "md:") }
        #expect(throws: ReportError.unknownFormat("pdf")) { try ReportSpecification(parsing: "pdf:/tmp/x.pdf") }
    }

    @Test func rendererProducesEveryFormatAndWritesFiles() throws {
        let renderer = ReportRenderer(results: ReportFixture.results())
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-format-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in ReportFormat.allCases {
            let path = folder.appendingPathComponent(format.defaultFileName).path
            try renderer.write(format, to: path)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == renderer.render(format))
        }
        let json = try renderer.render(.json)
        let decoded = try JSONDecoder.runbook.decode(RunResults.self, from: Data(json.utf8))
        #expect(decoded.learners.map(\.id) == ["alice", "bob"])
        try renderer.write(.md, to: folder.appendingPathComponent("new/folder/report.md").path)
        #expect(
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("new/folder/report.md").path), "missing folders are made")
        let underAFile = folder.appendingPathComponent("report.md/inside.md").path
        #expect(throws: ReportError.self) { try renderer.write(.md, to: underAFile) }
    }
}
