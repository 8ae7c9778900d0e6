import Testing
import Workflow

@testable import Steps

/// `HTTPDrafter`: `curl URL` lines as `http:` steps; anything curl does that `http:` does not, `sh:`.
@Suite("HTTP drafter")
struct HTTPDrafterTests {
    private let drafter = HTTPDrafter()

    @Test("a plain curl is an http: step on the engine's host")
    func plain() {
        guard case .drafted(let command) = drafter.draft(TypedCommand(text: "curl -sI localhost:9200/_cat/health", line: 3)) else {
            Issue.record("not drafted")
            return
        }
        #expect(command.key == "http" && command.text == "http://${engine_host}:9200/_cat/health")
        #expect(command.remarks.contains { $0.hasPrefix("`curl -I` sends HEAD") })
        #expect(command.idWords == ["http"] && command.subject == "health")
    }

    @Test("options http: does not take, several URLs and shell syntax stay sh:")
    func refused() {
        for text in ["curl -X POST localhost", "curl -d a=1 localhost", "curl a.example b.example", "curl localhost | jq .", "curl $URL"] {
            guard case .needsShell = drafter.draft(TypedCommand(text: text, line: 1)) else {
                Issue.record("\(text) was drafted as http:")
                continue
            }
        }
        #expect(HTTPDrafter.url("ftp://x") == nil && HTTPDrafter.url("https://127.0.0.1:8443/") == "https://${engine_host}:8443/")
    }
}
