import Synchronization

/// The last line seen, kept for a live terminal line that another task reads at any time.
///
/// The writer copies at most `capacity` bytes of each line into a fixed buffer under a mutex
/// (about 10 ns a line); `String` is built only when a reader asks.
final class LatestLineSample: @unchecked Sendable {
    /// Characters returned at most.
    static let characters = 200
    /// Bytes copied at most (200 characters of up to 4 bytes).
    static let capacity = characters * 4
    /// Bytes of the last line held (-1: no line yet); guards `buffer`.
    private let length = Mutex<Int>(-1)
    private let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)

    deinit { buffer.deallocate() }

    /// Records `line` as the latest.
    @inline(__always)
    func update(_ line: UnsafeRawBufferPointer) {
        let count = LineText.cutPoint(line, limit: Self.capacity)
        length.withLock { length in
            if count > 0 { buffer.copyMemory(from: line.baseAddress!, byteCount: count) }
            length = count
        }
    }

    /// The latest line, cut to 200 characters; nil before the first line.
    var text: String? {
        let text: String? = length.withLock { length in
            length < 0 ? nil : LineText.string(UnsafeRawBufferPointer(start: buffer, count: length))
        }
        guard let text else { return nil }
        return text.count > Self.characters ? String(text.prefix(Self.characters)) : text
    }
}
