import Foundation
import Frontend
import Workflow

/// `runbook report --timings INPUT…` (SPEC 11.3): the learners' time per step, from their journals.
extension ReportCommand {
    /// Reads the journals of `inputs` and writes their timings in `format` to `-o` or standard output.
    func writeTimings(_ format: ReportFormat) throws {
        guard TimingsRenderer.formats.contains(format) else {
            throw failure("--timings comes as " + TimingsRenderer.formats.map(\.rawValue).joined(separator: ", ") + ", not \(format)")
        }
        let text: String
        do {
            text = try TimingsRenderer(try TimingsReader(force: force).read(inputs)).render(format)
        } catch {
            throw failure(error.description)
        }
        guard let output else { return StandardStreams.out(text) }
        do {
            let folder = URL(fileURLWithPath: output).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw failure("cannot write \(output): \(error.localizedDescription)")
        }
    }
}
