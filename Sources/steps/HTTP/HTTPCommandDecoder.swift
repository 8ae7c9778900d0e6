import Workflow

/// Reads the value of an `http:` key, a URL or a map (SPEC 6.3), into a `Command` whose options
/// hold the parts, recording every problem at its position.
struct HTTPCommandDecoder {
    /// The kind's key, for messages.
    let key: String

    /// The command, or nil when the value cannot be used.
    func decode(_ value: Node, at location: SourceLocation, reader: inout NodeReader) -> Command? {
        switch value.content {
        case .scalar:
            guard let url = self.url(value, reader: &reader) else { return nil }
            return Command(key: key, options: [CommandOption(name: HTTPOption.url, value: url)], location: location)
        case .sequence:
            let keys = HTTPOption.keys.joined(separator: ", ")
            reader.error("\(key) takes a URL or a map { \(keys) }, found a list", at: value.location)
            return nil
        case .mapping:
            return decodeMap(value, at: location, reader: &reader)
        }
    }

    /// `{ url, method, headers, body, follow_redirects, insecure }`, options kept in the order written.
    private func decodeMap(_ value: Node, at location: SourceLocation, reader: inout NodeReader) -> Command? {
        guard let pairs = reader.mapping(value, "\(key) request", keys: HTTPOption.keys) else { return nil }
        var options: [CommandOption] = []
        var usable = true
        var hasURL = false
        for pair in pairs {
            guard let name = pair.key.scalarValue, HTTPOption.keys.contains(name) else { continue }
            let node = pair.value
            var found: [CommandOption]?
            switch name {
            case HTTPOption.url:
                hasURL = true
                found = url(node, reader: &reader).map { [CommandOption(name: name, value: $0)] }
            case HTTPOption.method: found = method(node, reader: &reader).map { [$0] }
            case HTTPOption.headers: found = headers(node, reader: &reader)
            case HTTPOption.body: found = body(node, reader: &reader).map { [CommandOption(name: name, value: $0)] }
            case HTTPOption.from: found = from(node, reader: &reader)
            default:
                found = reader.bool(node, name).map { flag in
                    [CommandOption(name: name, value: Template(literal: String(flag), location: node.location))]
                }
            }
            if let found { options += found } else { usable = false }
        }
        if !hasURL {
            let example = "`\(key): { url: http://127.0.0.1:8080/, method: POST }`"
            reader.error("an \(key) request needs a `url`, e.g. \(example)", at: value.location)
            return nil
        }
        guard usable else { return nil }
        var command = Command(key: key, options: options, location: location)
        // From inside a container or network, the request needs the learner's engine.
        if options.contains(where: { $0.name.hasPrefix(HTTPOption.from + ".") }) { command.backend = "docker" }
        return command
    }

    /// `from: { container: NAME }` or `from: { network: NET }` (SPEC 12.2): exactly one, substituted.
    private func from(_ node: Node, reader: inout NodeReader) -> [CommandOption]? {
        guard let pairs = reader.mapping(node, "from", keys: HTTPOption.fromKeys) else { return nil }
        var options: [CommandOption] = []
        var usable = true
        for pair in pairs {
            guard let name = pair.key.scalarValue, HTTPOption.fromKeys.contains(name) else { continue }
            guard let value = reader.template(pair.value, "from \(name)") else { usable = false; continue }
            options.append(CommandOption(name: HTTPOption.from + "." + name, value: value))
        }
        guard usable else { return nil }
        if options.count > 1 {
            reader.error(
                "`from:` takes `container` (make the request in that container's network namespace) or `network` (from a "
                    + "container joined to that network), not both", at: node.location)
            return nil
        }
        if options.isEmpty, pairs.isEmpty {
            reader.error(
                "`from:` needs `container: NAME` or `network: NET`, e.g. `from: { network: \"${learner}-net\" }`", at: node.location)
            return nil
        }
        return options.isEmpty ? nil : options
    }

    /// The URL as a template; a literal scheme other than http(s) is an error.
    private func url(_ node: Node, reader: inout NodeReader) -> Template? {
        guard let url = reader.template(node, "the \(key) URL") else { return nil }
        if let problem = HTTPSyntax.problem(withWritten: url) {
            reader.error(problem, at: node.location)
            return nil
        }
        return url
    }

    /// The method, upper-cased; never substituted.
    private func method(_ node: Node, reader: inout NodeReader) -> CommandOption? {
        guard let text = reader.text(node, "method") else { return nil }
        guard let method = HTTPMethodName.normalized(text) else {
            var message = "unknown HTTP method '\(text)'"
            if let suggestion = HTTPMethodName.suggestion(for: text) { message += "; did you mean '\(suggestion)'?" }
            reader.error(message + " (allowed: " + HTTPMethodName.allowed.joined(separator: ", ") + ")", at: node.location)
            return nil
        }
        return CommandOption(name: HTTPOption.method, value: Template(literal: method, location: node.location))
    }

    /// One `header.NAME` option per header; names must be tokens, unique whatever their case.
    private func headers(_ node: Node, reader: inout NodeReader) -> [CommandOption]? {
        guard let pairs = node.mappingPairs else {
            reader.error("headers must be a map of name: value, found \(node.kindDescription)", at: node.location)
            return nil
        }
        var options: [CommandOption] = []
        var seen: [String: String] = [:]
        var usable = true
        for pair in pairs {
            guard let name = reader.text(pair.key, "a header name") else { usable = false; continue }
            if !HTTPSyntax.isToken(name) {
                let rule = "use letters, digits and !#$%&'*+-.^_`|~ only, no spaces or colons"
                reader.error("'\(name)' is not a valid header name: \(rule)", at: pair.key.location)
                usable = false
            } else if let earlier = seen[name.lowercased()] {
                reader.error("header '\(name)' is given twice (also as '\(earlier)'); header names ignore case", at: pair.key.location)
                usable = false
            }
            seen[name.lowercased()] = seen[name.lowercased()] ?? name
            guard let value = reader.template(pair.value, "header \(name)") else { usable = false; continue }
            let written = value.parts.compactMap { if case .literal(let text) = $0 { text } else { nil } }.joined()
            if let problem = HTTPSyntax.problem(withHeaderValue: written, name: name) {
                reader.error(problem, at: pair.value.location)
                usable = false
            }
            options.append(CommandOption(name: HTTPOption.headerPrefix + name, value: value))
        }
        return usable ? options : nil
    }

    /// The body: text sent as written; a YAML map or list is an error that says to quote it.
    private func body(_ node: Node, reader: inout NodeReader) -> Template? {
        if node.mappingPairs != nil || node.sequenceItems != nil {
            reader.error(
                "body must be text, found \(node.kindDescription); quote a JSON body: body: '{\"name\": \"value\"}'", at: node.location)
            return nil
        }
        return reader.template(node, "body")
    }
}
