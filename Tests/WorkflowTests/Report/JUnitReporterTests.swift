import Foundation
import Testing

@testable import Workflow

/// JUnit XML: what a CI server's parser sees, and that hostile text cannot break the document.
@Suite("JUnit reporter")
struct JUnitReporterTests {
    let xml = JUnitReporter(results: ReportFixture.results()).render()

    @Test func parsesWithFoundationsXMLParser() {
        let document = XMLCollector.parse(xml)
        #expect(document.error == nil, "\(document.error ?? "")")
        #expect(document.all("testsuites").count == 1)
        #expect(document.all("testsuite").count == 2)
        #expect(document.all("testcase").count == 14)
    }

    @Test func countsFailuresErrorsAndSkipsPerSuite() throws {
        let document = XMLCollector.parse(xml)
        let suites = document.all("testsuite")
        #expect(suites.map { $0.attributes["name"] } == ["alice", "bob"])
        for suite in suites {
            #expect(suite.attributes["tests"] == "7")
            #expect(suite.attributes["failures"] == "2")  // failed, timeout
            #expect(suite.attributes["errors"] == "2")  // error, interrupted
            #expect(suite.attributes["skipped"] == "2")  // blocked, skipped
        }
        let root = try #require(document.all("testsuites").first)
        #expect(root.attributes["tests"] == "14")
        #expect(root.attributes["failures"] == "4")
        #expect(root.attributes["errors"] == "4")
        #expect(root.attributes["skipped"] == "4")
        #expect(document.all("failure").count == 4)
        #expect(document.all("error").count == 4)
        #expect(document.all("skipped").count == 4)
    }

    @Test func mapsEachStatusToItsElementAndType() {
        let document = XMLCollector.parse(xml)
        #expect(document.all("failure").map { $0.attributes["type"] } == ["failed", "timeout", "failed", "timeout"])
        #expect(document.all("error").map { $0.attributes["type"] } == ["error", "interrupted", "error", "interrupted"])
        let skipped = document.all("skipped").map { $0.attributes["message"] ?? "" }
        #expect(skipped[0] == "blocked: needs 'build', which failed")
        #expect(skipped[1] == "condition ${extra} is false # really")
    }

    @Test func namesTestcasesByStepAndTitleWithRunbookAndLearnerAsClass() {
        let cases = XMLCollector.parse(xml).all("testcase")
        #expect(cases[1].attributes["name"] == "build: Build the image")
        #expect(cases[1].attributes["classname"]?.hasSuffix(".alice") == true)
        #expect(cases[1].attributes["classname"]?.hasPrefix("1 - Docker <script>") == true)
        #expect(cases[1].attributes["time"] == "12.500")
    }

    @Test func failureCarriesReasonMatchersLinesAndHint() throws {
        let failure = try #require(XMLCollector.parse(xml).all("failure").first)
        #expect(failure.attributes["message"]?.hasPrefix("exit: expected 0, got 1 <script>") == true)
        #expect(failure.text.contains("stdout: contains: no line of stdout contains \"Successfully built\""))
        #expect(failure.text.contains("124│ last line"))
        #expect(failure.text.contains("hint: Is the base image there?"))
        #expect(failure.text.contains("$ docker build -t x ."))
    }

    @Test func propertiesHoldNameAndEngine() {
        let properties = XMLCollector.parse(xml).all("property")
        // alice's suite comes first: keep the first value of each name.
        let alice = Dictionary(
            properties.map { ($0.attributes["name"] ?? "", $0.attributes["value"] ?? "") }, uniquingKeysWith: { first, _ in first })
        #expect(alice["learner.name"] == ReportFixture.scriptName)
        #expect(alice["engine.serverVersion"] == "20.10.24")
        #expect(alice["engine.storageDriver"] == "overlay2")
        #expect(alice["engine.runtimes"] == "runc")
        #expect(alice["engine.gpu"] == "no")
        #expect(alice["engine.summary"] == "Docker 20.10.24 · Debian GNU/Linux 12 (bookworm) · x86_64, overlay2")
        #expect(alice["runbook.sha256"] == ReportFixture.results().runbook.sha256)
    }

    @Test func outputGoesToSystemOutAndErrWithTheOmissionMarker() {
        let document = XMLCollector.parse(xml)
        let out = document.all("system-out").map(\.text)
        let err = document.all("system-err").map(\.text)
        #expect(
            out.contains { $0.contains("Step 1/4 : FROM python") && $0.contains("… 120 lines omitted …") && $0.hasSuffix("last line\n") })
        #expect(err.contains { $0.contains("ERROR: <script>") })
        #expect(err.contains { $0.contains("cleanup 1: failed") })
    }

    @Test func escapesEverythingAndDropsWhatXMLForbids() {
        #expect(!xml.contains("<script>"))
        #expect(!xml.contains("]]>"))
        #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" })
        #expect(xml.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let out = XMLCollector.parse(xml).all("system-out").map(\.text).joined()
        #expect(out.contains("^@NUL ^[[31mESC"), "NUL and ESC become visible")
        #expect(out.contains("]]>"), "the parsed text holds the original characters")
    }

    @Test func aStepWithoutResultIsSkippedAsNotRun() throws {
        var results = ReportFixture.results(end: nil)
        results.learners[1].steps.removeLast(3)
        let document = XMLCollector.parse(JUnitReporter(results: results).render())
        #expect(document.error == nil)
        let bob = try #require(document.all("testsuite").last)
        #expect(bob.attributes["tests"] == "7")
        #expect(bob.attributes["skipped"] == "3")
        #expect(document.all("skipped").contains { $0.attributes["message"]?.hasPrefix("not run") == true })
    }
}
