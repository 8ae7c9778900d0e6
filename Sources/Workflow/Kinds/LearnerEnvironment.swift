import Foundation

/// Environment variables an engine adds for one learner, and a temporary folder to remove at the end.
public struct LearnerEnvironment: Sendable {
    /// Variables to add.
    public var variables: [String: String]
    /// A folder created for the learner, removed when its run ends.
    public var temporaryDirectory: String?

    /// Creates the environment.
    public init(variables: [String: String] = [:], temporaryDirectory: String? = nil) {
        self.variables = variables
        self.temporaryDirectory = temporaryDirectory
    }

    /// Removes the temporary folder, if any.
    public func release() {
        if let temporaryDirectory { try? FileManager.default.removeItem(atPath: temporaryDirectory) }
    }
}
