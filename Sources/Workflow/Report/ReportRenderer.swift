import Foundation

/// The entry point of the reports: renders `RunResults` in any `ReportFormat`, as text or to a file.
public struct ReportRenderer: Sendable {
    /// The results every format is built from.
    public let results: RunResults

    /// Creates a renderer.
    public init(results: RunResults) {
        self.results = results
    }

    /// The whole document in `format`.
    public func render(_ format: ReportFormat) throws -> String {
        switch format {
        case .json: try JSONReporter(results: results).render()
        case .junit: JUnitReporter(results: results).render()
        case .tap: TAPReporter(results: results).render()
        case .md: MarkdownReporter(results: results).render()
        case .csv: CSVReporter(results: results).render()
        case .html: HTMLReporter(results: results).render()
        case .github: GitHubReporter(results: results).render()
        }
    }

    /// Writes the document in `format` to `path` atomically (a temporary file renamed over it),
    /// creating the folders above it when they do not exist.
    public func write(_ format: ReportFormat, to path: String) throws(ReportError) {
        let text: String
        do {
            text = try render(format)
        } catch {
            throw .cannotWrite(path: path, reason: "\(error)")
        }
        do {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .cannotWrite(path: path, reason: Self.describe(error))
        }
    }

    /// A short reason for a file error (no Foundation boilerplate).
    static func describe(_ error: any Error) -> String {
        if let cocoa = error as? CocoaError, let underlying = cocoa.userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue))
        }
        if let cocoa = error as? CocoaError {
            switch cocoa.code {
            case .fileNoSuchFile, .fileWriteNoPermission, .fileWriteVolumeReadOnly, .fileWriteOutOfSpace:
                return cocoa.localizedDescription
            default: break
            }
        }
        return error.localizedDescription
    }
}
