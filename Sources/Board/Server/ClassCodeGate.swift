import Hummingbird

/// The class code in front of every route a learner reaches before joining (SPEC 7, 7.1, 10.3):
/// the code compared in constant time, wrong codes slowed per client address (`JoinThrottle`).
struct ClassCodeGate: Sendable {
    /// The class code.
    let code: String
    /// The wrong-code brake.
    let throttle: JoinThrottle

    /// nil when `given` is the class code and `client` may try now; otherwise the answer: 429 with
    /// `Retry-After` while the address waits (the code is not even looked at), else `wrong` (401).
    func refusal(_ given: String?, client: String?, wrong: @autoclosure () -> Response) -> Response? {
        if case .wait(let seconds) = throttle.admit(client) { return Self.slowDown(seconds) }
        guard let given, Self.constantTimeEqual(given, code) else {
            if case .wait(let seconds) = throttle.wrongCode(from: client) { return Self.slowDown(seconds) }
            return wrong()
        }
        return nil
    }

    /// 429 with `Retry-After`.
    static func slowDown(_ seconds: Int) -> Response {
        var response = BoardResponse.error(.tooManyRequests, "too many wrong class codes from this address: wait \(seconds) s")
        response.headers[.retryAfter] = String(seconds)
        return response
    }

    /// Compares two secrets without stopping at the first difference.
    static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        var difference = UInt8(left.count == right.count ? 0 : 1)
        for index in 0..<min(left.count, right.count) { difference |= left[index] ^ right[index] }
        return difference == 0
    }

    /// The plain-text answer to a wrong code on a page a person opens.
    static var wrongCodePage: Response {
        BoardResponse.text("Wrong class code: ask your instructor for the join line.\n", type: "text/plain", status: .unauthorized)
    }
}
