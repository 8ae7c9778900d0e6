import Foundation

/// Whether the browser test can run: Debian's chromium and chromedriver (scripts/install-deps.sh).
enum BrowserAvailability {
    /// Both are installed.
    static let installed = ["/usr/bin/chromium", "/usr/bin/chromedriver"].allSatisfy(FileManager.default.isExecutableFile)
}
