import Foundation
import Testing
import Workflow

/// docs/kubernetes parses with the project's own YAML loader and says what an Indexed Job of
/// shards needs; its roster is a roster runbook reads.
@Suite("Kubernetes manifests")
struct KubernetesManifestTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/kubernetes")

    /// The root node of `name` (in docs/kubernetes; `../NAME` at the repository root), which must load without a diagnostic.
    static func load(_ name: String) throws -> Node {
        let root = folder.deletingLastPathComponent().deletingLastPathComponent()
        let path =
            name.hasPrefix("../")
            ? root.appendingPathComponent(String(name.dropFirst(3))).path : folder.appendingPathComponent(name).path
        let document = YAMLLoader().load(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), path: path)
        #expect(document.diagnostics.isEmpty, "\(document.diagnostics)")
        return try #require(document.root)
    }

    @Test func theJobIsAnIndexedJobWhoseTotalMatchesItsCompletions() throws {
        let job = try Self.load("job.yaml")
        #expect(job["apiVersion"]?.scalarValue == "batch/v1")
        #expect(job["kind"]?.scalarValue == "Job")
        let spec = try #require(job["spec"])
        #expect(spec["completionMode"]?.scalarValue == "Indexed")
        let completions = try #require(spec["completions"]?.scalarValue.flatMap { Int($0) })
        let parallelism = try #require(spec["parallelism"]?.scalarValue.flatMap { Int($0) })
        #expect(completions >= 2 && (1...completions).contains(parallelism))
        let pod = try #require(spec["template"]?["spec"])
        #expect(pod["restartPolicy"]?.scalarValue == "Never")
        let container = try #require(pod["containers"]?.sequenceItems?.first)
        let environment = container["env"]?.sequenceItems ?? []
        let total = environment.first { $0["name"]?.scalarValue == Shard.totalVariable }?["value"]?.scalarValue
        #expect(total == String(completions), "RUNBOOK_TOTAL_SHARDS must equal completions")
        let script = container["args"]?.sequenceItems?.first?.scalarValue ?? ""
        #expect(script.contains("--learners /roster/roster.yaml"))
        #expect(script.contains("cat /tmp/results/journal.jsonl"), "the shard's journal is the pod's log")
        let mounts = container["volumeMounts"]?.sequenceItems ?? []
        #expect(mounts.contains { $0["mountPath"]?.scalarValue == "/roster" && $0["name"]?.scalarValue == "roster" })
        let volume = pod["volumes"]?.sequenceItems?.first { $0["name"]?.scalarValue == "roster" }
        #expect(volume?["configMap"]?["name"]?.scalarValue == "runbook-roster")
    }

    @Test func theConfigMapHoldsARosterThatLoads() throws {
        let map = try Self.load("roster-configmap.yaml")
        #expect(map["kind"]?.scalarValue == "ConfigMap")
        #expect(map["metadata"]?["name"]?.scalarValue == "runbook-roster")
        let text = try #require(map["data"]?["roster.yaml"]?.scalarValue)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("roster-\(UUID().uuidString).yaml")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let learners = try RosterLoader.load(path: file.path, settingKeys: ["docker_host", "docker_context"]).get()
        #expect(learners.count >= 3)
        #expect(learners.allSatisfy { $0.settings["docker_host"] != nil })
    }

    @Test func theGitHubMatrixShardsAsManyAsItMerges() throws {
        let workflow = try Self.load("github-actions.yml")
        let shardJob = try #require(workflow["jobs"]?["shard"])
        let matrix = shardJob["strategy"]?["matrix"]?["shard"]?.sequenceItems?.compactMap(\.scalarValue) ?? []
        #expect(matrix == (1...matrix.count).map(String.init))
        let steps = shardJob["steps"]?.sequenceItems ?? []
        let arguments = steps.compactMap { $0["with"]?["args"]?.scalarValue }.first ?? ""
        #expect(arguments.contains("--shard ${{ matrix.shard }}/\(matrix.count)"))
        let merge = workflow["jobs"]?["merge"]?["steps"]?.sequenceItems?.compactMap { $0["run"]?.scalarValue }.joined() ?? ""
        #expect(merge.contains("--merge --expect-shards \(matrix.count)"))
    }

    @Test func theMatrixUsesTheCompositeActionsInputsAndOutputs() throws {
        let action = try Self.load("../action.yml")
        #expect(action["runs"]?["using"]?.scalarValue == "composite")
        let inputs = Set(action["inputs"]?.mappingPairs?.compactMap(\.key.scalarValue) ?? [])
        let outputs = Set(action["outputs"]?.mappingPairs?.compactMap(\.key.scalarValue) ?? [])
        let script = action["runs"]?["steps"]?.sequenceItems?.compactMap { $0["run"]?.scalarValue }.joined() ?? ""
        #expect(script.contains("--report github"))
        let steps = try Self.load("github-actions.yml")["jobs"]?["shard"]?["steps"]?.sequenceItems ?? []
        let uses = try #require(steps.first { $0["uses"]?.scalarValue == "./" })
        let given = Set(uses["with"]?.mappingPairs?.compactMap(\.key.scalarValue) ?? [])
        #expect(given.isSubset(of: inputs), "unknown inputs: \(given.subtracting(inputs))")
        let upload = steps.compactMap { $0["with"]?["path"]?.scalarValue }.first ?? ""
        #expect(upload == "${{ steps.runbook.outputs.results }}" && outputs.contains("results"))
    }
}
