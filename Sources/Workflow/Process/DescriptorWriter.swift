#if canImport(Glibc)
    import Glibc
#endif

/// Writes whole buffers to file descriptors: the one "write all bytes" loop of the project.
public enum DescriptorWriter {
    /// Writes every byte of `bytes` to `descriptor`, retrying after EINTR and partial writes.
    ///
    /// Returns false when a write fails for another reason (EAGAIN on a non-blocking descriptor,
    /// ENOSPC, EPIPE…): what was not written is dropped, and `errno` tells why.
    @discardableResult
    public static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, base + offset, bytes.count - offset)
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                if written == 0 { errno = EIO }
                return false
            }
        }
        return true
    }

    /// Writes every byte of `bytes` to `descriptor`; see `writeAll(_:to:)`.
    @discardableResult
    public static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { writeAll($0, to: descriptor) }
    }

    /// Writes `text` as UTF-8 to `descriptor`; see `writeAll(_:to:)`.
    @discardableResult
    public static func writeAll(_ text: String, to descriptor: Int32) -> Bool {
        writeAll(Array(text.utf8), to: descriptor)
    }
}
