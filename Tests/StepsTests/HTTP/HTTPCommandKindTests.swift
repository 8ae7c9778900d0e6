import Foundation
import Testing

@testable import Steps
@testable import Workflow

/// Reading, preparing and showing `http:` commands (no server needed).
@Suite("HTTP command kind")
struct HTTPCommandKindTests {
    /// Every standard kind, made once for the suite.
    static let kinds = StandardKinds.make()

    private let context = CommandContext(
        learner: "ann", step: "web", runId: "r1", environment: [:], marksCreations: false, capabilities: [])

    /// The commands of the steps of a runbook made of `steps` (YAML, indented as list items).
    private func commands(_ steps: String) throws -> [Command] {
        let text = "runbook: 1\nvars: { web_port: '8080', token: abc }\nsteps:\n" + steps
        let result = RunbookLoader(registry: Self.kinds).load(bytes: Array(text.utf8), path: "http.yaml")
        let runbook = try #require(result.runbook, "\(result.diagnostics.map(\.description))")
        return runbook.steps.map(\.command)
    }

    private func display(_ options: [(name: String, value: String)]) -> String {
        ShellQuoting.join(HTTPCommandKind().display(ResolvedCommand(key: "http", options: options), context: context))
    }

    @Test("a URL alone, or a map whose parts are kept as options in the order written; methods are upper-cased")
    func decodes() throws {
        let found = try commands(
            """
              - id: a
                http: http://127.0.0.1:${web_port}/
              - id: b
                http:
                  url: https://example.org/api
                  method: post
                  headers: { Content-Type: application/json, Authorization: "Bearer ${token}" }
                  body: '{"a":1}'
                  follow_redirects: false
                  insecure: true
            """)
        #expect(found[0].key == "http")
        #expect(found[0].options.map(\.name) == ["url"])
        #expect(found[0].option("url")?.raw == "http://127.0.0.1:${web_port}/")
        #expect(
            found[1].options.map(\.name) == [
                "url", "method", "header.Content-Type", "header.Authorization", "body", "follow_redirects", "insecure",
            ])
        #expect(found[1].option("method")?.raw == "POST")
        #expect(found[1].option("header.Authorization")?.variableReferences.map(\.name) == ["token"])
        #expect(found[1].option("follow_redirects")?.raw == "false")
    }

    @Test("an http step without `expect` is judged by its status (2xx): no warning that it only checks exit 0")
    func noExitZeroWarning() {
        let text = "runbook: 1\nsteps:\n  - id: up\n    http: http://127.0.0.1:8080/\n  - id: sh\n    sh: 'true'\n"
        let result = RunbookLoader(registry: Self.kinds).load(bytes: Array(text.utf8), path: "http.yaml")
        #expect(result.runbook != nil)
        #expect(
            result.diagnostics.map(\.description) == [
                "http.yaml:5:5: warning: step 'sh' checks only that its command exits 0; add an `expect` matcher or a `verify` probe"
            ])
    }

    @Test("shown as curl: -i and -L by default, -X only where curl would not pick the method, -H, --data, -k")
    func curlDisplay() {
        #expect(display([("url", "http://h:1/")]) == "curl -i -L http://h:1/")
        #expect(display([("url", "http://h:1/"), ("follow_redirects", "false"), ("insecure", "true")]) == "curl -i -k http://h:1/")
        #expect(
            display([("url", "http://h/x"), ("method", "POST"), ("header.Content-Type", "application/json"), ("body", "{\"a\": 1}")])
                == "curl -i -L -H 'Content-Type: application/json' --data '{\"a\": 1}' http://h/x")
        #expect(display([("url", "http://h/x"), ("method", "DELETE")]) == "curl -i -L -X DELETE http://h/x")
        #expect(display([("url", "http://h/x"), ("method", "PUT"), ("body", "a=1")]) == "curl -i -L -X PUT --data a=1 http://h/x")
        #expect(display([("url", "http://h/x"), ("method", "GET"), ("body", "q")]) == "curl -i -L -X GET --data q http://h/x")
        #expect(display([("url", "http://h/x"), ("method", "HEAD")]) == "curl -I -L http://h/x")
        #expect(display([("url", "http://h/x"), ("method", "POST"), ("body", "@file")]) == "curl -i -L --data-raw @file http://h/x")
        #expect(display([("url", "${base}/x"), ("method", "PUT")]) == "curl -i -L -X PUT ${base}/x", "a URL not known yet is shown as is")
    }

    @Test("prepared as an action, recorded as METHOD URL")
    func prepares() throws {
        let prepared = try HTTPCommandKind().prepare(
            ResolvedCommand(key: "http", options: [("url", "http://h/x"), ("method", "PATCH")]), context: context
        ).get()
        #expect(prepared.action != nil)
        #expect(prepared.argv == ["PATCH", "http://h/x"])
        #expect(prepared.binary == "http")
        #expect(prepared.display == ["curl", "-i", "-L", "-X", "PATCH", "http://h/x"])
    }

    @Test("a URL or header value that cannot be sent once substituted is an error, not a failure")
    func runtimeProblems() {
        let kind = HTTPCommandKind()
        let noScheme = "`http:` needs an http:// or https:// URL, found 'localhost:8080/'; did you mean 'http://localhost:8080/'?"
        #expect(throws: CommandProblem(noScheme)) {
            try kind.prepare(ResolvedCommand(key: "http", options: [("url", "localhost:8080/")]), context: context).get()
        }
        #expect(throws: CommandProblem("the URL 'http:///x' names no host")) {
            try kind.prepare(ResolvedCommand(key: "http", options: [("url", "http:///x")]), context: context).get()
        }
        #expect(throws: CommandProblem("header X-A: the value must be one line")) {
            let smuggled = ResolvedCommand(key: "http", options: [("url", "http://h/"), ("header.X-A", "a\r\nX-B: b")])
            return try kind.prepare(smuggled, context: context).get()
        }
    }

    @Test("method typos get a suggestion; tokens are what header names may be")
    func syntax() {
        #expect(HTTPMethodName.suggestion(for: "GTE") == "GET")
        #expect(HTTPMethodName.suggestion(for: "POTS") == "POST")
        #expect(HTTPMethodName.suggestion(for: "DELTE") == "DELETE")
        #expect(HTTPMethodName.suggestion(for: "CONNECT") == nil)
        #expect(HTTPSyntax.isToken("X-Request-Id"))
        #expect(!HTTPSyntax.isToken("Content Type"))
        #expect(!HTTPSyntax.isToken("Host:"))
        #expect(!HTTPSyntax.isToken(""))
    }
}
