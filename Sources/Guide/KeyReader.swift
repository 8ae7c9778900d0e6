import Foundation

/// Reads the learner's keys from the terminal without blocking a thread: the descriptor is polled
/// every few milliseconds, so that the wait also notices signals and can be cancelled.
struct KeyReader {
    /// What ended a wait for a key.
    enum Input: Equatable, Sendable {
        /// A key.
        case key(GuideKey)
        /// A signal request (Ctrl-C, SIGTERM, SIGHUP).
        case request(GuideInterrupts.Request)
        /// The terminal is gone.
        case hangUp
    }

    /// What ended a wait for typed bytes.
    enum Bytes: Equatable, Sendable {
        /// What one read returned (a key, an escape sequence, or a piece of pasted text).
        case typed([UInt8])
        /// A signal request (Ctrl-C, SIGTERM, SIGHUP).
        case request(GuideInterrupts.Request)
        /// The terminal is gone.
        case hangUp
    }

    /// The terminal.
    let descriptor: Int32
    /// The signals.
    let interrupts: GuideInterrupts

    /// Waits for the next key or signal request.
    func next() async -> Input {
        switch await nextBytes() {
        case .typed(let bytes): .key(GuideKey(bytes: bytes))
        case .request(let request): .request(request)
        case .hangUp: .hangUp
        }
    }

    /// Waits for the next bytes typed, or a signal request.
    func nextBytes() async -> Bytes {
        while true {
            if let request = interrupts.takeRequest() { return .request(request) }
            var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&entry, 1, 0)
            if ready > 0 {
                if entry.revents & Int16(POLLIN) != 0 {
                    var buffer = [UInt8](repeating: 0, count: 256)
                    let count = read(descriptor, &buffer, buffer.count)
                    if count > 0 {
                        interrupts.keyPressed()
                        return .typed(Array(buffer[0..<count]))
                    }
                    if count == 0 || (errno != EINTR && errno != EAGAIN) { return .hangUp }
                } else if entry.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                    return .hangUp
                }
            }
            do {
                try await Task.sleep(for: .milliseconds(20))
            } catch {
                return .hangUp
            }
        }
    }
}
