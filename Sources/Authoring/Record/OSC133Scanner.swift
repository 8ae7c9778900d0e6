/// Finds OSC 133 marks (`ESC ] 133 ; … BEL` or `… ESC \`) in a byte stream read in pieces split
/// anywhere, even inside a mark: what is not a complete mark yet is held until the next `feed`.
/// Every other byte (other OSC sequences included) comes out unchanged, in order.
public struct OSC133Scanner: Sendable {
    /// How long an OSC sequence may grow before it is given up and passed on as bytes.
    static let longestSequence = 64 * 1024

    private enum State {
        case ground
        case escape
        case body
        case bodyEscape
    }

    private var state = State.ground
    private var pending: [UInt8] = []

    /// A scanner at the start of a stream.
    public init() {}

    /// The chunks of `bytes`, given what earlier calls held back.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [TerminalChunk] {
        var chunks: [TerminalChunk] = []
        var text: [UInt8] = []
        func flushText() {
            if !text.isEmpty { chunks.append(.bytes(text)) }
            text = []
        }
        for byte in bytes {
            switch state {
            case .ground:
                if byte == 0x1B {
                    pending = [byte]
                    state = .escape
                } else {
                    text.append(byte)
                }
            case .escape:
                if byte == UInt8(ascii: "]") {
                    pending.append(byte)
                    state = .body
                } else {
                    text += pending
                    pending = []
                    state = .ground
                    if byte == 0x1B {
                        pending = [byte]
                        state = .escape
                    } else {
                        text.append(byte)
                    }
                }
            case .body, .bodyEscape:
                let wasEscape = state == .bodyEscape
                pending.append(byte)
                if byte == 0x07 || (wasEscape && byte == UInt8(ascii: "\\")) {
                    let body = Array(pending.dropFirst(2).dropLast(wasEscape ? 2 : 1))
                    if let mark = Self.mark(body) {
                        flushText()
                        chunks.append(.mark(mark))
                    } else {
                        text += pending
                    }
                    pending = []
                    state = .ground
                } else if pending.count > Self.longestSequence {
                    text += pending
                    pending = []
                    state = .ground
                } else {
                    state = byte == 0x1B ? .bodyEscape : .body
                }
            }
        }
        flushText()
        return chunks
    }

    /// The mark an OSC body (between `ESC ]` and its terminator) stands for, or nil.
    static func mark(_ body: [UInt8]) -> ShellMark? {
        let text = String(decoding: body, as: UTF8.self)
        var fields = text.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        guard fields.count >= 2, fields.removeFirst() == "133" else { return nil }
        let letter = fields.removeFirst()
        var parameters: [String: String] = [:]
        var status: Int32?
        for (offset, field) in fields.enumerated() {
            if let equals = field.firstIndex(of: "=") {
                parameters[String(field[..<equals])] = String(field[field.index(after: equals)...])
            } else if offset == 0, letter == "D" {
                status = Int32(field)
            }
        }
        switch letter {
        case "A": return .prompt
        case "B": return .commandStart
        case "C": return .outputStart(parameters: parameters)
        case "D": return .commandEnd(status: status, parameters: parameters)
        default: return nil
        }
    }
}
