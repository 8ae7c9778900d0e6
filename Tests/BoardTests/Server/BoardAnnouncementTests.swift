import Testing

@testable import Board

/// What `serve` prints (SPEC 7.1): URLs learners can reach, and who can reach the board.
@Suite("Board announcement")
struct BoardAnnouncementTests {
    static let laptop = MachineAddresses(entries: [
        .init(interface: "lo", address: "127.0.0.1", isIPv6: false, isLoopback: true),
        .init(interface: "docker0", address: "172.17.0.1", isIPv6: false, isLoopback: false),
        .init(interface: "wlan0", address: "192.168.1.20", isIPv6: false, isLoopback: false),
        .init(interface: "wlan0", address: "fe80::1", isIPv6: true, isLoopback: false),
    ])
    static let alone = MachineAddresses(entries: [.init(interface: "lo", address: "127.0.0.1", isIPv6: false, isLoopback: true)])

    static func announcement(
        _ listen: String, given: Bool = true, publicURL: String? = nil, secure: Bool = false, addresses: MachineAddresses = laptop
    ) throws -> BoardAnnouncement {
        BoardAnnouncement(
            listen: try ListenAddress(listen), listenGiven: given, port: 8080, publicURL: publicURL, secure: secure, addresses: addresses)
    }

    @Test func withoutListenTheNoteSaysWhichFlagExposesTheBoard() throws {
        let note = try Self.announcement("127.0.0.1:8080", given: false).notes
        #expect(
            note == [
                "runbook: the board listens on 127.0.0.1:8080 only: learners on other machines cannot reach it; "
                    + "--listen 0.0.0.0:8080 exposes it to the network"
            ])
        #expect(try Self.announcement("127.0.0.1:8080", given: false, addresses: Self.alone).notes.isEmpty, "no other interface")
        #expect(try Self.announcement("127.0.0.1:8080").notes.isEmpty, "--listen given: the instructor chose")
        #expect(try Self.announcement("127.0.0.1:8080", given: false).origin == "http://127.0.0.1:8080")
    }

    @Test func everyInterfaceBecomesAPrivateAddressInTheURLsButNotInTheNote() throws {
        let wildcard = try Self.announcement("0.0.0.0:8080")
        #expect(wildcard.origin == "http://192.168.1.20:8080", "not docker0's bridge, not 0.0.0.0")
        #expect(wildcard.notes == ["runbook: listening on 0.0.0.0:8080 (every interface); learners reach it at http://192.168.1.20:8080"])
        #expect(try Self.announcement("[::]:8080", secure: true).origin == "https://192.168.1.20:8080")
        #expect(try Self.announcement("0.0.0.0:8080", addresses: Self.alone).notes.first?.contains("no network address") == true)
    }

    @Test func thePublicURLWinsAndIsChecked() throws {
        let proxied = try Self.announcement("0.0.0.0:8080", publicURL: "https://board.example.org")
        #expect(proxied.origin == "https://board.example.org")
        #expect(try BoardAnnouncement.publicURL("http://10.0.0.5:9000/") == "http://10.0.0.5:9000")
        for bad in ["board.example.org", "ftp://x", "http://x/path", "http://x/?a=1", "http://user@x"] {
            #expect(throws: ListenAddress.Invalid.self, "\(bad)") { try BoardAnnouncement.publicURL(bad) }
        }
    }
}
