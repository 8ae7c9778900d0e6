/// A key the learner pressed in `runbook guide`.
enum GuideKey: Equatable, Sendable {
    /// Enter: run the step (again).
    case run
    /// `c`: I ran it myself; check it.
    case check
    /// `s`: skip the step.
    case skip
    /// `r`: retry after a failure.
    case retry
    /// `q` (or Ctrl-D): save and quit.
    case quit
    /// `?`: help.
    case help
    /// `h`: raise a hand on the class board (`guide --join`).
    case hand
    /// `y` in a question.
    case yes
    /// `n` in a question.
    case no
    /// Anything else (shown as a reminder of the keys).
    case other(String)

    /// The key for the bytes of one read (an escape sequence counts as one key).
    init(bytes: [UInt8]) {
        switch bytes.first {
        case 0x0D, 0x0A: self = .run
        case UInt8(ascii: "c"), UInt8(ascii: "C"): self = .check
        case UInt8(ascii: "s"), UInt8(ascii: "S"): self = .skip
        case UInt8(ascii: "r"), UInt8(ascii: "R"): self = .retry
        case UInt8(ascii: "q"), UInt8(ascii: "Q"), 0x04: self = .quit
        case UInt8(ascii: "?"): self = .help
        case UInt8(ascii: "h"), UInt8(ascii: "H"): self = .hand
        case UInt8(ascii: "y"), UInt8(ascii: "Y"): self = .yes
        case UInt8(ascii: "n"), UInt8(ascii: "N"): self = .no
        default: self = .other(String(decoding: bytes, as: UTF8.self))
        }
    }
}
