import Text
import Workflow

/// What `runbook schema` says an `http:` value looks like.
extension HTTPCommandKind {
    /// A URL, or `{ url, method, headers, body, follow_redirects, insecure, from }`.
    public var valueSchema: JSONValue {
        let method: JSONValue = .object([
            "type": .string("string"),
            "pattern": .string("^(" + HTTPMethodName.allowed.map(Self.anyCase).joined(separator: "|") + ")$"),
            "description": .string("one of " + HTTPMethodName.allowed.joined(separator: " ") + ", in any case"),
        ])
        let headers = SchemaBuilder.map(
            keys: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$", values: SchemaBuilder.text, description: "header name: value (substituted)")
        let from: JSONValue = .object([
            "description": .string("make the request from inside: a container's network namespace, or a container joined to a network"),
            "oneOf": .array([
                SchemaBuilder.object(["container": SchemaBuilder.text], required: ["container"]),
                SchemaBuilder.object(["network": SchemaBuilder.text], required: ["network"]),
            ]),
        ])
        return .object([
            "description": .string("`http`: a URL (GET), or a request { url, method, headers, body, follow_redirects, insecure, from }"),
            "anyOf": .array([
                SchemaBuilder.text,
                SchemaBuilder.object(
                    [
                        "url": SchemaBuilder.text, "method": method, "headers": headers, "body": SchemaBuilder.text,
                        "follow_redirects": SchemaBuilder.boolean, "insecure": SchemaBuilder.boolean, "from": from,
                    ], required: ["url"]),
            ]),
        ])
    }

    /// `get` as `[Gg][Ee][Tt]`: ECMA-262 patterns have no case-insensitive flag.
    private static func anyCase(_ word: String) -> String {
        word.map { "[\($0.uppercased())\($0.lowercased())]" }.joined()
    }
}
