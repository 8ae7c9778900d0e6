/// Parses `${name}`, `${env.NAME}`, `${env.NAME:-default}` and `$$` in a string; any other `$` is literal.
public struct TemplateParser: Sendable {
    /// Built-in names, always defined (`port` only as `${port.NAME}`).
    public static let builtins: Set<String> = ["learner", "module", "runbook_dir", "run_id", "workdir", "engine_host", "port"]

    /// The prefix of a per-learner port reference, `${port.NAME}`.
    public static let portPrefix = "port."

    /// Maps an offset (in Unicode scalars) of the parsed text to a source location.
    public typealias Locator = @Sendable (Int) -> SourceLocation

    /// Creates a parser.
    public init() {}

    /// Parses `text`; reports malformed references through `diagnose` and keeps them as literal text.
    public func parse(_ text: String, at location: SourceLocation, locate: Locator? = nil, diagnose: (Diagnostic) -> Void) -> Template {
        if !text.utf8.contains(UInt8(ascii: "$")) { return Template(literal: text, location: location) }
        let scalars = Array(text.unicodeScalars)
        var index = 0
        do {
            let parts = try parseParts(scalars, &index, nested: false, depth: 0, base: location, locate: locate, diagnose: diagnose)
            return Template(parts: parts, raw: text, location: location)
        } catch {
            diagnose(.error("'${env.NAME:-default}' defaults are nested more than \(Self.maximumNesting) levels deep", at: error.location))
            return Template(literal: text, location: location)
        }
    }

    /// The deepest nesting of defaults accepted: each level costs a pass over the text (and the
    /// stack), so thousands of levels would make loading quadratic.
    public static let maximumNesting = 32

    /// Thrown where a default would nest past `maximumNesting`.
    private struct NestingTooDeep: Error {
        let location: SourceLocation
    }

    private func parseParts(
        _ scalars: [Unicode.Scalar], _ index: inout Int, nested: Bool, depth: Int, base: SourceLocation,
        locate: Locator?, diagnose: (Diagnostic) -> Void
    ) throws(NestingTooDeep) -> [Template.Part] {
        var parts: [Template.Part] = []
        var literal = String.UnicodeScalarView()
        func flush() {
            if !literal.isEmpty { parts.append(.literal(String(literal))); literal = String.UnicodeScalarView() }
        }
        while index < scalars.count {
            let scalar = scalars[index]
            if nested && scalar == "}" { break }
            guard scalar == "$", index + 1 < scalars.count else {
                literal.append(scalar)
                index += 1
                continue
            }
            let next = scalars[index + 1]
            if next == "$" {
                literal.append("$")
                index += 2
                continue
            }
            guard next == "{" else {
                literal.append(scalar)
                index += 1
                continue
            }
            let start = index
            let here = locate?(start) ?? base
            index += 2
            var nameScalars = String.UnicodeScalarView()
            while index < scalars.count, scalars[index] != "}",
                !(scalars[index] == ":" && index + 1 < scalars.count && scalars[index + 1] == "-")
            {
                nameScalars.append(scalars[index])
                index += 1
            }
            let name = String(nameScalars)
            guard index < scalars.count else {
                diagnose(.error("'${' is not closed; write '$${' for a literal '${'", at: here))
                literal.append(contentsOf: scalars[start...])
                break
            }
            var fallback: Template?
            if scalars[index] == ":" {
                guard depth < Self.maximumNesting else { throw NestingTooDeep(location: here) }
                index += 2
                let innerStart = index
                let inner = try parseParts(scalars, &index, nested: true, depth: depth + 1, base: base, locate: locate, diagnose: diagnose)
                let raw = String(String.UnicodeScalarView(scalars[innerStart..<min(index, scalars.count)]))
                fallback = Template(parts: inner, raw: raw, location: here)
                guard index < scalars.count else {
                    diagnose(.error("'${' is not closed; write '$${' for a literal '${'", at: here))
                    break
                }
            }
            index += 1
            if name.hasPrefix("env.") {
                let variable = String(name.dropFirst(4))
                if Self.isEnvironmentName(variable) {
                    flush()
                    parts.append(.environment(variable, default: fallback, here))
                    continue
                }
                diagnose(.error("'${\(name)}' is not a valid environment reference; write ${env.NAME} or ${env.NAME:-default}", at: here))
            } else if fallback != nil {
                diagnose(.error("a default (':-') is only allowed for environment references: ${env.\(name):-…}", at: here))
            } else if name.hasPrefix(Self.portPrefix) {
                if Self.isPortName(String(name.dropFirst(Self.portPrefix.count))) {
                    flush()
                    parts.append(.variable(name, here))
                    continue
                }
                diagnose(.error("'${\(name)}' is not a valid port reference; a port name is [a-z][a-z0-9_]*, e.g. ${port.web}", at: here))
            } else if Self.isVariableName(name) {
                flush()
                parts.append(.variable(name, here))
                continue
            } else {
                diagnose(
                    .error(
                        "'${\(name)}' is not a valid reference; names are [A-Za-z_][A-Za-z0-9_]* (write '$${' for a literal '${')", at: here
                    ))
            }
            literal.append(contentsOf: scalars[start..<index])
        }
        flush()
        return parts
    }

    /// True for `[A-Za-z_][A-Za-z0-9_]*`.
    public static func isVariableName(_ name: String) -> Bool {
        var bytes = name.utf8.makeIterator()
        guard let first = bytes.next(), first == UInt8(ascii: "_") || isASCIILetter(first) else { return false }
        while let byte = bytes.next() {
            guard byte == UInt8(ascii: "_") || isASCIILetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else {
                return false
            }
        }
        return true
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    /// True for `[a-z][a-z0-9_]*`, the names of `${port.NAME}`.
    public static func isPortName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCII, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && (("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_") }
    }

    /// The port name of a reference (`port.web` → `web`), nil for any other name.
    public static func portName(of reference: String) -> String? {
        reference.hasPrefix(portPrefix) ? String(reference.dropFirst(portPrefix.count)) : nil
    }

    /// Environment names follow the same rule as var names.
    public static func isEnvironmentName(_ name: String) -> Bool { isVariableName(name) }
}
