import Foundation
import Testing
import Workflow

@testable import Board

/// A disk that fills up while a bundle is unpacked (issue 20): one line, nothing left behind. The
/// disk is a 256 KiB tmpfs mounted for the test, so it needs root (CI runs as root).
@Suite("Workshop bundle: a full disk", .enabled(if: getuid() == 0 || ProcessInfo.processInfo.environment["CI"] == "true"))
struct BundleFullDiskTests {
    @Test("no space left while unpacking: the error says so, and the folder holds nothing of the bundle")
    func fullDisk() throws {
        let disk = try BundleFolder.empty()
        defer { try? FileManager.default.removeItem(at: disk) }
        try #require(system("mount -t tmpfs -o size=256k runbook-test \(disk.path) 2>/dev/null") == 0, "cannot mount a tmpfs (needs root)")
        defer { _ = system("umount \(disk.path)") }
        let runbook = TarEntry(path: "workshop.yaml", kind: .file(Array("runbook: 1\n".utf8)), mode: 0o644)
        let big = TarEntry(path: "data/big.bin", kind: .file([UInt8](repeating: 1, count: 600 << 10)), mode: 0o644)
        let (archive, description) = try BundleUnpackingTests.archive([runbook, big])
        let error = #expect(throws: BundleError.self) {
            try BundleUnpacker(expected: description).unpack(archive, into: disk.appendingPathComponent("web").path)
        }
        #expect(error?.message.contains("No space left on device") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("nothing was left there") == true)
        #expect(BundleFolder.listing(disk).isEmpty, "\(BundleFolder.listing(disk))")
    }
}
