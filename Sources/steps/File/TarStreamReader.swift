/// Reads the first entry of a tar stream as it arrives, in chunks of any size: its header (after
/// any pax or GNU extension headers), then hands its content on, never holding more than a header
/// block and a bounded extension header. See `TarHeader` for why this is our own.
struct TarStreamReader: Sendable {
    /// The largest pax or GNU extension header accepted (they hold a name and a few numbers).
    static let extensionLimit: Int64 = 1 << 20

    private enum Phase: Sendable {
        case header, extensionData, padding, content, finished, failed
    }

    private var phase = Phase.header
    private var block: [UInt8] = []
    private var extensionType = TarHeader.EntryType.other
    private var extensionData: [UInt8] = []
    private var remaining: Int64 = 0
    private var paddingAfter: Int64 = 0
    private var pendingSize: Int64?
    /// The first entry's header, once read (its size from a pax header where there was one).
    private(set) var entry: TarHeader?
    /// Why the stream cannot be read, if so.
    private(set) var problem: String?

    /// Creates a reader at the start of a stream.
    init() {}

    /// True once the entry and all of its content have been read (or the stream failed).
    var isFinished: Bool { phase == .finished || phase == .failed }

    /// Bytes of the entry's content not yet read.
    var contentRemaining: Int64 { phase == .content ? remaining : 0 }

    /// Feeds the next bytes of the stream; `content` gets the entry's content piece by piece.
    mutating func feed(_ bytes: UnsafeRawBufferPointer, content: (UnsafeRawBufferPointer) -> Void) {
        var offset = 0
        while offset < bytes.count, !isFinished {
            let available = bytes.count - offset
            switch phase {
            case .header:
                let take = min(TarHeader.blockSize - block.count, available)
                block += bytes[offset..<(offset + take)]
                offset += take
                if block.count == TarHeader.blockSize { readHeader() }
            case .extensionData, .padding, .content:
                let take = Int(min(Int64(available), remaining))
                let piece = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + take)])
                if phase == .extensionData, extensionType == .paxExtended { extensionData += piece }
                if phase == .content { content(piece) }
                offset += take
                remaining -= Int64(take)
                if remaining == 0 { endOfData() }
            case .finished, .failed:
                return
            }
        }
    }

    /// Handles a complete header block.
    private mutating func readHeader() {
        defer { block.removeAll(keepingCapacity: true) }
        if TarHeader.isEnd(block) { return fail("the archive holds no entry") }
        guard var header = TarHeader(block) else { return fail("a header block is not a valid tar header") }
        switch header.type {
        case .paxExtended, .paxGlobal, .gnuLongName:
            guard header.size <= Self.extensionLimit else { return fail("an extension header of \(header.size) bytes is too large") }
            extensionType = header.type
            extensionData = []
            remaining = header.size
            paddingAfter = TarHeader.padded(header.size) - header.size
            phase = .extensionData
            if remaining == 0 { endOfData() }
        default:
            if let pendingSize { header.size = pendingSize }
            entry = header
            remaining = header.type == .file ? header.size : 0
            phase = remaining > 0 ? .content : .finished
        }
    }

    /// Moves on once the current data has been read.
    private mutating func endOfData() {
        switch phase {
        case .extensionData:
            if extensionType == .paxExtended, let size = TarHeader.paxSize(extensionData) { pendingSize = size }
            extensionData = []
            remaining = paddingAfter
            phase = remaining > 0 ? .padding : .header
        case .padding:
            phase = .header
        case .content:
            phase = .finished
        default:
            break
        }
    }

    private mutating func fail(_ reason: String) {
        problem = reason
        phase = .failed
    }
}
