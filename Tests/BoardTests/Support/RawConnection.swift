import Dispatch
import Foundation

/// A TCP connection to the board made with plain sockets, from a chosen loopback address
/// (127.0.0.2 is another client than 127.0.0.1): for half-open floods, headers sent a byte at a
/// time, and requests with any Host. Every blocking call runs on a dispatch queue, never on the
/// tests' cooperative threads (which the in-process board needs).
final class RawConnection: @unchecked Sendable {
    /// The socket.
    let descriptor: Int32

    private static let queue = DispatchQueue(label: "board-tests.raw", attributes: .concurrent)

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Connects from `source` to 127.0.0.1:`port`.
    static func open(port: Int, from source: String = "127.0.0.1") async throws -> RawConnection {
        try await offPool {
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard descriptor >= 0 else { throw Failure(description: "socket: \(errno)") }
            var timeout = timeval(tv_sec: 20, tv_usec: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var local = address(source, port: 0)
            var remote = address("127.0.0.1", port: port)
            let bound = withUnsafePointer(to: &local) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            let connected = withUnsafePointer(to: &remote) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0, connected == 0 else {
                close(descriptor)
                throw Failure(description: "cannot connect from \(source) to port \(port): errno \(errno)")
            }
            return RawConnection(descriptor: descriptor)
        }
    }

    /// Sends `text`.
    func send(_ text: String) async throws {
        let bytes = Array(text.utf8)
        let descriptor = descriptor
        try await Self.offPool {
            guard Foundation.send(descriptor, bytes, bytes.count, Int32(MSG_NOSIGNAL)) == bytes.count else {
                throw Failure(description: "send: errno \(errno)")
            }
        }
    }

    /// Reads until the server closes the connection (or 20 s pass): what it sent.
    func readToEnd() async -> String {
        let descriptor = descriptor
        return await Self.offPool {
            var received: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 64 << 10)
            while true {
                let count = recv(descriptor, &buffer, buffer.count, 0)
                guard count > 0 else { break }
                received += buffer[..<count]
            }
            return String(decoding: received, as: UTF8.self)
        }
    }

    /// Reads until the end of an answer's head (a blank line), the server closes, or 20 s pass: what it sent.
    func readHead() async -> String {
        let descriptor = descriptor
        return await Self.offPool {
            var received: [UInt8] = []
            var byte: UInt8 = 0
            while !received.suffix(4).elementsEqual([13, 10, 13, 10]), recv(descriptor, &byte, 1, 0) == 1 { received.append(byte) }
            return String(decoding: received, as: UTF8.self)
        }
    }

    /// True when the server has closed the connection (without waiting); what it sent before is read and dropped.
    var isClosedByServer: Bool {
        var buffer = [UInt8](repeating: 0, count: 16 << 10)
        while true {
            let count = recv(descriptor, &buffer, buffer.count, Int32(MSG_DONTWAIT))
            if count > 0 { continue }
            return count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)
        }
    }

    /// One request with `Connection: close`; the whole answer (status line, headers, body).
    static func request(
        port: Int, from source: String = "127.0.0.1", _ path: String, method: String = "GET", host: String? = nil,
        headers: [String: String] = [:], body: String = ""
    ) async throws -> String {
        let connection = try await open(port: port, from: source)
        var text = "\(method) \(path) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
        text += "Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
        try await connection.send(text)
        return await connection.readToEnd()
    }

    /// The status of an answer's status line (0 when there is none).
    static func status(of answer: String) -> Int {
        let parts = answer.prefix(while: { $0 != "\r" && $0 != "\n" }).split(separator: " ")
        return parts.count >= 2 ? Int(parts[1]) ?? 0 : 0
    }

    /// Why a connection failed.
    struct Failure: Error, CustomStringConvertible {
        /// What failed.
        var description: String
    }

    private static func address(_ text: String, port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr(text)
        return address
    }

    private static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }

    private static func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: work()) }
        }
    }
}
