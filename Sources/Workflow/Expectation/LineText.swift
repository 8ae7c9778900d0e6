/// Turning raw line bytes into text: invalid UTF-8 becomes U+FFFD, cuts fall between scalars.
enum LineText {
    /// The line as a `String`, invalid UTF-8 repaired to U+FFFD.
    @inline(__always)
    static func string(_ bytes: UnsafeRawBufferPointer) -> String {
        String(decoding: bytes.bindMemory(to: UInt8.self), as: UTF8.self)
    }

    /// The line as a `String`, invalid UTF-8 repaired to U+FFFD.
    static func string(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The largest count ≤ `limit` that does not cut a UTF-8 sequence of `bytes` in two.
    static func cutPoint(_ bytes: UnsafeRawBufferPointer, limit: Int) -> Int {
        guard bytes.count > limit else { return bytes.count }
        var cut = max(limit, 0)
        // Step back over at most three continuation bytes to the start of the cut sequence.
        var steps = 0
        while cut > 0, steps < 3, bytes[cut] & 0xC0 == 0x80 {
            cut -= 1
            steps += 1
        }
        return steps == 3 && bytes[cut] & 0xC0 == 0x80 ? limit : cut
    }

    /// Display text of a line for a failure report: repaired and cut to `maximumBytes` with "…".
    static func display(_ bytes: UnsafeRawBufferPointer, maximumBytes: Int = NumberedLine.maximumBytes) -> String {
        let cut = cutPoint(bytes, limit: maximumBytes)
        let text = string(UnsafeRawBufferPointer(rebasing: bytes[0..<cut]))
        return cut < bytes.count ? text + "…" : text
    }
}
