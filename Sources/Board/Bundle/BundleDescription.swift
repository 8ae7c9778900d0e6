/// What a board says of its bundle (`GET /join/CODE/bundle.json`, and the headers of
/// `bundle.tar.gz`): enough for a learner's `guide --join` to decide, check and unpack it.
public struct BundleDescription: Codable, Equatable, Sendable {
    /// The archive's sha256 (hex).
    public var sha256: String
    /// The runbook's sha256 (hex): the board's pin.
    public var runbookSha256: String
    /// The runbook's path inside the bundle.
    public var runbookPath: String
    /// The folder it unpacks into (a slug).
    public var folder: String
    /// The archive's size in bytes.
    public var size: Int

    /// A description with every field.
    public init(sha256: String, runbookSha256: String, runbookPath: String, folder: String, size: Int) {
        self.sha256 = sha256
        self.runbookSha256 = runbookSha256
        self.runbookPath = runbookPath
        self.folder = folder
        self.size = size
    }

    /// The description of `bundle`.
    public init(_ bundle: WorkshopBundle) {
        self.init(
            sha256: bundle.sha256, runbookSha256: bundle.runbookSha256, runbookPath: bundle.runbookPath, folder: bundle.folderName,
            size: bundle.archive.count)
    }

    /// Whether a board's answer is usable: hex digests, a plain folder name and runbook file name.
    public var isWellFormed: Bool {
        let hex = { (text: String) in text.count == 64 && text.allSatisfy { $0.isHexDigit && !$0.isUppercase } }
        let plain = { (text: String) in
            !text.isEmpty && text.count <= 255 && !text.hasPrefix(".") && !text.contains("/") && !text.contains("\\")
                && text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7f }
        }
        return hex(sha256) && hex(runbookSha256) && plain(folder) && plain(runbookPath) && size > 0
    }
}
