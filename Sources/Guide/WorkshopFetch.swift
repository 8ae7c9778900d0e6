import Board
import Foundation
import Frontend
import Workflow

/// `runbook guide --join URL` (SPEC 10.3): which runbook to guide. Without a RUNBOOK argument, the
/// current folder's when its sha256 is the board's, else the one already unpacked in
/// `./<folder>/`, else the board's bundle, downloaded, checked and unpacked there. A local runbook
/// that differs from the board's is refused before any step, with the command that fetches the board's.
public struct WorkshopFetch {
    /// The join URL.
    public let url: JoinURL
    /// The learner, for the commands shown.
    public let learner: String

    /// The fetch of the workshop of the board at `url`, for `learner`.
    public init(url: JoinURL, learner: String) {
        self.url = url
        self.learner = learner
    }

    /// The path of the runbook to guide.
    public func runbookPath(given: String?) async throws(CommandFailure) -> String {
        let description: BundleDescription
        do throws(BundleError) {
            description = try await BundleFetcher(url: url).describe()
        } catch {
            // A board that does not answer must not keep a learner who has the workshop from working
            // (the outbox delivers later); one that answers no is believed, but a learner who named
            // their runbook still works on it while the guide says the board refuses them (SPEC 7.1).
            if error.wrongCode, let given { return given }
            if error.unreachable, let local = given ?? (FileManager.default.fileExists(atPath: "workshop.yaml") ? "workshop.yaml" : nil) {
                StandardStreams.err("runbook: \(error.message); guiding \(local) meanwhile\n")
                return local
            }
            throw CommandFailure.usage(error.message)
        }
        if let given {
            try requireBoards(given, description)
            return given
        }
        let here = description.runbookPath
        if FileManager.default.fileExists(atPath: here) {
            try requireBoards(here, description)
            return here
        }
        let unpacked = description.folder + "/" + description.runbookPath
        if Self.sha256(of: unpacked) == description.runbookSha256 { return unpacked }
        return try await fetch(description)
    }

    /// Refuses `path` when its sha256 is not the board's.
    private func requireBoards(_ path: String, _ description: BundleDescription) throws(CommandFailure) {
        guard let sha = Self.sha256(of: path), sha != description.runbookSha256 else { return }
        throw CommandFailure.usage(
            "\(path) is not the runbook of the board at \(url) (its sha256 is \(sha.prefix(12))…, the board's "
                + "\(description.runbookSha256.prefix(12))…); to fetch the board's, run in an empty folder: "
                + "runbook guide --join \(url) --learner \(learner)")
    }

    /// Downloads and unpacks the bundle; Ctrl-C stops it and leaves nothing behind (exit 130).
    private func fetch(_ description: BundleDescription) async throws(CommandFailure) -> String {
        let flag = InterruptFlag()
        let url = self.url
        let download = Task { () async -> Result<[UInt8], BundleError> in
            do throws(BundleError) {
                return .success(try await BundleFetcher(url: url).download(description))
            } catch {
                return .failure(error)
            }
        }
        let trap = SignalTrap { _ in
            flag.set()
            download.cancel()
        }
        StandardStreams.err(
            "runbook: fetching the workshop from \(url.origin) into ./\(description.folder)/ "
                + "(\(String(format: "%.1f", Double(description.size) / 1_048_576)) MiB)\n")
        do throws(BundleError) {
            let archive = try await download.value.get()
            if flag.isSet { throw BundleError("interrupted while downloading the workshop; nothing was written") }
            let path = try BundleUnpacker(expected: description, interrupted: { flag.isSet }).unpack(archive, into: description.folder)
            _ = trap
            StandardStreams.err("runbook: unpacked into ./\(description.folder)/ (sha256 \(description.sha256.prefix(12))… checked)\n")
            return path
        } catch {
            throw CommandFailure(messages: [error.message], status: flag.isSet ? 130 : 2)
        }
    }

    /// The sha256 of the file at `path`; nil when it cannot be read.
    static func sha256(of path: String) -> String? {
        FileManager.default.contents(atPath: path).map { SHA256.hex(of: Array($0)) }
    }
}
