#if canImport(Glibc)
    import Glibc
#endif

/// Splits one stream's raw chunks into lines: LF-terminated, trailing CRs removed, cut at a limit.
///
/// Lines that lie whole inside a chunk are handed out in place, without copying; a line that
/// spans chunks is gathered in a carry buffer that never holds more than `limit` bytes. Of a
/// line longer than `limit` (after its trailing CRs are removed) only the first `limit` bytes are
/// kept and it is marked truncated; the rest up to the next LF is skipped.
struct LineSplitter {
    /// The longest line handed out whole: 1 MiB.
    static let defaultLimit = 1 << 20
    /// A carry buffer that grew past this is released after its line, to keep memory low.
    private static let retainedCarryCapacity = 64 << 10
    /// The carriage return byte.
    private static let carriageReturn: UInt8 = 0x0D

    /// The longest line handed out whole.
    let limit: Int
    /// The start of the current line when it began in an earlier chunk.
    private var carry: [UInt8] = []
    /// The current line has passed `limit` bytes.
    private var overflowed = false
    /// Something other than CRs came after the first `limit` bytes of the current line.
    private var overflowHasContent = false
    /// Bytes of the current line past `limit` up to its last non-CR byte, and the CRs after that
    /// byte seen so far (they count only if more content follows).
    private var overflowLength = 0
    private var overflowCRs = 0

    /// Creates a splitter with the given limit.
    init(limit: Int = LineSplitter.defaultLimit) {
        self.limit = limit
    }

    /// Feeds a chunk; `emit` gets every line it completes, with its truncated flag and its length
    /// before the cut (trailing CRs not counted).
    mutating func feed(_ chunk: UnsafeRawBufferPointer, _ emit: (UnsafeRawBufferPointer, Bool, Int) -> Void) {
        guard let base = chunk.baseAddress else { return }
        let end = chunk.count
        var start = 0
        while start < end {
            guard let found = memchr(base + start, 0x0A, end - start) else {
                appendPartial(UnsafeRawBufferPointer(start: base + start, count: end - start))
                return
            }
            let newline = base.distance(to: UnsafeRawPointer(found))
            let piece = UnsafeRawBufferPointer(start: base + start, count: newline - start)
            if carry.isEmpty && !overflowed {
                emitInPlace(piece, emit)
            } else {
                appendPartial(piece)
                emitCarry(emit)
            }
            start = newline + 1
        }
    }

    /// Ends the stream: hands out a last line that had no LF.
    mutating func finish(_ emit: (UnsafeRawBufferPointer, Bool, Int) -> Void) {
        if !carry.isEmpty || overflowed { emitCarry(emit) }
    }

    /// Emits a line that lies whole in the chunk.
    private func emitInPlace(_ piece: UnsafeRawBufferPointer, _ emit: (UnsafeRawBufferPointer, Bool, Int) -> Void) {
        var count = piece.count
        while count > 0 && piece[count - 1] == Self.carriageReturn { count -= 1 }
        if count > limit {
            emit(UnsafeRawBufferPointer(rebasing: piece[0..<limit]), true, count)
        } else {
            emit(UnsafeRawBufferPointer(rebasing: piece[0..<count]), false, count)
        }
    }

    /// Counts bytes past the limit: CRs count once something other than a CR follows them.
    private mutating func countOverflow(_ piece: UnsafeRawBufferPointer) {
        guard let last = piece.lastIndex(where: { $0 != Self.carriageReturn }) else {
            overflowCRs += piece.count
            return
        }
        overflowHasContent = true
        overflowLength += overflowCRs + last + 1
        overflowCRs = piece.count - last - 1
    }

    /// Adds bytes of the current line to the carry, up to the limit.
    private mutating func appendPartial(_ piece: UnsafeRawBufferPointer) {
        if overflowed {
            countOverflow(piece)
            return
        }
        let room = limit - carry.count
        if piece.count <= room {
            carry.append(contentsOf: piece)
            return
        }
        carry.append(contentsOf: UnsafeRawBufferPointer(rebasing: piece[0..<room]))
        overflowed = true
        countOverflow(UnsafeRawBufferPointer(rebasing: piece[room...]))
    }

    /// Emits the carried line and starts a new one.
    private mutating func emitCarry(_ emit: (UnsafeRawBufferPointer, Bool, Int) -> Void) {
        let truncated = overflowed && overflowHasContent
        let length = carry.count + overflowLength
        carry.withUnsafeBytes { bytes in
            var count = bytes.count
            if !truncated {
                while count > 0 && bytes[count - 1] == Self.carriageReturn { count -= 1 }
            }
            emit(UnsafeRawBufferPointer(rebasing: bytes[0..<count]), truncated, truncated ? length : count)
        }
        if carry.capacity > Self.retainedCarryCapacity {
            carry = []
        } else {
            carry.removeAll(keepingCapacity: true)
        }
        overflowed = false
        overflowHasContent = false
        overflowLength = 0
        overflowCRs = 0
    }
}
