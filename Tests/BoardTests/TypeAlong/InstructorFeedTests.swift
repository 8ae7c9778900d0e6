import Testing

@testable import Board

/// The board's instructor stream: bounded entries, long polls that wake on the next command.
@Suite("Instructor feed")
struct InstructorFeedTests {
    @Test("entries are cut to 20 lines and 256 characters, and only the latest 200 are kept")
    func bounded() async {
        let feed = InstructorFeed()
        let long = String(repeating: "x", count: 300)
        let entry = await feed.append(command: long, exitStatus: 0, output: (1...30).map { "line \($0)" } + [long])
        #expect(entry.command.count == 256 && entry.command.hasSuffix("…"))
        #expect(entry.output == (1...20).map { "line \($0)" })
        for number in 2...250 { await feed.append(command: "c\(number)", exitStatus: nil, output: []) }
        let all = await feed.entries(after: 0, limit: 1000, wait: .zero)
        #expect(all.count == InstructorFeed.capacity)
        #expect(all.first?.seq == 51 && all.last?.seq == 250)
        #expect(await feed.entries(after: 245, wait: .zero).map(\.command) == ["c246", "c247", "c248", "c249", "c250"])
    }

    @Test("a poll with nothing new waits for the next command, and gets it")
    func longPoll() async {
        let feed = InstructorFeed()
        await feed.append(command: "first", exitStatus: 0, output: [])
        async let waited = feed.entries(after: 1, wait: .seconds(60))
        // The poll is waiting once a zero-wait poll (queued after it on the actor) has answered.
        while await feed.entries(after: 1, wait: .zero).isEmpty {
            await feed.append(command: "second", exitStatus: 2, output: ["oops"])
        }
        let entries = await waited
        #expect(entries.first?.command == "second")
        #expect(entries.first?.exitStatus == 2)
        #expect(await feed.entries(after: 5, wait: .milliseconds(1)).isEmpty, "a poll with nothing new ends empty at its wait")
    }
}
