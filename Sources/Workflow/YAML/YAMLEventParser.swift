internal import CYAML

/// Pulls events from libyaml over an in-memory UTF-8 buffer; frees everything in `deinit`.
///
/// It reads the caller's buffer in place (no copy of the file): the buffer must stay valid for
/// as long as the parser is used, e.g. inside `withUnsafeBufferPointer` around the whole parse.
final class YAMLEventParser {
    private let parser: UnsafeMutablePointer<yaml_parser_t>

    /// Prepares a parser over `buffer`, which must outlive it and have an address (also when empty).
    init(buffer: UnsafeBufferPointer<UInt8>) {
        parser = .allocate(capacity: 1)
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// The next event, or a syntax error as libyaml reports it.
    func next() throws(YAMLSyntaxError) -> YAMLEvent {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw currentError() }
        defer { yaml_event_delete(&event) }
        let kind: YAMLEvent.Kind
        switch event.type {
        case YAML_STREAM_START_EVENT: kind = .streamStart
        case YAML_STREAM_END_EVENT: kind = .streamEnd
        case YAML_DOCUMENT_START_EVENT: kind = .documentStart
        case YAML_DOCUMENT_END_EVENT: kind = .documentEnd
        case YAML_ALIAS_EVENT:
            kind = .alias(anchor: Self.string(event.data.alias.anchor) ?? "")
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            kind = .scalar(value: value, style: Self.style(scalar.style), anchor: Self.string(scalar.anchor), tag: Self.string(scalar.tag))
        case YAML_SEQUENCE_START_EVENT:
            kind = .sequenceStart(anchor: Self.string(event.data.sequence_start.anchor), tag: Self.string(event.data.sequence_start.tag))
        case YAML_SEQUENCE_END_EVENT: kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            kind = .mappingStart(anchor: Self.string(event.data.mapping_start.anchor), tag: Self.string(event.data.mapping_start.tag))
        case YAML_MAPPING_END_EVENT: kind = .mappingEnd
        default: kind = .streamEnd
        }
        return YAMLEvent(
            kind: kind,
            startLine: Int(event.start_mark.line), startColumn: Int(event.start_mark.column),
            endLine: Int(event.end_mark.line))
    }

    private func currentError() -> YAMLSyntaxError {
        let state = parser.pointee
        let problem = state.problem.map { String(cString: $0) } ?? "invalid YAML"
        if state.error == YAML_READER_ERROR {
            return YAMLSyntaxError(
                problem: problem, problemLine: 0, problemColumn: 0, context: nil, contextLine: 0, contextColumn: 0,
                byteOffset: Int(state.problem_offset))
        }
        return YAMLSyntaxError(
            problem: problem,
            problemLine: Int(state.problem_mark.line), problemColumn: Int(state.problem_mark.column),
            context: state.context.map { String(cString: $0) },
            contextLine: Int(state.context_mark.line), contextColumn: Int(state.context_mark.column),
            byteOffset: nil)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }

    private static func style(_ style: yaml_scalar_style_t) -> ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}
