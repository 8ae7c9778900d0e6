/// One libyaml parse event, copied out of C into Swift values.
struct YAMLEvent {
    /// The kind of event and its payload.
    enum Kind {
        case streamStart
        case streamEnd
        case documentStart
        case documentEnd
        case alias(anchor: String)
        case scalar(value: String, style: ScalarStyle, anchor: String?, tag: String?)
        case sequenceStart(anchor: String?, tag: String?)
        case sequenceEnd
        case mappingStart(anchor: String?, tag: String?)
        case mappingEnd
    }

    /// What happened.
    var kind: Kind
    /// 0-based line where the event starts.
    var startLine: Int
    /// 0-based column (in Unicode scalars) where the event starts.
    var startColumn: Int
    /// 0-based line where the event ends.
    var endLine: Int
}
