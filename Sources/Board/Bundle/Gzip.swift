internal import CZlib

/// gzip through the system's zlib, for the workshop bundle: whole buffers (a bundle is at most
/// 64 MiB), a decompression that stops at a limit (a small bundle cannot expand without bound),
/// and no file name or time in the header, so that the same files give the same bytes.
enum Gzip {
    /// Why a buffer could not be (de)compressed.
    struct Failure: Error, Equatable {
        /// What zlib said.
        var message: String
    }

    /// `data`, gzip-compressed.
    static func compress(_ data: [UInt8], level: Int32 = 6) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard runbook_deflate_init_gzip(&stream, level) == Z_OK else { throw Failure(message: "zlib: cannot start compressing") }
        defer { deflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = data
        let status: Int32 = input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(source.count)
            var status = Z_OK
            repeat {
                status = chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    return deflate(&stream, Z_FINISH)
                }
                output += chunk[0..<(chunk.count - Int(stream.avail_out))]
            } while status == Z_OK
            return status
        }
        guard status == Z_STREAM_END else { throw Failure(message: "zlib: compressing failed (\(status))") }
        return output
    }

    /// The bytes `data` holds, gzip-decompressed; throws when they are not gzip, are cut short,
    /// or would be more than `limit` bytes.
    static func decompress(_ data: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard runbook_inflate_init_gzip(&stream) == Z_OK else { throw Failure(message: "zlib: cannot start decompressing") }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var input = data
        let status: Int32 = input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(source.count)
            var status = Z_OK
            repeat {
                status = chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                output += chunk[0..<(chunk.count - Int(stream.avail_out))]
                if output.count > limit { return Z_MEM_ERROR }
            } while status == Z_OK && (stream.avail_in > 0 || stream.avail_out == 0)
            return status
        }
        if output.count > limit { throw Failure(message: "it unpacks to more than \(limit / (1 << 20)) MiB") }
        guard status == Z_STREAM_END else {
            throw Failure(message: status == Z_OK || status == Z_BUF_ERROR ? "it is cut short" : "it is not gzip data (\(status))")
        }
        return output
    }
}
