import Testing

@testable import Board

/// Event ids and resuming: a browser that comes back with the id of its last event gets what it
/// missed; one too far behind, or from another server start, gets a snapshot.
@Suite("Board events")
struct EventBroadcasterTests {
    @Test func aBrowserResumingFromAKeptEventGetsWhatItMissed() async {
        let broadcaster = EventBroadcaster(historyBytes: 1 << 20, backlog: 10, subscribers: 4)
        for index in 1...5 { broadcaster.publish(.learner, data: "{\"n\":\(index)}") }
        let subscription = try! #require(broadcaster.subscribe(after: "\(broadcaster.boot)-3"))
        #expect(subscription.snapshotAt == nil)
        #expect(subscription.replay.map(\.data) == ["{\"n\":4}", "{\"n\":5}"])
        #expect(subscription.replay.map(\.id) == ["\(broadcaster.boot)-4", "\(broadcaster.boot)-5"])
        broadcaster.publish(.learner, data: "{\"n\":6}")
        var iterator = subscription.stream.makeAsyncIterator()
        #expect(await iterator.next()?.id == "\(broadcaster.boot)-6")
    }

    @Test(arguments: [nil, "zzzzzz-3", "garbage", "-1"])
    func aNewOrForeignIdGetsASnapshotAtTheCurrentEvent(lastId: String?) {
        let broadcaster = EventBroadcaster(historyBytes: 1 << 20, backlog: 10, subscribers: 4)
        broadcaster.publish(.learner, data: "{}")
        let subscription = broadcaster.subscribe(after: lastId)
        #expect(subscription?.snapshotAt == "\(broadcaster.boot)-1")
        #expect(subscription?.replay.isEmpty == true)
    }

    @Test func anIdOlderThanTheKeptEventsGetsASnapshot() {
        let broadcaster = EventBroadcaster(historyBytes: 130, backlog: 10, subscribers: 4)  // three events of about 43 bytes
        for _ in 1...20 { broadcaster.publish(.learner, data: "{}") }
        #expect(broadcaster.subscribe(after: "\(broadcaster.boot)-2")?.snapshotAt == "\(broadcaster.boot)-20")
        #expect(broadcaster.subscribe(after: "\(broadcaster.boot)-19")?.replay.count == 1)
        #expect(broadcaster.subscribe(after: "\(broadcaster.boot)-25")?.snapshotAt != nil, "an id from the future")
    }

    @Test func aSlowBrowserIsCutOffAndTooManyAreRefused() async throws {
        let broadcaster = EventBroadcaster(historyBytes: 1 << 20, backlog: 2, subscribers: 2)
        let slow = try #require(broadcaster.subscribe(after: nil))
        let keen = try #require(broadcaster.subscribe(after: nil))
        #expect(broadcaster.subscribe(after: nil) == nil, "a third follower is refused")
        var keenEvents = keen.stream.makeAsyncIterator()
        for index in 1...3 {
            broadcaster.publish(.learner, data: "{\"n\":\(index)}")
            #expect(await keenEvents.next()?.data == "{\"n\":\(index)}", "a browser that keeps up gets every event")
        }
        var count = 0
        for await _ in slow.stream { count += 1 }
        #expect(count == 2, "its backlog, then the end: it reconnects and resumes")
        #expect(broadcaster.subscriberCount == 1)
        broadcaster.finish()
        #expect(await keenEvents.next() == nil)
        #expect(broadcaster.subscriberCount == 0)
    }

    @Test func theHistoryIsBoundedInBytesNotEvents() {
        let broadcaster = EventBroadcaster(historyBytes: 64 << 10, backlog: 10, subscribers: 4)
        let big = "{\"name\":\"" + String(repeating: "x", count: 10_000) + "\"}"
        for _ in 1...1_000 { broadcaster.publish(.learner, data: big) }
        #expect(broadcaster.historyBytes <= 64 << 10, "about 6 events of 10 KB, not 1,000")
        #expect(broadcaster.historyBytes >= 50 << 10)
        #expect(broadcaster.subscribe(after: "\(broadcaster.boot)-999")?.replay.count == 1, "the latest ones are kept")
        #expect(broadcaster.subscribe(after: "\(broadcaster.boot)-900")?.snapshotAt != nil, "older ones are not")
        broadcaster.publish(.learner, data: String(repeating: "y", count: 100 << 10))
        let latest = broadcaster.subscribe(after: "\(broadcaster.boot)-1000")
        #expect(latest?.replay.count == 1, "one event larger than the bound is still kept")
    }
}
