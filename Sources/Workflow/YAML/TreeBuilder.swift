/// Composes libyaml events into `Node`s, resolving aliases and collecting composition problems.
struct TreeBuilder {
    private let parser: YAMLEventParser
    private let fileID: Int32
    private let maximumExpandedNodes: Int
    private let maximumDepth: Int
    private var anchors: [String: (node: Node, size: Int)] = [:]
    private var expandedNodes = 0
    private var depth = 0
    /// Problems found so far.
    var diagnostics: [Diagnostic] = []
    /// 1-based lines that lie inside a block or multi-line scalar (their tabs are content).
    var multilineScalarLines: Set<Int> = []
    /// The latest quoted scalar that spans several lines: where it opened and the 1-based line where it closed.
    /// A syntax error on that closing line most likely means the quote was not closed where it should have been.
    var lastMultilineQuoted: (start: SourceLocation, endLine: Int)?
    /// Positions of nodes already reported (undefined alias, rejected tag): readers add no second error there.
    var rejectedLocations: Set<SourceLocation> = []

    init(parser: YAMLEventParser, file: String, maximumExpandedNodes: Int, maximumDepth: Int) {
        self.parser = parser
        self.fileID = FileNameTable.shared.id(for: file)
        self.maximumExpandedNodes = maximumExpandedNodes
        self.maximumDepth = maximumDepth
    }

    /// Reads the whole stream and returns the first document's root; a second document is an error.
    mutating func buildDocument() throws(YAMLSyntaxError) -> Node? {
        var root: Node?
        var sawDocument = false
        while true {
            let event = try parser.next()
            switch event.kind {
            case .streamStart, .documentEnd:
                continue
            case .streamEnd:
                return root
            case .documentStart:
                if sawDocument {
                    diagnostics.append(.error(
                        "a second YAML document starts here; a runbook file holds exactly one document",
                        at: location(event)))
                    return root
                }
                sawDocument = true
                let first = try parser.next()
                root = try build(first).node
            default:
                return root
            }
        }
    }

    private func location(_ event: YAMLEvent) -> SourceLocation {
        SourceLocation(fileID: fileID, line: event.startLine + 1, column: event.startColumn + 1)
    }

    /// Builds the node that starts with `event`; returns it with its expanded size.
    private mutating func build(_ event: YAMLEvent) throws(YAMLSyntaxError) -> (node: Node, size: Int) {
        let here = location(event)
        switch event.kind {
        case .alias(let anchor):
            guard let target = anchors[anchor] else {
                diagnostics.append(.error("alias '*\(anchor)' names no anchor defined before it", at: here))
                rejectedLocations.insert(here)
                return (Node(.scalar("", .plain), at: here, tag: Self.rejectedTag), 1)
            }
            expandedNodes += target.size
            if expandedNodes > maximumExpandedNodes {
                diagnostics.append(.error("aliases expand to more than \(maximumExpandedNodes) nodes; refusing to load", at: here))
                throw YAMLSyntaxError(problem: "alias expansion limit", problemLine: -1, problemColumn: event.startColumn, context: nil, contextLine: 0, contextColumn: 0, byteOffset: nil)
            }
            var node = target.node
            node.location = here
            node.endLine = here.line
            return (node, target.size)
        case .scalar(let value, let style, let anchor, let tag):
            expandedNodes += 1
            if event.endLine > event.startLine {
                for line in (event.startLine + 2)...(event.endLine + 1) { multilineScalarLines.insert(line) }
                if style == .singleQuoted || style == .doubleQuoted { lastMultilineQuoted = (here, event.endLine + 1) }
            }
            let node = Node(.scalar(value, style), at: here, endLine: event.endLine + 1, tag: checkedTag(tag, at: here, value: value))
            remember(anchor, node, size: 1)
            return (node, 1)
        case .sequenceStart(let anchor, let tag):
            try enter(at: event)
            defer { depth -= 1 }
            var items: [Node] = []
            var size = 1
            while true {
                let next = try parser.next()
                if case .sequenceEnd = next.kind {
                    let node = Node(.sequence(items), at: here, endLine: next.endLine + 1, tag: checkedTag(tag, at: here, value: nil))
                    remember(anchor, node, size: size)
                    return (node, size)
                }
                let item = try build(next)
                items.append(item.node)
                size += item.size
            }
        case .mappingStart(let anchor, let tag):
            try enter(at: event)
            defer { depth -= 1 }
            var pairs: [Node.Pair] = []
            var keyLines: [String: Int]?
            var size = 1
            while true {
                let next = try parser.next()
                if case .mappingEnd = next.kind {
                    let node = Node(.mapping(pairs), at: here, endLine: next.endLine + 1, tag: checkedTag(tag, at: here, value: nil))
                    remember(anchor, node, size: size)
                    return (node, size)
                }
                let key = try build(next)
                let value = try build(try parser.next())
                if case .scalar(let name, let style) = key.node.content {
                    if style == .plain && name == "<<" {
                        diagnostics.append(.error(
                            "YAML merge keys ('<<') are not supported; write the keys out (an alias of a whole value works)",
                            at: key.node.location))
                    } else if let firstLine = Self.firstLine(of: name, at: key.node.location.line, in: pairs, index: &keyLines) {
                        diagnostics.append(.error("duplicate key '\(name)' (first set on line \(firstLine))", at: key.node.location))
                    }
                }
                pairs.append(Node.Pair(key: key.node, value: value.node))
                size += key.size + value.size
            }
        default:
            let problem = YAMLSyntaxError(
                problem: "unexpected event", problemLine: event.startLine, problemColumn: event.startColumn,
                context: nil, contextLine: 0, contextColumn: 0, byteOffset: nil)
            throw problem
        }
    }

    /// The line of an earlier key `name` among `pairs`: a linear scan for small maps, an index for large ones.
    private static func firstLine(of name: String, at line: Int, in pairs: [Node.Pair], index: inout [String: Int]?) -> Int? {
        if pairs.count < 32 {
            for pair in pairs {
                if case .scalar(let key, _) = pair.key.content, key == name { return pair.key.location.line }
            }
            return nil
        }
        if index == nil {
            var built: [String: Int] = [:]
            for pair in pairs {
                if case .scalar(let key, _) = pair.key.content, built[key] == nil { built[key] = pair.key.location.line }
            }
            index = built
            if let first = built[name] { return first }
            index?[name] = line
            return nil
        }
        if let line = index?[name] { return line }
        index?[name] = line
        return nil
    }

    private mutating func enter(at event: YAMLEvent) throws(YAMLSyntaxError) {
        depth += 1
        expandedNodes += 1
        if depth > maximumDepth {
            diagnostics.append(.error("nesting deeper than \(maximumDepth) levels", at: location(event)))
            throw YAMLSyntaxError(problem: "nesting limit", problemLine: -1, problemColumn: event.startColumn, context: nil, contextLine: 0, contextColumn: 0, byteOffset: nil)
        }
    }

    private mutating func remember(_ anchor: String?, _ node: Node, size: Int) {
        guard let anchor else { return }
        anchors[anchor] = (node, size)
    }

    /// Shortens core tags to `!!name`; reports any other tag, suggesting quotes.
    private mutating func checkedTag(_ tag: String?, at location: SourceLocation, value: String?) -> String? {
        guard let tag, tag != "!" else { return nil }
        let corePrefix = "tag:yaml.org,2002:"
        if tag.hasPrefix(corePrefix) {
            let name = String(tag.dropFirst(corePrefix.count))
            if ["str", "int", "float", "bool", "null", "map", "seq"].contains(name) { return "!!" + name }
            diagnostics.append(.error("tag '!!\(name)' is not supported; use !!str, !!int, !!float, !!bool, !!null, !!map or !!seq", at: location))
            rejectedLocations.insert(location)
            return Self.rejectedTag
        }
        let written = tag.hasPrefix("!") ? tag : "!<\(tag)>"
        let text = [written, value].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        diagnostics.append(.error("unknown tag '\(written)'; to write text that starts with '!', quote it: \"\(text)\"", at: location))
        rejectedLocations.insert(location)
        return Self.rejectedTag
    }

    /// Marks a node whose tag was already reported, so that readers do not report it again as empty.
    static let rejectedTag = "!rejected"
}
