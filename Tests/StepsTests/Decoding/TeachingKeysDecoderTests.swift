import Foundation
import Steps
import Testing

@testable import Workflow

/// `hints:` and `why:` (SPEC 11.1): decoded into the model, in the order written, with positions.
@Suite("Decoding hints and why")
struct TeachingKeysDecoderTests {
    static let runbook = """
        runbook: 1
        vars: { author: Ada }
        steps:
          - id: web
            title: Start the web app
            sh: echo "Hello $author"
            hints:
              - Is the container running? `docker ps` lists it.
              - Did you pass -e AUTHOR=${author}?
            expect:
              exit: { equals: 0, why: The command itself should succeed. }
              stdout:
                - contains: "Hello ${author}"
                  why: The page should greet ${author} by name.
                - not_contains: Traceback
            verify:
              - sh: test -n "$author"
                why: The author should be set.
          - id: one
            sh: echo hi
            hint: Only one.
            expect: { stdout: { matches: '^hi$', why: 'Say hi' } }
          - id: page
            http: http://127.0.0.1:9/
            expect: { status: { equals: [200, 3xx], why: The page should be there. } }
        """

    private func load() throws -> Runbook {
        let result = RunbookDecoderTests.load(Self.runbook)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description).joined(separator: "\n"))")
        return try #require(result.runbook)
    }

    @Test func hintsInOrderAndHintAsTheOneItemForm() throws {
        let runbook = try load()
        let web = try #require(runbook.step("web"))
        #expect(web.hints.map(\.raw) == ["Is the container running? `docker ps` lists it.", "Did you pass -e AUTHOR=${author}?"])
        #expect(web.hint?.raw == "Is the container running? `docker ps` lists it.", "hint is the first of hints")
        #expect(web.hints[1].variableReferences.map(\.name) == ["author"])
        #expect(web.hints[1].location.line == 9)
        let one = try #require(runbook.step("one"))
        #expect(one.hints.map(\.raw) == ["Only one."])
        #expect(runbook.step("page")?.hints.isEmpty == true)
    }

    @Test func whyBesideMatchersExitStatusAndProbes() throws {
        let runbook = try load()
        let web = try #require(runbook.step("web"))
        #expect(web.expect.exit == .codes([0]))
        #expect(web.expect.exitWritten)
        #expect(web.expect.exitWhy?.raw == "The command itself should succeed.")
        #expect(web.expect.streams.map(\.why?.raw) == ["The page should greet ${author} by name.", nil])
        if case .contains(let text) = web.expect.streams[0].matcher {
            #expect(text.raw == "Hello ${author}")
        } else {
            Issue.record("the first matcher is not contains: \(web.expect.streams[0].matcher)")
        }
        #expect(web.expect.streams[0].location.line == 13, "the matcher's position is its key's, not why's")
        #expect(web.verify.first?.why?.raw == "The author should be set.")
        #expect(web.expect.whyTemplates.map(\.raw) == ["The command itself should succeed.", "The page should greet ${author} by name."])
        #expect(runbook.step("one")?.expect.streams.first?.why?.raw == "Say hi")
        let page = try #require(runbook.step("page"))
        #expect(page.expect.status == StatusExpectation([.code(200), .family(3)]))
        #expect(page.expect.statusWhy?.raw == "The page should be there.")
    }

    @Test func theSchemaAcceptsWhatTheDecoderAccepts() {
        let schema = RunbookSchema(registry: StandardKinds.make()).text
        #expect(schema.contains("\"hints\""))
        #expect(schema.contains("shown in place of the check's own words when it fails"))
    }
}
