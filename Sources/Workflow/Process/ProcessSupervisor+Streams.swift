#if canImport(Glibc)
    import Glibc
#endif

/// The supervisor's descriptors: output split into lines for the consumer, standard input
/// written, keys a person types copied to the terminal.
extension ProcessSupervisor {
    // MARK: - Output

    /// Reads what one descriptor has, splits it and feeds the consumer.
    func readAvailable(_ index: Int) {
        let stream = channels[index].stream
        for _ in 0..<Self.readsPerWakeup {
            let count = read(channels[index].fd, buffer.baseAddress, buffer.count)
            if count > 0 {
                if wantsRawChunks { consumer.consume(chunk: UnsafeRawBufferPointer(rebasing: buffer[0..<count]), stream: stream) }
                channels[index].splitter.feed(UnsafeRawBufferPointer(rebasing: buffer[0..<count])) { line, truncated, length in
                    deliver(line, stream: stream, truncated: truncated, length: length)
                }
                if count < buffer.count { return }
                continue
            }
            if count < 0 {
                let code = errno
                if code == EAGAIN || code == EWOULDBLOCK { return }
                if code == EINTR { continue }
            }
            // End of file; EIO from a terminal master whose slave side is closed; or an error.
            endOfStream(index)
            return
        }
    }

    /// Hands the stream's last unterminated line out and closes the descriptor.
    func endOfStream(_ index: Int) {
        let stream = channels[index].stream
        channels[index].splitter.finish { line, truncated, length in
            deliver(line, stream: stream, truncated: truncated, length: length)
        }
        if inputIsTerminal && inputFD == channels[index].fd { inputFD = -1 }
        DescriptorControl.close(channels[index].fd)
        channels[index].fd = -1
        if !outputsOpen { checkGroupSoon() }
    }

    /// Passes one line to the consumer and honours its request to stop.
    func deliver(_ line: UnsafeRawBufferPointer, stream: OutputStreamKind, truncated: Bool, length: Int) {
        guard consumer.consume(line: line, stream: stream, truncated: truncated, length: length), !stopRequested else { return }
        stopRequested = true
        if !leaderExited && terminationStartedAt == nil {
            stoppedByConsumer = true
            if spec.holdsOnConsumerStop {
                // Keep it running (a ready line): the caller decides when to stop it.
                held = true
                control.markHeld()
            } else {
                beginTermination(clock.now)
            }
        }
    }

    // MARK: - Input

    /// Writes as much of the standard input text as the pipe (or terminal) takes.
    func writeInput() {
        while inputOffset < inputBytes.count {
            let written = inputBytes.withUnsafeBytes { bytes in
                write(inputFD, bytes.baseAddress! + inputOffset, min(bytes.count - inputOffset, 1 << 16))
            }
            if written > 0 {
                inputOffset += written
                continue
            }
            if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return }
            if written < 0 && errno == EINTR { continue }
            break  // EPIPE (the reader is gone; SIGPIPE is blocked on this thread) or another error
        }
        finishInput()
    }

    /// The terminal's master while it is open (it is the only output channel under a terminal).
    var terminalMaster: Int32? {
        guard spec.terminal, let channel = channels.first, channel.fd >= 0 else { return nil }
        return channel.fd
    }

    /// Copies what a person typed to the terminal; keys that the terminal cannot take right now
    /// (its input queue is full) are dropped, as a full terminal would.
    func forwardTyped() {
        guard let typed = spec.terminalInput, let master = terminalMaster else {
            typedOpen = false
            return
        }
        var bytes = [UInt8](repeating: 0, count: 1024)
        let count = read(typed, &bytes, bytes.count)
        if count > 0 {
            _ = bytes.withUnsafeBytes { DescriptorWriter.writeAll(UnsafeRawBufferPointer(rebasing: $0.prefix(count)), to: master) }
        } else if count == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            typedOpen = false
        }
    }

    /// Stops writing input; closes the pipe, which the child sees as end-of-file.
    func finishInput() {
        if !inputIsTerminal { DescriptorControl.close(inputFD) }
        inputFD = -1
    }

    /// Closes every descriptor still open.
    func closeEverything() {
        if inputFD >= 0 { finishInput() }
        for index in channels.indices where channels[index].fd >= 0 {
            let stream = channels[index].stream
            channels[index].splitter.finish { line, truncated, length in
                deliver(line, stream: stream, truncated: truncated, length: length)
            }
            DescriptorControl.close(channels[index].fd)
            channels[index].fd = -1
        }
        exitWatcher?.close()
        exitWatcher = nil
    }
}
