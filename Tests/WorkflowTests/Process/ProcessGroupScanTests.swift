import Testing

@testable import Workflow

#if canImport(Glibc)
    import Glibc
#endif

/// The `/proc` reading behind the zombie-aware group check.
@Suite struct ProcessGroupScanTests {
    @Test("reads this process's state and group from /proc")
    func ownStat() throws {
        let (state, group) = try #require(ProcessGroupScan.stateAndGroup(of: getpid()))
        #expect(group == getpgrp())
        #expect(state != UInt8(ascii: "Z"))
        #expect(ProcessGroupScan.hasLiveMember(getpgrp()))
    }

    @Test("a process group that does not exist has no living member")
    func missingGroup() async throws {
        let outcome = await ProcessRunner().run(ProcessTestSupport.shell("exit 0"), consumer: LineCollector())
        let pid = try #require(outcome.pid)
        #expect(!ProcessGroupScan.hasLiveMember(pid))
        #expect(ProcessGroupScan.stateAndGroup(of: pid) == nil)
    }
}
