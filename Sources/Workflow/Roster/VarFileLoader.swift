import Foundation

/// Reads `--var-file FILE`: a YAML map of var names to values, every value with its position.
public enum VarFileLoader {
    /// The values, or every problem found (positions in `path`).
    public static func load(path: String) -> Result<[String: VariableLayers.Value], DiagnosticError> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(
                DiagnosticError([.error("cannot read the var file: \(path)", at: SourceLocation(file: path, line: 1, column: 1))]))
        }
        let document = YAMLLoader().load(bytes: [UInt8](data), path: path)
        var diagnostics = document.diagnostics
        var values: [String: VariableLayers.Value] = [:]
        if let root = document.root {
            if let pairs = root.mappingPairs {
                for pair in pairs {
                    guard let name = pair.key.scalarValue, TemplateParser.isVariableName(name) else {
                        diagnostics.append(.error("a var name must be [A-Za-z_][A-Za-z0-9_]*", at: pair.key.location))
                        continue
                    }
                    guard let value = pair.value.scalarValue else {
                        diagnostics.append(
                            .error("the value of '\(name)' must be text, found \(pair.value.kindDescription)", at: pair.value.location))
                        continue
                    }
                    values[name] = VariableLayers.Value(text: value, location: pair.value.location)
                }
            } else if !root.isNull {
                diagnostics.append(.error("a var file is a map of names to values, found \(root.kindDescription)", at: root.location))
            }
        }
        return diagnostics.containsErrors ? .failure(DiagnosticError(diagnostics)) : .success(values)
    }
}
