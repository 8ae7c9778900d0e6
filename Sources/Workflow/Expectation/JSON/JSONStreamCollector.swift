import Text

/// Keeps a stream's raw bytes for the checks that need it whole: `json` matchers and JSON
/// captures (raw, so that a document on one line longer than the 1 MiB line limit stays whole).
/// Bounded: past `limit` bytes it stops keeping and says so.
final class JSONStreamCollector: @unchecked Sendable {
    /// The most bytes kept.
    static let limit = 64 << 20
    private var bytes: [UInt8] = []
    private var overflowed = false
    private var parsed: Result<JSONValue, JSONSyntaxError>?

    /// Appends a chunk of the stream as it arrived.
    func append(_ chunk: UnsafeRawBufferPointer) {
        guard !overflowed else { return }
        if bytes.count + chunk.count > Self.limit {
            overflowed = true
            bytes = []
            return
        }
        bytes.append(contentsOf: chunk)
    }

    /// The document the stream holds, parsed once.
    var document: Result<JSONValue, JSONSyntaxError> {
        if let parsed { return parsed }
        let result: Result<JSONValue, JSONSyntaxError>
        if overflowed {
            result = .failure(JSONSyntaxError(reason: "the stream is larger than \(Self.limit >> 20) MiB", line: 1, column: 1))
        } else {
            do throws(JSONSyntaxError) {
                result = .success(try JSONParser.parse(bytes))
            } catch {
                result = .failure(error)
            }
        }
        parsed = result
        bytes = []
        return result
    }
}
