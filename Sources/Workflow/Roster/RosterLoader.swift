import Foundation

/// Reads a roster (SPEC 2): YAML with `learners:`, or CSV with a header row.
public enum RosterLoader {
    /// The keys every learner may have; backends add theirs (`settingKeys`).
    static let ownKeys = ["id", "name", "ports", "vars"]

    /// The learners, or every problem found with its position; `settingKeys` are the keys the
    /// backends add (`KindRegistry.rosterKeys`), kept in each learner's `settings`.
    public static func load(path: String, settingKeys: [String]) -> Result<[Learner], DiagnosticError> {
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(
                DiagnosticError([.error("cannot read the roster: \(path)", at: SourceLocation(file: path, line: 1, column: 1))]))
        }
        if path.lowercased().hasSuffix(".csv") { return CSVRosterReader.read(bytes: [UInt8](data), path: path, settingKeys: settingKeys) }
        return loadYAML(bytes: [UInt8](data), path: path, settingKeys: settingKeys)
    }

    /// A YAML roster: `learners:`, each with its keys.
    static func loadYAML(bytes: [UInt8], path: String, settingKeys: [String]) -> Result<[Learner], DiagnosticError> {
        let document = YAMLLoader().load(bytes: bytes, path: path)
        var reader = NodeReader(diagnostics: document.diagnostics)
        var learners: [Learner] = []
        if let root = document.root {
            let pairs = reader.mapping(root, "the roster", keys: ["learners"]) ?? []
            if let list = pairs.first(where: { $0.key.scalarValue == "learners" })?.value {
                for item in reader.list(list, "learners") ?? [] {
                    if let learner = decodeLearner(item, settingKeys: settingKeys, reader: &reader) { learners.append(learner) }
                }
            } else {
                reader.error("missing `learners:`, the list of learners", at: root.location)
            }
        } else if document.diagnostics.isEmpty {
            reader.error("the roster is empty; it needs `learners:`", at: SourceLocation(file: path, line: 1, column: 1))
        }
        reader.diagnostics += duplicateIds(learners) + overlappingPorts(learners)
        if learners.isEmpty && !reader.diagnostics.containsErrors, let root = document.root {
            reader.error("the roster has no learners", at: root.location)
        }
        return reader.diagnostics.containsErrors ? .failure(DiagnosticError(reader.diagnostics)) : .success(learners)
    }

    private static func decodeLearner(_ node: Node, settingKeys: [String], reader: inout NodeReader) -> Learner? {
        guard let pairs = reader.mapping(node, "learner", keys: ownKeys + settingKeys) else { return nil }
        var learner = Learner(id: "", location: node.location)
        var hasId = false
        for pair in pairs {
            switch pair.key.scalarValue {
            case "id":
                guard let id = reader.text(pair.value, "id") else { continue }
                hasId = true
                learner.id = id
                if !isValidId(id) { reader.error("learner id '\(id)' must match [a-z0-9][a-z0-9_-]*", at: pair.value.location) }
            case "name": learner.name = reader.text(pair.value, "name")
            case "ports":
                guard let text = reader.text(pair.value, "ports") else { continue }
                learner.ports = Learner.portRange(text)
                if learner.ports == nil { reader.error(RosterLoader.badPorts(text), at: pair.value.location) }
            case "vars":
                guard let varPairs = pair.value.mappingPairs else {
                    reader.error("vars must be a map of var names to values", at: pair.value.location)
                    continue
                }
                for varPair in varPairs {
                    guard let name = varPair.key.scalarValue, let value = varPair.value.scalarValue else {
                        reader.error("a learner var must be NAME: text", at: varPair.key.location)
                        continue
                    }
                    learner.vars[name] = value
                    learner.varLocations[name] = varPair.value.location
                }
            case let key?:
                if settingKeys.contains(key), let value = reader.text(pair.value, key) { learner.settings[key] = value }
            case nil: break
            }
        }
        guard hasId else {
            reader.error("a learner needs an `id`", at: node.location)
            return nil
        }
        return learner
    }

    /// True for `[a-z0-9][a-z0-9_-]*`.
    static func isValidId(_ id: String) -> Bool { Learner.isValidId(id) }

    /// The message for a malformed `ports:` value.
    static func badPorts(_ text: String) -> String {
        "ports must be a range of TCP ports such as 20000-20099 (1…65535, low to high), found '\(text)'"
    }

    /// Learners whose port ranges overlap: no two ports of a run may be the same (SPEC 6.7).
    static func overlappingPorts(_ learners: [Learner]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for (index, learner) in learners.enumerated() {
            guard let range = learner.ports, let location = learner.location else { continue }
            if let other = learners[..<index].first(where: { $0.ports?.overlaps(range) == true }) {
                problems.append(
                    .error(
                        "the ports of learner '\(learner.id)' (\(range.lowerBound)-\(range.upperBound)) overlap those of '\(other.id)'",
                        at: location))
            }
        }
        return problems
    }

    /// Ids used twice, at the second use.
    static func duplicateIds(_ learners: [Learner]) -> [Diagnostic] {
        var seen: [String: Int] = [:]
        var problems: [Diagnostic] = []
        for learner in learners {
            if let line = seen[learner.id], let location = learner.location {
                problems.append(.error("duplicate learner id '\(learner.id)' (first on line \(line))", at: location))
            } else {
                seen[learner.id] = learner.location?.line ?? 0
            }
        }
        return problems
    }
}
