import Foundation

/// Reads JSON lines (one record a line, `\n` ends each) from a file in chunks, or from bytes in
/// memory, handing out each line with its offset and number, and the last line without a line
/// feed marked as torn: the one reader of journals, the board's store, outboxes and pushed batches.
///
/// A file is read 1 MiB at a time, and what is left of a chunk moves once per chunk, not once per
/// line, so that memory stays bounded by the longest line.
public struct JSONLinesReader: Sequence {
    private let source: Source

    private enum Source {
        case file(FileHandle, chunkSize: Int)
        case bytes(Data, from: Int)
    }

    /// A reader of the file at `path`, or nil when it cannot be opened.
    public init?(path: String, chunkSize: Int = 1 << 20) {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        source = .file(handle, chunkSize: chunkSize)
    }

    /// A reader of `data` from the byte at `offset` (offsets stay those of `data`; numbers start at 1 there).
    public init(data: Data, from offset: Int = 0) {
        source = .bytes(data, from: offset)
    }

    /// The lines, in order.
    public func makeIterator() -> Iterator {
        switch source {
        case .file(let handle, let chunkSize): Iterator(handle: handle, chunkSize: chunkSize, pending: Data(), offset: 0)
        case .bytes(let data, let offset):
            Iterator(handle: nil, chunkSize: 0, pending: data.suffix(from: data.startIndex + offset), offset: offset)
        }
    }

    /// Hands out the lines one by one.
    public struct Iterator: IteratorProtocol {
        private let handle: FileHandle?
        private let chunkSize: Int
        private var pending: Data
        private var start: Data.Index
        /// The file offset of `pending.startIndex`.
        private var pendingOffset: Int
        private var number = 0
        private var exhausted = false

        fileprivate init(handle: FileHandle?, chunkSize: Int, pending: Data, offset: Int) {
            self.handle = handle
            self.chunkSize = chunkSize
            self.pending = pending
            start = pending.startIndex
            pendingOffset = offset
            exhausted = handle == nil
        }

        /// The next line, nil after the last.
        public mutating func next() -> JSONLine? {
            while true {
                if let newline = pending[start...].firstIndex(of: 0x0A) {
                    number += 1
                    let line = JSONLine(
                        bytes: pending[start..<newline], offset: pendingOffset + (start - pending.startIndex), number: number,
                        isTerminated: true)
                    start = pending.index(after: newline)
                    return line
                }
                guard !exhausted, let handle else { break }
                let chunk = handle.readData(ofLength: chunkSize)
                if chunk.isEmpty {
                    exhausted = true
                    try? handle.close()
                    continue
                }
                pendingOffset += start - pending.startIndex
                pending = pending[start...] + chunk
                start = pending.startIndex
            }
            guard start < pending.endIndex else { return nil }
            number += 1
            let offset = pendingOffset + (start - pending.startIndex)
            let torn = JSONLine(bytes: pending[start...], offset: offset, number: number, isTerminated: false)
            start = pending.endIndex
            return torn
        }
    }
}
