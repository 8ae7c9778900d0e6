import Foundation
import Testing

/// `runbook schema`: the committed schema files are its output, editors find them from the
/// module's runbook, and Python's jsonschema (as an editor would) accepts every valid runbook
/// and rejects the malformed fixtures a schema can tell (unknown keys, wrong types, bad ids and
/// durations, missing or doubled command keys…).
@Suite("JSON Schema")
struct SchemaTests {
    static let root = DockerAvailability.repositoryRoot
    static let runbookSchema = root.appendingPathComponent("docs/schema/runbook.schema.json")
    static let rosterSchema = root.appendingPathComponent("docs/schema/roster.schema.json")
    static let checker = RunbookBinary.fixtures.appendingPathComponent("schema/check-schema.py")
    static let malformed = root.appendingPathComponent("Tests/StepsTests/Fixtures/malformed")

    /// The malformed fixtures that the schema must reject. The others need what a schema cannot
    /// see (undefined `${…}`, `needs` order, regexes, shell operators, duplicate keys, YAML syntax).
    static let mustReject = [
        "all-problems-at-once", "bad-id", "duration-bad-unit", "duration-bare-number", "duration-zero", "empty-document", "empty-steps",
        "exec-given-string", "exit-300", "exit-list-bad-code", "missing-id", "missing-runbook-version", "missing-steps", "no-command",
        "probe-without-command", "retry-attempts-zero", "runbook-version-2", "secrets-and-env-names", "steps-empty-value",
        "two-command-keys", "two-command-keys-probe", "unicode-column-emoji", "unknown-key-capture", "unknown-key-cleanup",
        "unknown-key-count", "unknown-key-defaults", "unknown-key-expect", "unknown-key-matcher", "unknown-key-probe", "unknown-key-retry",
        "unknown-key-step", "unknown-key-top-level", "unknown-key-var-map", "value-check-without-operator",
        "verify-before-and-capture-from", "stop-grace-without-unit", "guard-on-cleanup-item", "stop-and-command",
        "when-negated-unknown-condition", "when-unknown-condition", "wrong-type-env-and-needs", "wrong-type-expect-list",
        "wrong-type-steps-map", "wrong-type-tty-yes",
        "hint-and-hints", "hints-empty", "hints-given-text", "hints-item-map", "why-alone", "why-given-list", "exit-map-without-equals",
        "exit-map-unknown-key", "status-map-bad-code", "probe-why-given-map", "cleanup-why",
    ]

    /// One file's verdict from check-schema.py.
    struct Verdict: Decodable {
        var file: String
        var status: String
        var errors: [String]
    }

    /// Validates `files` against `schema` with Python's jsonschema; the verdicts by path.
    static func check(_ files: [URL], against schema: URL) async throws -> [String: Verdict] {
        let result = try await ExternalTool.run("python3", [checker.path, schema.path] + files.map(\.path))
        try #require(result.status == 0, "check-schema.py: \(result.output) (is jsonschema installed? scripts/install-deps.sh)")
        let verdicts = try result.output.split(separator: "\n").map { try JSONDecoder().decode(Verdict.self, from: Data($0.utf8)) }
        return Dictionary(verdicts.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every `.yaml` below `folder`.
    static func yamlFiles(under folder: URL) -> [URL] {
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        let files = (walker?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "yaml" || $0.pathExtension == "yml" }
        return files.sorted { $0.path < $1.path }
    }

    /// The module runbooks: workshop.yaml and every YAML file under modules/ that says `runbook: 1`.
    static var moduleRunbooks: [URL] {
        [root.appendingPathComponent("workshop.yaml")]
            + yamlFiles(under: root.appendingPathComponent("modules")).filter { file in
                ((try? String(contentsOf: file, encoding: .utf8)) ?? "").split(separator: "\n").contains { $0.hasPrefix("runbook:") }
            }
    }

    @Test("docs/schema holds exactly what `runbook schema` prints")
    func committedSchemasAreCurrent() async throws {
        for (arguments, file) in [(["schema"], Self.runbookSchema), (["schema", "--roster"], Self.rosterSchema)] {
            let outcome = try await RunbookBinary.run(arguments)
            #expect(outcome.status == 0)
            let committed = try String(contentsOf: file, encoding: .utf8)
            #expect(outcome.stdout == committed, "\(file.lastPathComponent) is stale: run `make schema`")
        }
    }

    @Test("the module's runbooks start with a yaml-language-server line that finds the schema")
    func modulesPointAtTheSchema() throws {
        for runbook in Self.moduleRunbooks {
            let first = try String(contentsOf: runbook, encoding: .utf8).split(separator: "\n").first.map(String.init) ?? ""
            let prefix = "# yaml-language-server: $schema="
            #expect(first.hasPrefix(prefix), "\(runbook.path): \(first)")
            let relative = String(first.dropFirst(prefix.count))
            let target = runbook.deletingLastPathComponent().appendingPathComponent(relative).standardizedFileURL
            #expect(target.path == Self.runbookSchema.standardizedFileURL.path, "\(runbook.lastPathComponent) points at \(target.path)")
        }
    }

    @Test("every runbook that `runbook validate` accepts passes the schema")
    func validRunbooksPass() async throws {
        let candidates =
            Self.moduleRunbooks
            + Self.yamlFiles(under: Self.root.appendingPathComponent("Tests")).filter {
                $0.path.contains("/Fixtures/") && !$0.path.contains("/malformed/")
            }
        var valid: [URL] = []
        for candidate in candidates where try await RunbookBinary.run(["validate", candidate.path, "--quiet"]).status == 0 {
            valid.append(candidate)
        }
        #expect(valid.count >= 10, "only \(valid.count) valid runbooks found")
        let verdicts = try await Self.check(valid, against: Self.runbookSchema)
        for file in valid {
            let verdict = verdicts[file.path]
            #expect(verdict?.status == "valid", "\(file.path): \(verdict?.errors ?? ["no verdict"])")
        }
    }

    @Test("the malformed fixtures a schema can detect are rejected")
    func malformedFixturesAreRejected() async throws {
        let files = Self.mustReject.map { Self.malformed.appendingPathComponent("\($0).yaml") }
        for file in files {
            #expect(FileManager.default.fileExists(atPath: file.path), "\(file.lastPathComponent) is gone from the corpus")
        }
        let verdicts = try await Self.check(files, against: Self.runbookSchema)
        for file in files {
            #expect(verdicts[file.path]?.status == "invalid", "\(file.lastPathComponent): \(verdicts[file.path]?.status ?? "no verdict")")
        }
    }

    @Test("rosters: the roster keys of the backends pass; unknown keys, bad ids and nested vars do not")
    func rosters() async throws {
        let dir = try RunbookBinary.temporaryDirectory("schema")
        defer { try? FileManager.default.removeItem(at: dir) }
        let cases = [
            (
                "good.yaml",
                "learners:\n  - { id: alice, name: Alice, docker_host: 'ssh://alice@lab', vars: { port: 8080 } }\n"
                    + "  - { id: bob, docker_context: lab }\n",
                "valid"
            ),
            ("unknown-key.yaml", "learners:\n  - { id: alice, dockr_host: tcp://x:2376 }\n", "invalid"),
            ("bad-id.yaml", "learners:\n  - { id: Alice }\n", "invalid"),
            ("nested-var.yaml", "learners:\n  - { id: alice, vars: { a: { b: c } } }\n", "invalid"),
            ("no-learners.yaml", "people: []\n", "invalid"),
        ]
        var files = [RunbookBinary.fixtures.appendingPathComponent("shards/roster.yaml")]
        for (name, text, _) in cases {
            try Data(text.utf8).write(to: dir.appendingPathComponent(name))
            files.append(dir.appendingPathComponent(name))
        }
        let verdicts = try await Self.check(files, against: Self.rosterSchema)
        #expect(verdicts[files[0].path]?.status == "valid", "\(verdicts[files[0].path]?.errors ?? [])")
        for (name, _, expected) in cases {
            #expect(verdicts[dir.appendingPathComponent(name).path]?.status == expected, "\(name)")
        }
    }
}
