import Foundation
import Testing

@testable import Workflow

/// CSV rosters (SPEC 2): columns, vars, empty cells, quoting, and errors with file:line:col.
@Suite("CSV roster")
struct CSVRosterTests {
    /// The roster keys a backend adds (as the Docker backend does); the reader keeps them in `settings`.
    static let settingKeys = ["docker_host", "docker_context"]

    /// Loads `text` as `roster.csv` through the public loader.
    static func load(_ text: String) throws -> Result<[Learner], DiagnosticError> {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("csv-roster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("roster.csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return RosterLoader.load(path: path, settingKeys: Self.settingKeys).mapError { error in
            // Report positions relative to the file name only, as tests compare them.
            DiagnosticError(
                error.diagnostics.map {
                    Diagnostic(
                        $0.severity, at: SourceLocation(file: "roster.csv", line: $0.location.line, column: $0.location.column), $0.message)
                })
        }
    }

    /// The `line:col: message` lines of a failed load.
    static func problems(_ text: String) throws -> [String] {
        switch try load(text) {
        case .success(let learners): return ["unexpected success: \(learners.map(\.id))"]
        case .failure(let error): return error.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
        }
    }

    @Test func readsColumnsVarsAndEmptyCells() throws {
        let learners = try Self.load(
            """
            id,name,docker_host,docker_context,DOCKER_USERNAME,registry
            alice,Alice Martin,ssh://alice@lab-01,,alicem,
            bob,,,bob-lab,,127.0.0.1:5000

            """
        ).get()
        try #require(learners.count == 2)
        #expect(
            learners[0]
                == Learner(
                    id: "alice", name: "Alice Martin", settings: ["docker_host": "ssh://alice@lab-01"], vars: ["DOCKER_USERNAME": "alicem"],
                    varLocations: learners[0].varLocations, location: learners[0].location))
        #expect(learners[0].varLocations["DOCKER_USERNAME"].map { ($0.line, $0.column) } ?? (0, 0) == (2, 40))
        #expect(learners[1].name == nil)
        #expect(learners[1].settings["docker_context"] == "bob-lab")
        #expect(learners[1].vars == ["registry": "127.0.0.1:5000"], "an empty cell means not set")
        #expect(learners[1].location.map { ($0.line, $0.column) } ?? (0, 0) == (3, 1))
    }

    @Test func quotingBOMCRLFAndSpaces() throws {
        let learners = try Self.load(
            "\u{FEFF}id, name ,motto\r\n alice , \"Martin, Alice\" ,\"says \"\"hi\"\"\nthen leaves\"\r\n\"bob\",Bob,\r\n"
        ).get()
        #expect(learners.map(\.id) == ["alice", "bob"])
        #expect(learners[0].name == "Martin, Alice")
        #expect(learners[0].vars["motto"] == "says \"hi\"\nthen leaves")
        #expect(learners[1].vars.isEmpty)
    }

    @Test func missingIdColumnIsAnErrorOnTheHeader() throws {
        #expect(
            try Self.problems("name,docker_host\nAlice,\n") == [
                "1:1: the header has no `id` column; the first row must name the columns: id,name,docker_host,docker_context,…"
            ])
    }

    @Test func badAndDuplicateIdsPointAtTheirCells() throws {
        #expect(
            try Self.problems("name,id\nA,alice\nB,Bob!\nC,alice\nD,\n") == [
                "3:3: learner id 'Bob!' must match [a-z0-9][a-z0-9_-]*",
                "4:3: duplicate learner id 'alice' (first on line 2)",
                "5:3: a learner needs an id",
            ])
    }

    @Test func rowsWithTheWrongNumberOfCells() throws {
        #expect(
            try Self.problems("id,name\nalice,Alice,extra\nbob\n") == [
                "2:13: this row has 3 cells but the header has 2",
                "3:4: this row has 1 cell but the header has 2",
            ])
    }

    @Test func quoteErrorsHavePositions() throws {
        #expect(
            try Self.problems("id,name\nalice,\"Alice\nbob,Bob\n") == [
                "2:7: unclosed quote: this cell's opening quote has no closing quote"
            ])
        #expect(
            try Self.problems("id,name\nalice,\"Alice\" Martin\n") == [
                "2:15: unexpected text after the closing quote; a quote inside a quoted cell is written \"\""
            ])
        #expect(
            try Self.problems("id,name\nalice,Alice \"Al\" Martin\n") == [
                "2:13: a quote inside an unquoted cell; quote the whole cell and double the quote (\"say \"\"hi\"\"\")"
            ])
    }

    @Test func headerProblems() throws {
        #expect(
            try Self.problems("id,name,name,my var,\nalice,A,B,C,D\n") == [
                "1:9: column 'name' appears twice (first at column 4)",
                "1:14: column 'my var' is neither id, name, docker_host, docker_context, ports nor a var name ([A-Za-z_][A-Za-z0-9_]*)",
                "1:21: empty column name in the header",
            ])
    }

    @Test func emptyAndHeaderOnlyRosters() throws {
        #expect(try Self.problems("") == ["1:1: the roster is empty; it needs a header row: id,name,docker_host,docker_context,…"])
        #expect(try Self.problems("id,name\n") == ["1:1: the roster has no learners: only a header row"])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("csv-roster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("latin1.csv").path
        try Data([0x69, 0x64, 0x0A, 0x61, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: path))  // "id\na\u{E9}\n" in Latin-1
        guard case .failure(let error) = RosterLoader.load(path: path, settingKeys: Self.settingKeys) else {
            Issue.record("a Latin-1 roster was accepted")
            return
        }
        #expect(
            error.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" } == ["2:2: the roster is not UTF-8 text"])
    }

    @Test func columnsCountInUnicodeScalars() throws {
        #expect(try Self.problems("id,name\nélise,Élise\n") == ["2:1: learner id 'élise' must match [a-z0-9][a-z0-9_-]*"])
        #expect(try Self.problems("name,id\nÉlise 🎉,BAD\n") == ["2:9: learner id 'BAD' must match [a-z0-9][a-z0-9_-]*"])
    }
}
