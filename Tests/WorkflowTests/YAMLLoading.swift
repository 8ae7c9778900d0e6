import Foundation
import Testing

@testable import Workflow

/// What the YAML loader's test suites share: loading a text and reading positions.
protocol YAMLLoading {}

extension YAMLLoading {
    /// Loads `text` as `test.yaml`.
    func load(_ text: String) -> YAMLDocument {
        YAMLLoader().load(text: text, path: "test.yaml")
    }

    /// The root of `text`, which must load without a diagnostic.
    func root(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Node {
        let document = load(text)
        #expect(document.diagnostics.isEmpty, "\(document.diagnostics)", sourceLocation: sourceLocation)
        return try #require(document.root, sourceLocation: sourceLocation)
    }

    /// `LINE:COLUMN` of `node`, or `nil`.
    func position(_ node: Node?) -> String {
        node.map { "\($0.location.line):\($0.location.column)" } ?? "nil"
    }
}
