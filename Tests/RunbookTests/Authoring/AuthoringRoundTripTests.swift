import Foundation
import Testing

/// `runbook docs` then `runbook import`: a tutorial written from a runbook gives back a runbook
/// with the same steps.
@Suite("docs and import round trip")
struct AuthoringRoundTripTests {
    @Test func outputWithAFenceLineAndALongIdRoundTrips() async throws {
        let directory = try AuthoringFixtures.copy(["roundtrip.yaml"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try await RunbookBinary.run(["run", "roundtrip.yaml", "--out", "first"], in: directory)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let docs = try await RunbookBinary.run(["docs", "roundtrip.yaml", "--results", "first", "-o", "tutorial.md"], in: directory)
        #expect(docs.status == 0, "\(docs.stderr)")
        let tutorial = try AuthoringFixtures.text(at: directory.appendingPathComponent("tutorial.md"))
        #expect(tutorial.contains("````text\nstart\n```\n<full-id>\nend\n````\n"))

        let imported = try await RunbookBinary.run(["import", "tutorial.md", "-o", "draft.yaml"], in: directory)
        #expect(imported.status == 0, "\(imported.stderr)")
        let draft = try AuthoringFixtures.text(at: directory.appendingPathComponent("draft.yaml"))
        #expect(draft.contains("        - contains: '```'\n"))
        #expect(draft.contains("        - matches: '^[0-9a-f]{64}$'\n"))
        let again = try await RunbookBinary.run(["run", "draft.yaml", "--out", "second"], in: directory)
        #expect(again.status == 0, "the draft fails on a fresh id:\n\(again.stdout)\(again.stderr)")

        let original = try await RunbookBinary.run(["docs", "roundtrip.yaml"], in: directory).stdout
        let returned = try await RunbookBinary.run(["docs", "draft.yaml"], in: directory).stdout
        #expect(AuthoringFixtures.droppingFirstLine(returned) == AuthoringFixtures.droppingFirstLine(original))
    }

    @Test func dockerCommandsRoundTrip() async throws {
        let directory = try AuthoringFixtures.copy(["roundtrip-docker.yaml"])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try await RunbookBinary.run(["docs", "roundtrip-docker.yaml", "-o", "tutorial.md"], in: directory).status == 0)
        let imported = try await RunbookBinary.run(["import", "tutorial.md", "-o", "draft.yaml"], in: directory)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(try await RunbookBinary.run(["validate", "draft.yaml"], in: directory).status == 0)
        let draft = try AuthoringFixtures.text(at: directory.appendingPathComponent("draft.yaml"))
        #expect(draft.contains("    docker: run -it --rm busybox:1.36 sh\n    tty: true\n"))
        #expect(draft.contains("    when: gpu\n    nvidia-docker: run --rm busybox:1.36 nvidia-smi\n"))
        let original = try await RunbookBinary.run(["docs", "roundtrip-docker.yaml"], in: directory).stdout
        let returned = try await RunbookBinary.run(["docs", "draft.yaml"], in: directory).stdout
        #expect(!original.isEmpty)
        #expect(AuthoringFixtures.droppingFirstLine(returned) == AuthoringFixtures.droppingFirstLine(original))
    }
}
