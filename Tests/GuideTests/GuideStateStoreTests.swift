import Foundation
import Testing
import Workflow

@testable import Guide

/// Where the guide keeps a learner's progress (SPEC 3): `$XDG_STATE_HOME/runbook/<sha256>/<learner>.json`.
@Suite("Guide state store")
struct GuideStateStoreTests {
    /// A store in a fresh folder; the caller removes the folder.
    private func store() throws -> (GuideStateStore, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("guide-state-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return (GuideStateStore(environment: ["XDG_STATE_HOME": folder, "HOME": "/nonexistent"]), folder)
    }

    @Test("a state saved is loaded back, in a file only its owner reads")
    func roundTrip() throws {
        let (store, folder) = try store()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var state = GuideFixture.state()
        state.captures["greeting"] = "hi"
        state.ports = ["web": 8080]
        state.record(GuideFixture.result("hello", .passed))
        try store.save(state)
        let path = store.path(sha256: state.runbook.sha256, learner: "local")
        #expect(path == "\(folder)/runbook/\(state.runbook.sha256)/local.json")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let loaded = try #require(try store.load(sha256: state.runbook.sha256, learner: "local"))
        #expect(loaded.captures == ["greeting": "hi"] && loaded.ports == ["web": 8080])
        #expect(loaded.results["hello"]?.status == .passed)
    }

    @Test("no state is nil; a file that is not a state says how to start over")
    func missingAndBroken() throws {
        let (store, folder) = try store()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(try store.load(sha256: "abc", learner: "local") == nil)
        let path = store.path(sha256: "abc", learner: "local")
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data("not json".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: GuideStateStore.Failure.self) { try store.load(sha256: "abc", learner: "local") }
    }

    @Test("the progress of another version of the same runbook is found, and removed once moved")
    func otherVersion() throws {
        let (store, folder) = try store()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var old = GuideFixture.state()
        old.runbook.sha256 = "0ld"
        try store.save(old)
        let found = try #require(store.findOtherVersion(of: "/work/guide.yaml", sha256: "new", learner: "local"))
        #expect(found.state.runbook.sha256 == "0ld")
        #expect(store.findOtherVersion(of: "/work/other.yaml", sha256: "new", learner: "local") == nil)
        store.remove(path: found.path)
        #expect(!FileManager.default.fileExists(atPath: found.path))
        #expect(!FileManager.default.fileExists(atPath: (found.path as NSString).deletingLastPathComponent), "the empty folder goes too")
    }
}
