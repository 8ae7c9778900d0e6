import Testing

@testable import Board

/// `--trust-proxy` ranges, and the client a trusted proxy names in X-Forwarded-For.
@Suite("Board address ranges")
struct AddressRangeTests {
    @Test func rangesContainTheirAddresses() throws {
        let range = try AddressRange("10.1.0.0/16")
        #expect(range.contains("10.1.200.3") && !range.contains("10.2.0.1") && !range.contains("fd00::1"))
        #expect(try AddressRange("127.0.0.1").contains("::ffff:127.0.0.1"), "an IPv4 peer seen through an IPv6 socket")
        #expect(try AddressRange("fd00::/8").contains("fd12:3456::1"))
        for bad in ["10.0.0.0/33", "nope", "10.0.0/8", "::/129"] { #expect(throws: AddressRange.Invalid.self) { try AddressRange(bad) } }
    }

    @Test func theClientIsTheRightmostAddressThatIsNotATrustedProxy() throws {
        let proxies = [try AddressRange("10.0.0.0/8")]
        let client = ClientAddressMiddleware.client
        #expect(client("10.0.0.2", ["198.51.100.7, 10.0.0.5"], proxies) == "198.51.100.7")
        #expect(client("10.0.0.2", ["1.2.3.4", "198.51.100.7"], proxies) == "198.51.100.7", "a forged first hop is ignored")
        #expect(client("192.0.2.1", ["198.51.100.7"], proxies) == "192.0.2.1", "an untrusted peer's header is ignored")
        #expect(client("10.0.0.2", [], proxies) == "10.0.0.2")
        #expect(client("10.0.0.2", ["not-an-address"], proxies) == "10.0.0.2")
    }
}
