import Foundation
import Testing

/// Many learners, each on its own Docker engine, and every report format read back by real consumers (issue 5).
@Suite("many learners end to end", .serialized, .enabled(if: DockerAvailability.shouldRun, DockerAvailability.why))
struct MultiLearnerEndToEndTests {
    static let shortModule = RunbookBinary.fixtures.appendingPathComponent("learners/short.yaml")
    static let evilName = "<script>alert(1)</script>"

    /// Starts (or finds) two extra engines; returns their DOCKER_HOST values.
    static func extraEngines() async throws -> [String] {
        let result = try await ExternalTool.run(
            DockerAvailability.repositoryRoot.appendingPathComponent("scripts/extra-engines.sh").path, ["up", "2"])
        #expect(result.status == 0, "extra engines: \(result.output)")
        return result.output.split(separator: "\n").map(String.init).filter { $0.hasPrefix("unix://") }
    }

    @Test("four learners: three engines pass, one dead socket is error everywhere; every format is produced and readable")
    func fourLearners() async throws {
        try DockerAvailability.requireLab()
        let hosts = try await Self.extraEngines()
        try #require(hosts.count == 2)
        let scratch = try RunbookBinary.temporaryDirectory("learners")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let suffix = String(UInt32.random(in: 0..<UInt32.max), radix: 36)
        let roster = """
            learners:
              - id: alice-\(suffix)
                name: "\(Self.evilName)"
              - id: bob-\(suffix)
                name: Bob
                docker_host: \(hosts[0])
              - id: carol-\(suffix)
                name: Carol
                docker_host: \(hosts[1])
              - id: dave-\(suffix)
                name: Dave
                docker_host: unix://\(scratch.path)/nobody.sock
            """
        let rosterURL = scratch.appendingPathComponent("roster.yaml")
        try roster.write(to: rosterURL, atomically: true, encoding: .utf8)
        let out = scratch.appendingPathComponent("results")
        let formats = ["json", "junit", "tap", "md", "csv", "html"]
        let outcome = try await RunbookBinary.run(
            ["run", Self.shortModule.path, "--learners", rosterURL.path, "--jobs", "4", "--out", out.path]
                + formats.flatMap { ["--report", $0] },
            in: scratch, environment: ["DOCKER_HOST": "", "DOCKER_CONTEXT": ""])
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 1, "\(outcome.stdout)\(outcome.stderr)")
        let results = try ResultsFile(directory: out)
        let passing = ["ps": "passed", "hello": "passed", "logs": "passed", "rm": "passed", "notes": "passed"]
        for learner in ["alice", "bob", "carol"] { #expect(results.statuses(of: "\(learner)-\(suffix)") == passing, "\(learner)") }
        let dave = results.statuses(of: "dave-\(suffix)")
        #expect(dave == ["ps": "error", "hello": "error", "logs": "error", "rm": "error", "notes": "passed"])
        #expect((results.steps(of: "dave-\(suffix)")["ps"]?["reason"] as? String)?.contains("Cannot connect to the Docker daemon") == true)
        for format in formats {
            let path = out.appendingPathComponent("report.\(format)").path
            #expect(FileManager.default.fileExists(atPath: path), "no \(format) report")
            let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            if ["md", "html", "junit", "tap"].contains(format) {
                #expect(!text.contains(Self.evilName), "\(format) holds the learner's name unescaped")
            }
        }
        // In the data formats the name is quoted so that it comes back intact, as data.
        let names = try await ExternalTool.run(
            "python3",
            [
                "-c",
                """
                import csv, json, sys
                rows = list(csv.DictReader(open(sys.argv[1], newline="")))
                data = json.load(open(sys.argv[2]))
                print(rows[0]["name"]); print(data["learners"][0]["name"])
                """, out.appendingPathComponent("report.csv").path, out.appendingPathComponent("report.json").path,
            ])
        #expect(names.output == "\(Self.evilName)\n\(Self.evilName)\n", "\(names.output)")

        // JUnit read by junitparser: 4 suites × 5 cases; dave has 4 errors.
        let junit = try await ExternalTool.run(
            "python3",
            [
                "-c",
                """
                import sys
                from junitparser import JUnitXml, Error, Failure, Skipped
                xml = JUnitXml.fromfile(sys.argv[1])
                tests = errors = failures = skipped = 0
                for suite in xml:
                    for case in suite:
                        tests += 1
                        kinds = [type(r) for r in case.result]
                        errors += Error in kinds
                        failures += Failure in kinds
                        skipped += Skipped in kinds
                print(f"tests={tests} failures={failures} errors={errors} skipped={skipped}")
                """, out.appendingPathComponent("report.junit").path,
            ])
        #expect(junit.output.trimmingCharacters(in: .whitespacesAndNewlines) == "tests=20 failures=0 errors=4 skipped=0", "\(junit.output)")

        // TAP read by tap.py: 20 test points, 4 not ok.
        let tap = try await ExternalTool.run(
            "python3",
            [
                "-c",
                """
                import sys
                from tap.parser import Parser
                results = [line for line in Parser().parse_file(sys.argv[1]) if line.category == "test"]
                print(f"tests={len(results)} not_ok={sum(1 for r in results if not r.ok)}")
                """, out.appendingPathComponent("report.tap").path,
            ])
        #expect(tap.output.trimmingCharacters(in: .whitespacesAndNewlines) == "tests=20 not_ok=4", "\(tap.output)")

        // The HTML page renders in headless Chromium.
        let screenshot = scratch.appendingPathComponent("report.png")
        let chromium = try await ExternalTool.run(
            "chromium",
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--screenshot=\(screenshot.path)", "--window-size=1280,900",
                "file://\(out.appendingPathComponent("report.html").path)",
            ])
        let png = (try? Data(contentsOf: screenshot)) ?? Data()
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 10_000, "no screenshot: \(chromium.output)")

        // No container of the run is left on any engine.
        let runId = results.json["runId"] as? String ?? "?"
        for host in ["", hosts[0], hosts[1]] {
            let left = try await ExternalTool.run(
                "docker", ["ps", "-aq", "--filter", "label=io.runbook.run=\(runId)"], environment: ["DOCKER_HOST": host])
            #expect(left.output.isEmpty, "containers left on \(host.isEmpty ? "the main engine" : host)")
        }
    }

    @Test("runbook check after a learner did the module by hand shows the right ticks")
    func checkAfterHandWork() async throws {
        try DockerAvailability.requireLab()
        let scratch = try RunbookBinary.temporaryDirectory("check")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let learner = "frank\(UInt32.random(in: 0..<UInt32.max))"
        // The learner ran the container by hand, read its logs, but did not remove it.
        let ran = try await ExternalTool.run(
            "docker", ["run", "--name", "\(learner)-hello", "runbook-lab/ubuntu", "echo", "hello from \(learner)"])
        #expect(ran.status == 0, "\(ran.output)")
        defer { ExternalTool.launch("docker", ["rm", "-f", "\(learner)-hello"]) }
        let out = scratch.appendingPathComponent("results")
        let outcome = try await RunbookBinary.run(["check", Self.shortModule.path, "--learner", learner, "--out", out.path], in: scratch)
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 1)
        let results = try ResultsFile(directory: out)
        #expect(results.statuses() == ["ps": "skipped", "hello": "passed", "logs": "skipped", "rm": "failed", "notes": "skipped"])
        #expect(results.steps()["ps"]?["reason"] as? String == "no verify probe")
        #expect(results.json["command"] as? String == "check")
        // check removes nothing.
        #expect(try await ExternalTool.run("docker", ["container", "inspect", "\(learner)-hello"]).status == 0)
    }
}
