import Foundation
import Text

/// A jq-style path (SPEC 6.5, 6.11): `.`, `.name`, `."a.b"`, `[0]`, `[-1]`, `[]`, filters
/// `[?(.FIELD == V)]` and `[?(.FIELD != V)]`, chained (`.State.Health.Status`,
/// `."80/tcp"[0].HostPort`, `.Networks[].Aliases`, `.Containers[?(.Name == "web")].IPv4Address`).
public struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    /// One step of a path.
    public enum Segment: Sendable, Hashable {
        /// An object's member.
        case key(String)
        /// An array's element; negative counts from the end.
        case index(Int)
        /// Every element of an array, or every value of an object.
        case each
        /// The elements of an array (or values of an object) whose field has, or has not, a text.
        case filter(JSONPathFilter)
    }

    /// What a path found.
    public enum Lookup: Sendable, Hashable {
        /// The value at the path.
        case found(JSONValue)
        /// Why there is none: "path .x.y not found (.x has keys a, b)".
        case missing(String)
    }

    /// The steps, in order (empty for `.`).
    public var segments: [Segment]
    /// The path as written.
    public var text: String

    /// Parses `text`; the error's `offset` counts Unicode scalars from the start of the text.
    public init(parsing text: String) throws(JSONPathError) {
        self.text = text
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var segments: [Segment] = []
        func fail(_ reason: String) -> JSONPathError { JSONPathError(reason: reason, offset: min(index, scalars.count)) }
        guard !scalars.isEmpty else { throw JSONPathError(reason: "the path is empty; `.` is the whole document", offset: 0) }
        while index < scalars.count {
            switch scalars[index] {
            case ".":
                index += 1
                guard index < scalars.count else {
                    if segments.isEmpty && scalars.count == 1 { break }
                    throw fail("a '.' must be followed by a name, a quoted key or '['")
                }
                if scalars[index] == "[" { continue }
                if scalars[index] == "\"" {
                    segments.append(.key(try Self.quotedKey(scalars, &index)))
                } else {
                    let start = index
                    while index < scalars.count, Self.isNameScalar(scalars[index], first: index == start) { index += 1 }
                    guard index > start else { throw fail("expected a name after '.'; quote other keys: .\"80/tcp\"") }
                    segments.append(.key(String(String.UnicodeScalarView(scalars[start..<index]))))
                }
            case "[":
                index += 1
                if index < scalars.count, scalars[index] == "?" {
                    segments.append(.filter(try JSONPathFilter(parsing: scalars, at: &index)))
                    continue
                }
                if index < scalars.count, scalars[index] == "]" {
                    index += 1
                    segments.append(.each)
                    continue
                }
                let start = index
                if index < scalars.count, scalars[index] == "-" { index += 1 }
                while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
                guard let number = Int(String(String.UnicodeScalarView(scalars[start..<index]))) else {
                    throw JSONPathError(reason: "expected an index such as [0] or [-1], or [] for every element", offset: start)
                }
                guard index < scalars.count, scalars[index] == "]" else { throw fail("expected ']'") }
                index += 1
                segments.append(.index(number))
            default:
                throw fail(
                    segments.isEmpty ? "a path starts with '.' or '[', e.g. .State.Running" : "expected '.', '[' or the end of the path")
            }
        }
        self.segments = segments
    }

    /// `"a\"b"` at `index` (on its opening quote); leaves `index` after the closing quote.
    static func quotedKey(_ scalars: [Unicode.Scalar], _ index: inout Int) throws(JSONPathError) -> String {
        let opening = index
        index += 1
        var key = String.UnicodeScalarView()
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\"" {
                index += 1
                return String(key)
            }
            if scalar == "\\", index + 1 < scalars.count {
                key.append(scalars[index + 1])
                index += 2
                continue
            }
            key.append(scalar)
            index += 1
        }
        throw JSONPathError(reason: "the quoted key is not closed", offset: opening)
    }

    /// Whether `scalar` may be in a bare key (`first`: at its start).
    static func isNameScalar(_ scalar: Unicode.Scalar, first: Bool) -> Bool {
        guard scalar.isASCII else { return false }
        if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_" { return true }
        return !first && ("0"..."9").contains(scalar)
    }

    /// The value at this path in `document`.
    public func lookup(in document: JSONValue) -> Lookup {
        Self.lookup(segments[...], in: document, walked: "")
    }

    static func lookup(_ rest: ArraySlice<Segment>, in node: JSONValue, walked: String = "") -> Lookup {
        guard let segment = rest.first else { return .found(node) }
        let here = walked.isEmpty ? "." : walked
        switch (segment, node) {
        case (.key(let key), .object(let members)):
            let step = walked + "." + quotedIfNeeded(key)
            guard let member = members.first(where: { $0.key == key }) else {
                let keys = members.map(\.key)
                let listing =
                    keys.isEmpty ? "has no keys" : "has keys " + keys.prefix(20).joined(separator: ", ") + (keys.count > 20 ? ", …" : "")
                return .missing("path \(step + render(rest.dropFirst())) not found (\(here) \(listing))")
            }
            return lookup(rest.dropFirst(), in: member.value, walked: step)
        case (.index(let position), .array(let items)):
            let step = walked + "[\(position)]"
            let resolved = position < 0 ? items.count + position : position
            guard items.indices.contains(resolved) else {
                return .missing(
                    "path \(step + render(rest.dropFirst())) not found (\(here) has \(items.count) element\(items.count == 1 ? "" : "s"))")
            }
            return lookup(rest.dropFirst(), in: items[resolved], walked: step)
        case (.each, .array(let items)):
            return each(items, rest: rest.dropFirst(), walked: walked + "[]")
        case (.each, .object(let members)):
            return each(members.map(\.value), rest: rest.dropFirst(), walked: walked + "[]")
        case (.filter(let filter), .array(let items)):
            return filtered(items, by: filter, rest: rest.dropFirst(), walked: walked, here: here)
        case (.filter(let filter), .object(let members)):
            return filtered(members.map(\.value), by: filter, rest: rest.dropFirst(), walked: walked, here: here)
        default:
            return .missing("path \(walked + render(rest)) not found (\(here) is \(node.kindName))")
        }
    }

    /// `[]`: the rest of the path applied to every element; elements where it finds nothing are left out.
    private static func each(_ items: [JSONValue], rest: ArraySlice<Segment>, walked: String) -> Lookup {
        var found: [JSONValue] = []
        for item in items {
            if case .found(let value) = lookup(rest, in: item, walked: walked) { found.append(value) }
        }
        return .found(.array(found))
    }

    /// A filter: the rest of the path applied to every item kept, as jq's `select` gives a stream:
    /// one value found is that value, several an array, none a path not found.
    private static func filtered(
        _ items: [JSONValue], by filter: JSONPathFilter, rest: ArraySlice<Segment>, walked: String, here: String
    ) -> Lookup {
        let step = walked + filter.description
        var found: [JSONValue] = []
        for item in items where filter.keeps(item) {
            if case .found(let value) = lookup(rest, in: item, walked: step) { found.append(value) }
        }
        if found.count == 1 { return .found(found[0]) }
        if found.isEmpty {
            return .missing("path \(step + render(rest)) not found (no item of \(here) has \(filter.condition))")
        }
        return .found(.array(found))
    }

    /// `segments` written as a path.
    static func render(_ segments: ArraySlice<Segment>) -> String {
        segments.map { segment in
            switch segment {
            case .key(let key): "." + quotedIfNeeded(key)
            case .index(let position): "[\(position)]"
            case .each: "[]"
            case .filter(let filter): filter.description
            }
        }.joined()
    }

    /// `key` bare when it can be, else quoted.
    static func quotedIfNeeded(_ key: String) -> String {
        let plain = !key.isEmpty && key.unicodeScalars.enumerated().allSatisfy { isNameScalar($1, first: $0 == 0) }
        return plain ? key : "\"" + key.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The path as written.
    public var description: String { text }

    /// `value` escaped for a quoted key of a path (`"` and `\`), as `${…}` values are inserted.
    public static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
