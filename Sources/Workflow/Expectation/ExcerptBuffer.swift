#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Keeps the first and the last `limit` bytes of a stream, cut at line boundaries.
///
/// The head is filled until the next line does not fit; from then on lines go to the tail, a
/// ring of `limit` bytes from which the oldest whole lines are dropped. Each line costs one copy
/// into one of them; memory never exceeds twice `limit`, whatever the stream's size.
final class ExcerptBuffer: @unchecked Sendable {
    /// Bytes kept at each end, LFs included.
    let limit: Int
    /// The first lines, each followed by LF.
    private var head: [UInt8] = []
    private var headLines = 0
    private var headClosed = false
    /// The tail ring (allocated when the head closes).
    private var ring: UnsafeMutablePointer<UInt8>?
    private var ringStart = 0
    private var ringCount = 0
    private var ringLines = 0
    /// Counters of the whole stream.
    private(set) var totalLines = 0
    private(set) var totalBytes = 0
    private(set) var longLines = 0

    /// Creates a buffer keeping `limit` bytes at each end.
    init(limit: Int) {
        self.limit = max(limit, 0)
    }

    deinit { ring?.deallocate() }

    /// Records one line (without its LF); `length` is its length before the runner cut it
    /// (trailing CRs not counted), which `totalBytes` counts even though only `line` is kept.
    @inline(__always)
    func append(_ line: UnsafeRawBufferPointer, truncated: Bool, length: Int) {
        totalLines += 1
        totalBytes += max(length, line.count) + 1
        if truncated { longLines += 1 }
        guard limit > 0 else { return }
        let kept = line.count < limit ? line.count : LineText.cutPoint(line, limit: limit - 1)
        if !headClosed {
            if head.count + kept + 1 <= limit {
                head.append(contentsOf: UnsafeRawBufferPointer(rebasing: line[0..<kept]))
                head.append(0x0A)
                headLines += 1
                return
            }
            headClosed = true
        }
        pushTail(UnsafeRawBufferPointer(rebasing: line[0..<kept]))
    }

    /// Appends a line and its LF to the ring, dropping the oldest lines to make room.
    private func pushTail(_ line: UnsafeRawBufferPointer) {
        let ring =
            self.ring
            ?? {
                let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: limit)
                self.ring = storage
                return storage
            }()
        let needed = line.count + 1
        while ringCount + needed > limit { dropOldestLine(ring) }
        var end = ringStart + ringCount
        if end >= limit { end -= limit }
        let firstPart = min(line.count, limit - end)
        if let base = line.baseAddress {
            (ring + end).update(from: base.assumingMemoryBound(to: UInt8.self), count: firstPart)
            if firstPart < line.count {
                ring.update(from: base.assumingMemoryBound(to: UInt8.self) + firstPart, count: line.count - firstPart)
            }
        }
        var newline = end + line.count
        if newline >= limit { newline -= limit }
        ring[newline] = 0x0A
        ringCount += needed
        ringLines += 1
    }

    /// Removes the oldest line of the ring (up to and including its LF).
    private func dropOldestLine(_ ring: UnsafeMutablePointer<UInt8>) {
        let firstPart = min(ringCount, limit - ringStart)
        var length: Int
        if let found = memchr(ring + ringStart, 0x0A, firstPart) {
            length = UnsafeMutableRawPointer(found) - UnsafeMutableRawPointer(ring + ringStart) + 1
        } else if let found = memchr(ring, 0x0A, ringCount - firstPart) {
            length = firstPart + (UnsafeMutableRawPointer(found) - UnsafeMutableRawPointer(ring)) + 1
        } else {
            length = ringCount  // cannot happen: every line in the ring ends with LF
        }
        ringStart += length
        if ringStart >= limit { ringStart -= limit }
        ringCount -= length
        ringLines -= 1
    }

    /// A buffer holding what this one holds, which then goes its own way.
    func copy() -> ExcerptBuffer {
        let copy = ExcerptBuffer(limit: limit)
        copy.head = head
        copy.headLines = headLines
        copy.headClosed = headClosed
        if let ring {
            let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: limit)
            storage.initialize(from: ring, count: limit)
            copy.ring = storage
        }
        (copy.ringStart, copy.ringCount, copy.ringLines) = (ringStart, ringCount, ringLines)
        (copy.totalLines, copy.totalBytes, copy.longLines) = (totalLines, totalBytes, longLines)
        return copy
    }

    /// The ring's bytes in order.
    private func tailBytes() -> [UInt8] {
        guard let ring, ringCount > 0 else { return [] }
        let firstPart = min(ringCount, limit - ringStart)
        var bytes = Array(UnsafeBufferPointer(start: ring + ringStart, count: firstPart))
        bytes += UnsafeBufferPointer(start: ring, count: ringCount - firstPart)
        return bytes
    }

    /// The excerpt as it stands.
    func excerpt() -> StreamExcerpt {
        StreamExcerpt(
            head: String(decoding: head, as: UTF8.self), tail: String(decoding: tailBytes(), as: UTF8.self),
            omittedLines: totalLines - headLines - ringLines, omittedBytes: totalBytes - head.count - ringCount,
            totalLines: totalLines, totalBytes: totalBytes, longLines: longLines)
    }

    /// Up to `count` last lines of the stream, numbered, oldest first (only lines still kept).
    func lastLines(_ count: Int) -> [NumberedLine] {
        var lines: [NumberedLine] = []
        var number = totalLines
        func take(_ bytes: [UInt8], lineCount: Int) -> Bool {
            // `bytes` is a sequence of LF-terminated lines; walk back from its end.
            var end = bytes.count - 1  // index of the LF ending the current line
            var taken = 0
            while end >= 0, taken < lineCount, lines.count < count {
                var start = end
                while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
                let text = bytes[start..<end].withUnsafeBytes { LineText.display($0) }
                lines.append(NumberedLine(number: number, text: text))
                number -= 1
                taken += 1
                end = start - 1
            }
            return lines.count < count
        }
        if take(tailBytes(), lineCount: ringLines), totalLines - headLines - ringLines == 0 {
            _ = take(head, lineCount: headLines)
        }
        return lines.reversed()
    }

    /// Bytes held (for tests of the memory bound).
    var storedBytes: Int { head.capacity + (ring == nil ? 0 : limit) }
}
