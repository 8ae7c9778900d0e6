import Testing

@testable import Board

/// Wrong class codes from one address (SPEC 7.1): ten a minute go through, the eleventh waits
/// 1 s, each next one twice as long up to 30 s; a quiet minute forgets; addresses are apart.
@Suite("Board join throttle")
struct JoinThrottleTests {
    let start = ContinuousClock.now

    @Test func theEleventhWrongJoinWaitsOneSecondThenTwiceAsLongUpToThirty() {
        // A window of ten minutes, so that the doubling is seen past 30 s.
        let throttle = JoinThrottle(window: .seconds(600))
        var now = start
        for _ in 1...10 {
            #expect(throttle.admit("10.0.0.9", now: now) == .allowed)
            #expect(throttle.wrongCode(from: "10.0.0.9", now: now) == .allowed)
            now += .milliseconds(100)
        }
        var waits: [Int] = []
        for _ in 1...8 {
            guard case .wait(let seconds) = throttle.wrongCode(from: "10.0.0.9", now: now) else { break }
            waits.append(seconds)
            #expect(throttle.admit("10.0.0.9", now: now + .milliseconds(500)) != .allowed, "blocked meanwhile")
            now += .seconds(seconds)
            #expect(throttle.admit("10.0.0.9", now: now) == .allowed, "free again once waited")
        }
        #expect(waits == [1, 2, 4, 8, 16, 30, 30, 30])
        #expect(throttle.admit("10.0.0.10", now: now) == .allowed, "another address is not slowed")
    }

    @Test func aQuietMinuteForgetsTheWrongJoins() {
        let throttle = JoinThrottle()
        for _ in 1...10 { _ = throttle.wrongCode(from: "a", now: start) }
        #expect(throttle.wrongCode(from: "a", now: start + .seconds(61)) == .allowed)
        for _ in 1...9 { _ = throttle.wrongCode(from: "a", now: start + .seconds(62)) }
        #expect(throttle.wrongCode(from: "a", now: start + .seconds(62)) == .wait(seconds: 1), "the penalty starts over at 1 s")
    }

    @Test func itRemembersABoundedNumberOfAddresses() {
        let throttle = JoinThrottle(capacity: 100)
        for index in 0..<10_000 { _ = throttle.wrongCode(from: "10.0.\(index / 256).\(index % 256)", now: start) }
        #expect(throttle.count <= 100)
    }
}
