/// The stderr lines a raw-stdout consumer keeps for its message, bounded: lines are kept until
/// 64 KiB have been seen, then dropped.
struct KeptErrorLines: Sendable {
    /// The most bytes kept.
    static let limit = 64 << 10
    private var lines: [String] = []
    private var bytes = 0

    /// No line yet.
    init() {}

    /// Keeps `line` when there is room.
    mutating func take(_ line: UnsafeRawBufferPointer) {
        guard bytes < Self.limit else { return }
        bytes += line.count + 1
        lines.append(String(decoding: line, as: UTF8.self))
    }

    /// The lines kept, one per line.
    var text: String { lines.joined(separator: "\n") }
}
