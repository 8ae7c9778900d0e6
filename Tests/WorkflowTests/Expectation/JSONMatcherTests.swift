import Testing

@testable import Workflow

/// The `json` matcher and JSON captures (SPEC 6.5): the document, paths, every operation and the messages.
@Suite("json matcher")
struct JSONMatcherTests {
    /// `docker container inspect`-like output, pretty-printed over several lines.
    static let inspect = """
        {
          "Id": "4f2a9c",
          "State": { "Status": "running", "Running": true, "ExitCode": 0, "Health": { "Status": "healthy" } },
          "Config": { "Env": ["PATH=/usr/bin", "AUTHOR=Ada"], "ExposedPorts": { "80/tcp": {} } },
          "NetworkSettings": {
            "Networks": { "shop": { "Aliases": ["web", "4f2a9c"] }, "bridge": { "Aliases": null } },
            "Ports": { "80/tcp": [{ "HostIp": "0.0.0.0", "HostPort": "32768" }] }
          },
          "Mounts": [{ "Type": "volume", "Name": "data" }],
          "Ratio": 0.75, "Title": "a \\"quoted\\" title"
        }
        """

    private func json(_ path: String, _ operation: JSONMatcher.Operation) -> StreamExpectation {
        EvaluatorFixture.on(.stdout, .json(JSONMatcher(path: EvaluatorFixture.template(path), operation: operation)))
    }

    private func comparison(_ text: String) -> Comparison {
        let operatorText = ComparisonOperator.allCases.first { text.hasPrefix($0.rawValue) }
        let operand = text.dropFirst(operatorText?.rawValue.count ?? 0).trimmingCharacters(in: .whitespaces)
        return Comparison(comparison: operatorText ?? .equal, operand: EvaluatorFixture.template(operand), raw: text)
    }

    /// Runs `streams` over `text` fed as raw chunks (as the runner does) and as lines; returns the failures.
    private func failures(_ streams: [StreamExpectation], text: String = Self.inspect, vars: [String: String] = [:]) throws -> [String] {
        let evaluator = try EvaluatorFixture.evaluator(streams, vars: vars)
        #expect(evaluator.wantsRawChunks)
        Array(text.utf8).withUnsafeBytes { evaluator.consume(chunk: $0, stream: .stdout) }
        evaluator.feedLines(text)
        return evaluator.finish().failures.map(\.summary)
    }

    @Test("every operation passes on the values it names")
    func passing() throws {
        let checks = [
            json(".State.Running", .equals(EvaluatorFixture.template("true"))),
            json(".State.Health.Status", .equals(EvaluatorFixture.template("healthy"))),
            json(".Config.Env", .contains(EvaluatorFixture.template("AUTHOR=${author}"))),
            json(".Config.ExposedPorts", .contains(EvaluatorFixture.template("80/tcp"))),
            json(#"."NetworkSettings".Ports."80/tcp"[0].HostPort"#, .matches(EvaluatorFixture.template(#"^\d+$"#))),
            json(".NetworkSettings.Networks[].Aliases", .equals(EvaluatorFixture.template(#"[["web","4f2a9c"],null]"#))),
            json(".Mounts[-1].Type", .equals(EvaluatorFixture.template("volume"))),
            json(".Mounts", .length(comparison(">= 1"))),
            json(".Ratio", .value(comparison(">= 0.7"))),
            json(".State.Error", .exists(false)),
            json(".Title", .contains(EvaluatorFixture.template(#""quoted""#))),
            json(".Config.ExposedPorts", .equals(EvaluatorFixture.template(#"{"80/tcp":{}}"#))),
            json(#"."NetworkSettings".Networks."${net}".Aliases"#, .contains(EvaluatorFixture.template("web"))),
        ]
        #expect(try failures(checks, vars: ["author": "Ada", "net": "shop"]) == [])
    }

    @Test("a missing path says which part exists and what it has")
    func missingPath() throws {
        let got = try failures([json(".State.Healthy.Status", .equals(EvaluatorFixture.template("x")))])
        #expect(got == ["stdout: json: path .State.Healthy.Status not found (.State has keys Status, Running, ExitCode, Health)"])
        let index = try failures([json(".Mounts[3].Type", .exists(true))])
        #expect(index == ["stdout: json: path .Mounts[3].Type not found (.Mounts has 1 element)"])
        let kind = try failures([json(".Id.Short", .exists(true))])
        #expect(kind == ["stdout: json: path .Id.Short not found (.Id is a string)"])
    }

    @Test("failures name the value, and what was expected")
    func failingOperations() throws {
        let got = try failures([
            json(".State.Status", .equals(EvaluatorFixture.template("exited"))),
            json(".Config.Env", .contains(EvaluatorFixture.template("AUTHOR=Bob"))),
            json(".Mounts", .length(comparison(">= 2"))),
            json(".Ratio", .value(comparison("> 0.9"))),
            json(".State", .exists(false)),
            json(".State.ExitCode", .contains(EvaluatorFixture.template("0"))),
        ])
        #expect(
            got == [
                #"stdout: json: the value at .State.Status is "running", expected "exited""#,
                #"stdout: json: no element of the array at .Config.Env is "AUTHOR=Bob" (["PATH=/usr/bin","AUTHOR=Ada"])"#,
                "stdout: json: the length of .Mounts is 1, expected >= 2",
                "stdout: json: the value at .Ratio is 0.75, expected > 0.9",
                #"stdout: json: path .State exists (its value is {"Status":"running","Running":true,"ExitCode":0,"Health":{"Status":"healthy"}})"#,
                "stdout: json: the value at .State.ExitCode is a number (0); contains needs a string, an array or an object",
            ])
    }

    @Test("a stream that is not one JSON document fails with the line and column")
    func notJSON() throws {
        let got = try failures([json(".", .exists(true))], text: "{\n  \"a\": 1,\n  \"b\": tru\n}")
        #expect(got == ["stdout: json: not JSON: expected a value at line 3, column 8"])
        let two = try failures([json(".", .exists(true))], text: "{}\n{}")
        #expect(two == ["stdout: json: not JSON: unexpected text after the JSON value at line 2, column 1"])
        let empty = try failures([json(".", .exists(true))], text: "")
        #expect(empty == ["stdout: json: not JSON: the stream is empty, expected a JSON value at line 1, column 1"])
    }

    @Test("a document on one line longer than the 1 MiB line limit is read whole")
    func longLine() throws {
        let items = (0..<40_000).map { "{\"n\":\($0),\"pad\":\"\(String(repeating: "x", count: 20))\"}" }.joined(separator: ",")
        let text = "{\"items\":[\(items)],\"last\":\"end\"}"
        #expect(text.utf8.count > 1 << 20)
        #expect(
            try failures(
                [json(".last", .equals(EvaluatorFixture.template("end"))), json(".items", .length(comparison("40000")))], text: text) == [])
    }

    @Test("a JSON capture takes the text at its path; a missing path is the capture's failure")
    func captures() throws {
        let capture = Capture(
            name: "id", stream: .stdout, regex: EvaluatorFixture.template(""), jsonPath: EvaluatorFixture.template(".Id"),
            location: EvaluatorFixture.here)
        let missing = Capture(
            name: "ip", stream: .stdout, regex: EvaluatorFixture.template(""),
            jsonPath: EvaluatorFixture.template(".NetworkSettings.IPAddress"),
            location: EvaluatorFixture.here)
        let evaluator = try EvaluatorFixture.evaluator([], captures: [capture, missing])
        Array(Self.inspect.utf8).withUnsafeBytes { evaluator.consume(chunk: $0, stream: .stdout) }
        let result = evaluator.finish()
        #expect(result.captured == ["id": "4f2a9c"])
        #expect(
            result.failures.map(\.summary) == [
                "capture ip: path .NetworkSettings.IPAddress not found (.NetworkSettings has keys Networks, Ports)"
            ])
    }

    @Test(
        "paths: what parses, and where a bad one goes wrong",
        arguments: [
            (".", ""), (".a.b", ""), (#"."a.b"[0]"#, ""), ("[0]", ""), (".a[-1][]", ""), (#"."x\"y""#, ""),
            ("a", "0: a path starts with '.' or '[', e.g. .State.Running"),
            (".a..b", "3: expected a name after '.'; quote other keys: .\"80/tcp\""),
            (".a[x]", "3: expected an index such as [0] or [-1], or [] for every element"), (".a[1", "4: expected ']'"),
            (#"."abc"#, "1: the quoted key is not closed"), ("", "0: the path is empty; `.` is the whole document"),
        ])
    func paths(_ text: String, _ problem: String) {
        do throws(JSONPathError) {
            _ = try JSONPath(parsing: text)
            #expect(problem.isEmpty, "\(text) parsed")
        } catch {
            #expect("\(error.offset): \(error.reason)" == problem)
        }
    }
}
