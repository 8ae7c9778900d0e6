import Foundation
import Testing

/// The lab belongs to the machine (issue 20): `scripts/lab-up.sh` in a second clone, and again after
/// the first clone is deleted, uses the registry the first one started instead of stopping on
/// "something else answers". Run on a registry address and lab folder of their own, so that the
/// machine's lab keeps answering.
@Suite("the lab in a second clone", .serialized, .enabled(if: DockerAvailability.shouldRun, DockerAvailability.why))
struct LabSecondCloneTests {
    @Test("clone A starts the registry; clone B uses it, with the same password, also once A is gone")
    func secondClone() async throws {
        try DockerAvailability.requireLab()
        let scratch = try RunbookBinary.temporaryDirectory("lab-clones")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let environment = [
            "RUNBOOK_LAB_HOME": scratch.appendingPathComponent("machine-lab").path,
            "LAB_REGISTRY_ADDR": "127.0.0.1:\(ServeProcess.freePort())",
        ]
        let first = scratch.appendingPathComponent("a")
        let second = scratch.appendingPathComponent("b")
        for clone in [first, second] {
            let cloned = try await ExternalTool.run("git", ["clone", "--quiet", DockerAvailability.repositoryRoot.path, clone.path])
            try #require(cloned.status == 0, "\(cloned.output)")
        }
        func labUp(_ clone: URL) async throws -> ExternalTool.Result {
            try await ExternalTool.run(clone.appendingPathComponent("scripts/lab-up.sh").path, [], environment: environment)
        }
        defer {
            ExternalTool.launch(
                "/usr/bin/env", environment.map { "\($0.key)=\($0.value)" } + [second.appendingPathComponent("scripts/lab-down.sh").path])
        }
        let started = try await labUp(first)
        #expect(started.status == 0, "\(started.output)")
        #expect(started.output.contains("starting the registry"))
        let reused = try await labUp(second)
        #expect(reused.status == 0, "\(reused.output)")
        #expect(reused.output.contains("registry: running on \(environment["LAB_REGISTRY_ADDR"]!)"), "\(reused.output)")
        let passwords = try [first, second].map { try String(contentsOf: $0.appendingPathComponent("lab/lab.env"), encoding: .utf8) }
        #expect(passwords[0] == passwords[1], "both clones log in with the registry's one password")
        try FileManager.default.removeItem(at: first)
        let afterDelete = try await labUp(second)
        #expect(afterDelete.status == 0, "\(afterDelete.output)")
        #expect(!afterDelete.output.contains("something else answers"))
    }
}
