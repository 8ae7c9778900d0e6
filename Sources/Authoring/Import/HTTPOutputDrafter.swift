import Foundation
import Text

/// Turns what a tutorial shows under `curl URL` into the expectations of its `http:` step: the
/// status line (`curl -i`, `curl -I`) as `status:`, the content type as a header on stderr (other
/// headers, `Date:` above all, change from run to run and are left out), a JSON body as `json`
/// matchers on stdout (values that change as `exists: true`), any other body as lines on stdout.
struct HTTPOutputDrafter {
    /// The line drafter, for a body that is not JSON.
    let lines: OutputDrafter
    private let volatile = VolatileText(decimals: true)

    /// What `output` says of the response.
    func draft(_ output: [String], relevant: Set<String>) -> (status: Int?, matchers: [DraftMatcher], notes: [String]) {
        var body = output
        var status: Int?
        var matchers: [DraftMatcher] = []
        var notes: [String] = []
        if let first = output.firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }), output[first].hasPrefix("HTTP/") {
            let end = output[first...].firstIndex { $0.allSatisfy(\.isWhitespace) } ?? output.endIndex
            status = output[first].split(separator: " ").dropFirst().first.flatMap { Int($0) }
            var dropped: [String] = []
            for header in output[(first + 1)..<end] {
                guard let colon = header.firstIndex(of: ":") else { continue }
                let name = header[..<colon].lowercased()
                let value = header[header.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                if name == "content-type", let type = value.split(separator: ";").first {
                    matchers.append(DraftMatcher(kind: .contains, value: "content-type: \(type)", stream: "stderr"))
                } else {
                    dropped.append(String(header[..<colon]))
                }
            }
            if !dropped.isEmpty {
                notes.append(
                    "headers that change from server to server or run to run left out: "
                        + dropped.map { "`\($0)`" }.joined(separator: ", "))
            }
            body = Array(output[min(end + 1, output.endIndex)...])
        }
        if let json = json(body) {
            matchers += json.matchers
            notes += json.notes
        } else {
            let drafted = lines.draft(body, relevant: relevant)
            matchers += drafted.matchers.map {
                var matcher = $0; matcher.stream = "stdout"; return matcher
            }
            notes += drafted.notes
        }
        return (status, matchers, notes)
    }

    /// `json` matchers on stdout for output that is one JSON object (or an array of them, as
    /// `docker inspect` prints), at most 8; nil for any other output.
    func json(_ output: [String]) -> (matchers: [DraftMatcher], notes: [String])? {
        guard output.contains(where: { !$0.allSatisfy(\.isWhitespace) }),
            let json = try? JSONParser.parse(Array(output.joined(separator: "\n").utf8))
        else { return nil }
        var found: [DraftMatcher] = []
        switch json {
        case .object: collect(json, path: "", into: &found)
        case .array(let items) where items.count == 1: collect(items[0], path: ".[0]", into: &found)
        default: return nil
        }
        let notes = found.count > 8 ? ["\(found.count - 8) more values of the JSON output left out"] : []
        return (Array(found.prefix(8)), notes)
    }

    /// A `json` matcher per scalar of `value`, three levels deep at most.
    private func collect(_ value: JSONValue, path: String, into matchers: inout [DraftMatcher]) {
        switch value {
        case .object(let object):
            guard path.split(separator: ".").count < 3 else { return }
            for member in object {
                var key = member.key
                if !ShellLine.isName(key) {
                    key = ""
                    JSONValue.writeString(member.key, to: &key)
                }
                collect(member.value, path: path + "." + key, into: &matchers)
            }
        case .array:
            matchers.append(
                DraftMatcher(kind: .json, value: "{ path: \(YAMLScalarWriter.singleQuoted(path)), exists: true }", stream: "stdout"))
        default:
            let text = value.text
            let path = YAMLScalarWriter.singleQuoted(path)
            if let standIn = lines.known.first(where: { $0.text == text }) {
                matchers.append(DraftMatcher(kind: .json, value: "{ path: \(path), equals: \"\(standIn.template)\" }", stream: "stdout"))
            } else if changes(text) {
                let note = "`\(text)` changes from run to run (or from version to version): only that it is there"
                matchers.append(DraftMatcher(kind: .json, value: "{ path: \(path), exists: true }", note: note, stream: "stdout"))
            } else {
                let equals = YAMLScalarWriter.doubleQuoted(text.replacingOccurrences(of: "$", with: "$$"))
                matchers.append(DraftMatcher(kind: .json, value: "{ path: \(path), equals: \(equals) }", stream: "stdout"))
            }
        }
    }

    /// True for a value that another run would not print: an id, a date, a version, a random name (`ijJgBwM`).
    private func changes(_ text: String) -> Bool {
        if volatile.segments(text).contains(where: { if case .volatile = $0 { true } else { false } }) { return true }
        if text.range(of: #"^\d+(\.\d+)+"#, options: .regularExpression) != nil { return true }
        if text.range(of: #"^[0-9a-fA-F]{7,}$"#, options: .regularExpression) != nil, text.contains(where: \.isNumber) { return true }
        if text.range(of: #"^[A-Za-z0-9_-]{6,}$"#, options: .regularExpression) != nil,
            text.range(of: #"[A-Z][a-z][A-Z]|[a-z][A-Z][A-Z]|[a-z][0-9][a-z]|[A-Z][0-9][A-Z]"#, options: .regularExpression) != nil
        {
            return true
        }
        return text.count > 20 && text.range(of: #"^[A-Za-z0-9_-]+$"#, options: .regularExpression) != nil
            && text.contains(where: \.isNumber)
    }
}
