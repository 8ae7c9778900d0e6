/// Composes libyaml events into `Node`s, resolving aliases and collecting composition problems.
///
/// Children are gathered on two stacks shared by every level and copied once into an array of
/// exactly their number when their collection ends, so that a collection costs one allocation
/// and no growth slack.
struct TreeBuilder {
    private let parser: YAMLEventParser
    private let fileID: Int32
    private let maximumExpandedNodes: Int
    private let maximumDepth: Int
    private var anchors: [String: (node: Node, size: Int)] = [:]
    /// Items of the sequences and pairs of the mappings being built, innermost last.
    private let itemStack = MoveStack<Node>()
    private let pairStack = MoveStack<Node.Pair>()
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
                    diagnostics.append(
                        .error(
                            "a second YAML document starts here; a runbook file holds exactly one document",
                            at: location(event)))
                    return root
                }
                sawDocument = true
                let first = try parser.next()
                var size = 0
                root = try build(first, size: &size)
            default:
                return root
            }
        }
    }

    private func location(_ event: YAMLEvent) -> SourceLocation {
        SourceLocation(fileID: fileID, line: event.startLine + 1, column: event.startColumn + 1)
    }

    /// Builds the node that starts with `event`; adds its expanded size to `size`.
    private mutating func build(_ event: YAMLEvent, size: inout Int) throws(YAMLSyntaxError) -> Node {
        let here = location(event)
        switch event.kind {
        case .alias(let anchor):
            guard let target = anchors[anchor] else {
                diagnostics.append(.error("alias '*\(anchor)' names no anchor defined before it", at: here))
                rejectedLocations.insert(here)
                size += 1
                return Node(.scalar("", .plain), at: here, endLine: nil, nodeTag: .rejected)
            }
            expandedNodes += target.size
            if expandedNodes > maximumExpandedNodes {
                diagnostics.append(.error("aliases expand to more than \(maximumExpandedNodes) nodes; refusing to load", at: here))
                throw YAMLSyntaxError(
                    problem: "alias expansion limit", problemLine: -1, problemColumn: event.startColumn, context: nil, contextLine: 0,
                    contextColumn: 0, byteOffset: nil)
            }
            var node = target.node
            node.location = here
            node.endLine = here.line
            size += target.size
            return node
        case .scalar(let value, let style, let anchor, let tag):
            expandedNodes += 1
            if event.endLine > event.startLine {
                for line in (event.startLine + 2)...(event.endLine + 1) { multilineScalarLines.insert(line) }
                if style == .singleQuoted || style == .doubleQuoted { lastMultilineQuoted = (here, event.endLine + 1) }
            }
            let node = Node(.scalar(value, style), at: here, endLine: event.endLine + 1, nodeTag: checkedTag(tag, at: here, value: value))
            remember(anchor, node, size: 1)
            size += 1
            return node
        case .sequenceStart(let anchor, let tag):
            try enter(at: event)
            defer { depth -= 1 }
            let base = itemStack.count
            var ownSize = 1
            while true {
                let next = try parser.next()
                if case .sequenceEnd = next.kind {
                    let items = itemStack.popArray(from: base)
                    let node = Node(.sequence(items), at: here, endLine: next.endLine + 1, nodeTag: checkedTag(tag, at: here, value: nil))
                    remember(anchor, node, size: ownSize)
                    size += ownSize
                    return node
                }
                let item = try build(next, size: &ownSize)
                itemStack.push(item)
            }
        case .mappingStart(let anchor, let tag):
            try enter(at: event)
            defer { depth -= 1 }
            let base = pairStack.count
            var keyLines: [String: Int]?
            var ownSize = 1
            while true {
                let next = try parser.next()
                if case .mappingEnd = next.kind {
                    let pairs = pairStack.popArray(from: base)
                    let node = Node(.mapping(pairs), at: here, endLine: next.endLine + 1, nodeTag: checkedTag(tag, at: here, value: nil))
                    remember(anchor, node, size: ownSize)
                    size += ownSize
                    return node
                }
                let key = try build(next, size: &ownSize)
                let value = try build(try parser.next(), size: &ownSize)
                if case .scalar(let name, let style) = key.content {
                    if style == .plain && name == "<<" {
                        diagnostics.append(
                            .error(
                                "YAML merge keys ('<<') are not supported; write the keys out (an alias of a whole value works)",
                                at: key.location))
                    } else if let firstLine = Self.firstLine(of: name, at: key.location.line, in: pairStack, from: base, index: &keyLines) {
                        diagnostics.append(.error("duplicate key '\(name)' (first set on line \(firstLine))", at: key.location))
                    }
                }
                pairStack.push(Node.Pair(key: key, value: value))
            }
        default:
            let problem = YAMLSyntaxError(
                problem: "unexpected event", problemLine: event.startLine, problemColumn: event.startColumn,
                context: nil, contextLine: 0, contextColumn: 0, byteOffset: nil)
            throw problem
        }
    }

    /// The line of an earlier key `name` among `pairs`: a linear scan for small maps, an index for large ones.
    private static func firstLine(
        of name: String, at line: Int, in pairs: MoveStack<Node.Pair>, from base: Int, index: inout [String: Int]?
    ) -> Int? {
        if pairs.count - base < 32 {
            for position in base..<pairs.count {
                if case .scalar(let key, _) = pairs[position].key.content, key == name { return pairs[position].key.location.line }
            }
            return nil
        }
        if index == nil {
            var built: [String: Int] = [:]
            for position in base..<pairs.count {
                let key = pairs[position].key
                if case .scalar(let text, _) = key.content, built[text] == nil { built[text] = key.location.line }
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
            throw YAMLSyntaxError(
                problem: "nesting limit", problemLine: -1, problemColumn: event.startColumn, context: nil, contextLine: 0, contextColumn: 0,
                byteOffset: nil)
        }
    }

    private mutating func remember(_ anchor: String?, _ node: Node, size: Int) {
        guard let anchor else { return }
        anchors[anchor] = (node, size)
    }

    /// Resolves core tags (`!!name`); reports any other tag, suggesting quotes.
    private mutating func checkedTag(_ tag: String?, at location: SourceLocation, value: String?) -> NodeTag {
        guard let tag, tag != "!" else { return .none }
        let corePrefix = "tag:yaml.org,2002:"
        if tag.hasPrefix(corePrefix) {
            let name = String(tag.dropFirst(corePrefix.count))
            let resolved = NodeTag("!!" + name)
            if resolved != .rejected { return resolved }
            diagnostics.append(
                .error("tag '!!\(name)' is not supported; use !!str, !!int, !!float, !!bool, !!null, !!map or !!seq", at: location))
            rejectedLocations.insert(location)
            return .rejected
        }
        let written = tag.hasPrefix("!") ? tag : "!<\(tag)>"
        let text = [written, value].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        diagnostics.append(.error("unknown tag '\(written)'; to write text that starts with '!', quote it: \"\(text)\"", at: location))
        rejectedLocations.insert(location)
        return .rejected
    }

    /// Marks a node whose tag was already reported, so that readers do not report it again as empty.
    static let rejectedTag = "!rejected"
}
