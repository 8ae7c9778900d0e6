import Foundation
import Testing
import Workflow

@testable import Board

/// What a learner's `guide --join` does with a downloaded bundle (SPEC 10.3): refusals leave nothing.
@Suite("Workshop bundle: unpacking and its refusals")
struct BundleUnpackingTests {
    /// A bundle made of `entries`, described as the board would (runbook `workshop.yaml`).
    static func archive(_ entries: [TarEntry]) throws -> (archive: [UInt8], description: BundleDescription) {
        var writer = TarWriter()
        for entry in entries { try writer.add(entry) }
        let archive = try Gzip.compress(writer.finished())
        let runbook =
            entries.first { $0.path == "workshop.yaml" }.flatMap { entry -> [UInt8]? in
                if case .file(let bytes) = entry.kind { return bytes }
                return nil
            } ?? []
        let description = BundleDescription(
            sha256: SHA256.hex(of: archive), runbookSha256: SHA256.hex(of: runbook), runbookPath: "workshop.yaml", folder: "web",
            size: archive.count)
        return (archive, description)
    }

    static let runbook = TarEntry(path: "workshop.yaml", kind: .file(Array("runbook: 1\n".utf8)), mode: 0o644)

    @Test("a board's bundle unpacks into ./FOLDER/, and again over the same files")
    func unpacks() throws {
        let folder = try BundleFolder()
        defer { folder.remove() }
        let bundle = try WorkshopBundle.pack(runbook: try folder.runbook())
        let target = try BundleFolder.empty()
        defer { try? FileManager.default.removeItem(at: target) }
        let into = target.appendingPathComponent(bundle.folderName).path
        let path = try BundleUnpacker(expected: BundleDescription(bundle)).unpack(bundle.archive, into: into)
        #expect(path == into + "/workshop.yaml")
        #expect(FileManager.default.contents(atPath: into + "/src/app.py") == Data("print('hello')\n".utf8))
        #expect(try BundleUnpacker(expected: BundleDescription(bundle)).unpack(bundle.archive, into: into) == path)
        #expect(BundleFolder.listing(target) == ["2-web-app", "2-web-app/src", "2-web-app/src/app.py", "2-web-app/workshop.yaml"])
    }

    @Test(
        "each refusal is one clear line, and nothing is written",
        arguments: [
            ("wrong sha", "the download was damaged"),
            ("absolute path", "a path out of its folder"),
            ("dot dot", "a path out of its folder"),
            ("link out", "points out of its folder"),
            ("through a link", "through a link"),
            ("changed runbook", "not the board's"),
            ("bomb", "more than"),
        ])
    func refusals(_ situation: String, _ expected: String) throws {
        var entries = [Self.runbook, TarEntry(path: "src/app.py", kind: .file([1, 2, 3]), mode: 0o644)]
        switch situation {
        case "absolute path": entries.append(TarEntry(path: "/etc/evil", kind: .file([1]), mode: 0o644))
        case "dot dot": entries.append(TarEntry(path: "src/../../evil", kind: .file([1]), mode: 0o644))
        case "link out": entries.append(TarEntry(path: "src/etc", kind: .symlink("../../etc"), mode: 0o777))
        case "through a link":
            entries += [
                TarEntry(path: "src/in", kind: .symlink("."), mode: 0o777), TarEntry(path: "src/in/x", kind: .file([1]), mode: 0o644),
            ]
        case "bomb": entries.append(TarEntry(path: "big.bin", kind: .file([UInt8](repeating: 0, count: (80 << 20))), mode: 0o644))
        default: break
        }
        var (archive, description) = try Self.archive(entries)
        if situation == "wrong sha" { description.sha256 = String(repeating: "0", count: 64) }
        if situation == "changed runbook" { description.runbookSha256 = String(repeating: "1", count: 64) }
        let target = try BundleFolder.empty()
        defer { try? FileManager.default.removeItem(at: target) }
        let error = #expect(throws: BundleError.self) {
            try BundleUnpacker(expected: description).unpack(archive, into: target.appendingPathComponent("web").path)
        }
        #expect(error?.message.contains(expected) == true, "\(error?.message ?? "no error")")
        #expect(error?.message.contains("\n") == false)
        #expect(BundleFolder.listing(target).isEmpty)
    }

    @Test("a file of the learner's with other content is refused, and the rest is not written")
    func changedLocalFile() throws {
        let (archive, description) = try Self.archive([Self.runbook, TarEntry(path: "src/app.py", kind: .file([1, 2, 3]), mode: 0o644)])
        let target = try BundleFolder.empty()
        defer { try? FileManager.default.removeItem(at: target) }
        try FileManager.default.createDirectory(at: target.appendingPathComponent("web/src"), withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: target.appendingPathComponent("web/src/app.py"))
        let error = #expect(throws: BundleError.self) {
            try BundleUnpacker(expected: description).unpack(archive, into: target.appendingPathComponent("web").path)
        }
        #expect(error?.message.contains("already exists with other content") == true)
        #expect(BundleFolder.listing(target) == ["web", "web/src", "web/src/app.py"])
        #expect(FileManager.default.contents(atPath: target.appendingPathComponent("web/src/app.py").path) == Data("mine".utf8))
    }

    @Test("an interrupt while unpacking leaves nothing, not even the staging folder")
    func interrupted() throws {
        let (archive, description) = try Self.archive([Self.runbook, TarEntry(path: "a", kind: .file([1]), mode: 0o644)])
        let target = try BundleFolder.empty()
        defer { try? FileManager.default.removeItem(at: target) }
        let error = #expect(throws: BundleError.self) {
            try BundleUnpacker(expected: description, interrupted: { true }).unpack(
                archive, into: target.appendingPathComponent("web").path)
        }
        #expect(error?.message.contains("interrupted") == true)
        #expect(BundleFolder.listing(target).isEmpty)
    }
}
