/// What the board said to a push (or a join), as the pusher acts on it.
enum PushAnswer: Sendable, Equatable {
    /// Stored; the highest contiguous seq the board holds, and the ranges it refused as another runbook version.
    case acked(Int, refused: [RefusedRange])
    /// 409: the seqs do not follow what the board holds (it holds `acked`).
    case conflict(acked: Int)
    /// 400: a record the board will never take (`line` of the body, from 1), with why.
    case invalid(line: Int?, message: String)
    /// 401: the token (or the class code) is not accepted.
    case unauthorized(String)
    /// 413: the body is too large.
    case tooLarge
    /// An answer that means "later": a 5xx, a 429, something that is not the board's.
    case unavailable(String)
    /// Nobody answers at the board's address: refused connection, no such host, no route.
    case unreachable(String)
    /// No reply in time: a board that may be slow, or gone silent.
    case silent(String)
}
