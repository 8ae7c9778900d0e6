import Foundation
import Testing
import Workflow

@testable import Board

/// What a board packs of its runbook's folder (SPEC 10.3).
@Suite("Workshop bundle: packing")
struct BundlePackingTests {
    @Test("tar and gzip give back what went in; the same files give the same bytes")
    func roundTrip() throws {
        var writer = TarWriter()
        let long = String(repeating: "folder/", count: 20) + "file.txt"
        let entries = [
            TarEntry(path: "a.txt", kind: .file(Array("hello\n".utf8)), mode: 0o644),
            TarEntry(path: long, kind: .file(Array(repeating: 7, count: 1000)), mode: 0o755),
            TarEntry(path: "link", kind: .symlink("a.txt"), mode: 0o777),
        ]
        for entry in entries { try writer.add(entry) }
        let archive = try Gzip.compress(writer.finished())
        #expect(try TarReader.entries(of: Gzip.decompress(archive, limit: 1 << 20)) == entries)
        #expect(try Gzip.compress(writer.finished()) == archive)
        #expect(throws: Gzip.Failure.self) { try Gzip.decompress(Array(archive.prefix(archive.count / 2)), limit: 1 << 20) }
        #expect(throws: Gzip.Failure.self) { try Gzip.decompress(archive, limit: 100) }
    }

    @Test("git's ignore rules: names anywhere, anchored paths, folders only, **, negation, classes")
    func ignorePatterns() throws {
        func pattern(_ line: String) throws -> IgnorePattern { try #require(IgnorePattern(line: Substring(line))) }
        #expect(try pattern("*.log").matches("a/b/c.log", isDirectory: false))
        #expect(try !pattern("/build").matches("src/build", isDirectory: true))
        #expect(try pattern("/build").matches("build", isDirectory: true))
        #expect(try !pattern("data/").matches("data", isDirectory: false))
        #expect(try pattern("docs/**/*.png").matches("docs/a/b/x.png", isDirectory: false))
        #expect(try pattern("docs/**/*.png").matches("docs/x.png", isDirectory: false))
        #expect(try pattern("**/cache").matches("x/y/cache", isDirectory: true))
        #expect(try pattern("file[0-9].txt").matches("file7.txt", isDirectory: false))
        #expect(try pattern("!keep.log").negated)
        #expect(IgnorePattern(line: "# comment") == nil && IgnorePattern(line: "   ") == nil)
    }

    @Test("results, state, stores, .git, ignored files, private files and journal folders stay out")
    func exclusions() throws {
        let folder = try BundleFolder(extra: [
            ".gitignore": "*.log\n/build/\n!keep.log\n", "src/.runbookignore": "secret-notes.md\n", "src/secret-notes.md": "x",
            "debug.log": "x", "keep.log": "kept", "build/out.bin": "x", ".git/HEAD": "ref", "runbook-results/r1/journal.jsonl": "{}",
            ".runbook/state.json": "{}", "runbook-class/abc/secret": "s", "old-run/journal.jsonl": "{}", "private.key": "k",
            "modules/1/README.md": "# one",
        ])
        defer { folder.remove() }
        chmod(folder.url.appendingPathComponent("private.key").path, 0o600)
        let files = BundleSelection(root: folder.url.path, excludedFolders: []).files().map(\.path)
        #expect(files == [".gitignore", "keep.log", "modules/1/README.md", "src/.runbookignore", "src/app.py", "workshop.yaml"])
    }

    @Test("a bundle is pinned by the runbook's sha256, unpacks into the title's slug, and is stable")
    func pack() throws {
        let folder = try BundleFolder()
        defer { folder.remove() }
        let runbook = try folder.runbook()
        let bundle = try WorkshopBundle.pack(runbook: runbook)
        #expect(bundle.runbookSha256 == runbook.sha256)
        #expect(bundle.folderName == "2-web-app")
        #expect(bundle.runbookPath == "workshop.yaml")
        #expect(bundle.fileCount == 2)
        #expect(try WorkshopBundle.pack(runbook: runbook).sha256 == bundle.sha256)
        #expect(BundleDescription(bundle).isWellFormed)
    }

    @Test("over the cap, serve refuses naming the largest files")
    func overCap() throws {
        let folder = try BundleFolder(extra: ["data/big.bin": String(repeating: "x", count: 3000), "data/small.bin": "x"])
        defer { folder.remove() }
        let error = #expect(throws: BundleError.self) { try WorkshopBundle.pack(runbook: try folder.runbook(), maximumSize: 2048) }
        #expect(error?.message.contains("data/big.bin (0.0 MiB)") == true)
        #expect(error?.message.contains(".runbookignore") == true)
    }
}
