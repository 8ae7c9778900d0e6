import Foundation
import Testing

/// Shell completions: the bash script argument-parser generates, sourced in a real bash, completes
/// step ids (`--only`, `--skip`, `--from`) from the runbook on the command line and learner ids
/// (`--learner`) from its `--learners` roster.
@Suite("Shell completions")
struct CompletionTests {
    /// A folder with the script, a runbook (`shards.yaml`, and the same as ./workshop.yaml) and a roster.
    static func setUp() async throws -> URL {
        let dir = try RunbookBinary.temporaryDirectory("completion")
        let script = try await RunbookBinary.run(["--generate-completion-script", "bash"])
        #expect(script.status == 0)
        try Data(script.stdout.utf8).write(to: dir.appendingPathComponent("runbook.bash"))
        let copies = [
            ("shards/shards.yaml", "shards.yaml"), ("shards/shards.yaml", "workshop.yaml"), ("shards/roster.yaml", "roster.yaml"),
        ]
        for (source, name) in copies {
            let from = RunbookBinary.fixtures.appendingPathComponent(source)
            try FileManager.default.copyItem(at: from, to: dir.appendingPathComponent(name))
        }
        return dir
    }

    /// What bash offers for `line` (the cursor at its end), as the completion function leaves COMPREPLY.
    static func complete(_ line: String, in dir: URL) async throws -> [String] {
        let driver = """
            cd "$1" || exit 9
            source ./runbook.bash
            COMP_LINE="$2"
            COMP_POINT=${#COMP_LINE}
            read -ra COMP_WORDS <<< "$COMP_LINE"
            [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            COMPREPLY=()
            _runbook "${COMP_WORDS[0]}" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let file = dir.appendingPathComponent("driver.sh")
        try Data(driver.utf8).write(to: file)
        let result = try await ExternalTool.run("bash", [file.path, dir.path, RunbookBinary.url.path + " " + line])
        #expect(result.status == 0, "\(result.output)")
        return result.output.split(separator: "\n").map(String.init)
    }

    @Test("`runbook run FILE --only ` lists the runbook's step ids")
    func stepIdsOfTheRunbookArgument() async throws {
        let dir = try await Self.setUp()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try await Self.complete("run shards.yaml --only ", in: dir) == ["greet", "colour", "after-colour"])
        #expect(try await Self.complete("run shards.yaml --only gr", in: dir) == ["greet"])
        #expect(
            try await Self.complete("check --skip greet,", in: dir) == ["greet,colour", "greet,after-colour"], "./workshop.yaml, and a list"
        )
        #expect(try await Self.complete("selftest shards.yaml --from a", in: dir) == ["after-colour"])
        #expect(try await Self.complete("guide --from ", in: dir) == ["greet", "colour", "after-colour"])
    }

    @Test("`--learner ` lists the roster's learner ids")
    func learnerIdsOfTheRoster() async throws {
        let dir = try await Self.setUp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let all = try await Self.complete("run shards.yaml --learners roster.yaml --learner ", in: dir)
        #expect(all == ["ann", "bob", "cat", "dan", "eve", "fay", "gus"])
        #expect(try await Self.complete("check --learners roster.yaml shards.yaml --learner ann,e", in: dir) == ["ann,eve"])
        #expect(try await Self.complete("run shards.yaml --learner ", in: dir).isEmpty, "no roster, no learners")
    }

    @Test("a runbook that does not exist or does not parse completes to nothing, quietly")
    func brokenFilesGiveNothing() async throws {
        let dir = try await Self.setUp()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("steps: [ {id: a\n".utf8).write(to: dir.appendingPathComponent("broken.yaml"))
        #expect(try await Self.complete("run missing.yaml --only ", in: dir).isEmpty)
        #expect(try await Self.complete("run broken.yaml --only ", in: dir).isEmpty)
    }

    @Test("zsh and fish scripts are generated with the same custom completions")
    func zshAndFish() async throws {
        for shell in ["zsh", "fish"] {
            let script = try await RunbookBinary.run(["--generate-completion-script", shell])
            #expect(script.status == 0)
            #expect(script.stdout.contains("---completion"), "\(shell): custom completions call back into runbook")
            #expect(script.stdout.contains("--only") && script.stdout.contains("--learner"))
        }
    }
}
