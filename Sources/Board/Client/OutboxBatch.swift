/// Lines of an outbox to push, numbered: the body of one `POST /api/v1/journal`.
struct OutboxBatch: Sendable {
    /// The seq of the first line.
    var firstSeq: Int
    /// The records, each a JSON object without its seq.
    var lines: [[UInt8]]

    /// The seq of the last line.
    var lastSeq: Int { firstSeq + lines.count - 1 }

    /// The request body: each record with `"seq"` put first, one per line.
    var body: [UInt8] {
        var body: [UInt8] = []
        for (index, line) in lines.enumerated() {
            body += Array("{\"seq\":\(firstSeq + index)".utf8)
            let rest = line.dropFirst()
            if rest.first != UInt8(ascii: "}") { body.append(UInt8(ascii: ",")) }
            body += rest
            body.append(0x0A)
        }
        return body
    }
}
