import Foundation
import Testing

@testable import Steps

/// What runbook reads to know it runs in a container, and where (SPEC 10.2).
@Suite("Inside a container: detection and mounts")
struct ContainerPlaceTests {
    /// A container's mount table: an overlay root, the host's folder bound at the same path, a tmpfs.
    static let mountinfo = """
        204 178 0:40 / / rw,relatime master:4 - overlay overlay rw,lowerdir=/var/lib/docker/overlay2/l/A
        210 204 254:0 /home/ada/work\\040shop /home/ada/work\\040shop rw,relatime - ext4 /dev/vda rw
        211 204 254:0 /var/lib/docker/containers/\(String(repeating: "ab", count: 32))/hostname /etc/hostname rw - ext4 /dev/vda rw
        212 204 0:50 / /scratch rw,nosuid - tmpfs tmpfs rw
        """

    @Test("the covering mount is the longest point; octal escapes are read")
    func covering() {
        let table = MountTable(text: Self.mountinfo)
        #expect(table.mount(covering: "/home/ada/work shop/.runbook/x")?.fileSystem == "ext4")
        #expect(table.mount(covering: "/home/ada/work shopping")?.point == "/")
        #expect(table.mount(covering: "/scratch/a")?.fileSystem == "tmpfs")
    }

    @Test("a folder of the host passes; the container's root or a tmpfs names the -v flag")
    func workdirPlace() {
        let table = MountTable(text: Self.mountinfo)
        #expect(WorkdirPlace.problem(for: "/home/ada/work shop/.runbook/tmp/w", mounts: table) == nil)
        let problem = WorkdirPlace.problem(for: "/root/.runbook/w", mounts: table)
        #expect(problem?.contains("-v \"$PWD:$PWD\" -w \"$PWD\"") == true)
        #expect(WorkdirPlace.problem(for: "/scratch/w", mounts: table) != nil)
    }

    @Test("the container's own id comes from the mount of /etc/hostname")
    func ownId() {
        #expect(EngineHostPorts.ownContainerId(mounts: MountTable(text: Self.mountinfo)) == String(repeating: "ab", count: 32))
        #expect(EngineHostPorts.ownContainerId(mounts: MountTable(text: "27 1 254:0 / / rw - ext4 /dev/vda rw")) == nil)
    }

    @Test("listening sockets of /proc/net/tcp and tcp6; other states are not ports in use")
    func listening() {
        let table = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 0100007F:1388 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 1 1
               1: 0100007F:9C40 0100007F:1388 01 00000000:00000000 00:00000000 00000000     0        0 2 1
               0: 00000000000000000000000000000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 0 0
            """
        #expect(EngineHostPorts.listeningPorts(in: table) == [5000, 8080])
    }

    @Test("the default gateway of /proc/net/route, dotted")
    func gateway() {
        let routes = """
            Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
            eth0\t00000000\t010011AC\t0003\t0\t0\t0\t00000000\t0\t0\t0
            eth0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
            """
        #expect(EngineHostAddress.defaultGateway(in: routes) == "172.17.0.1")
        #expect(EngineHostAddress.defaultGateway(in: "Iface\tDestination\tGateway\n") == nil)
    }

    @Test("RUNBOOK_IN_CONTAINER decides; else a marker on an overlay root, or a runtime's cgroup")
    func detection() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-root-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("proc/self"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("proc/1"), withIntermediateDirectories: true)
        let base = root.path + "/"
        try "0::/\n".write(to: root.appendingPathComponent("proc/1/cgroup"), atomically: true, encoding: .utf8)
        try "27 1 254:0 / / rw - ext4 /dev/vda rw\n".write(
            to: root.appendingPathComponent("proc/self/mountinfo"), atomically: true, encoding: .utf8)
        #expect(!ContainerDetection.isInContainer(environment: [:], root: base))
        #expect(ContainerDetection.isInContainer(environment: ["RUNBOOK_IN_CONTAINER": "1"], root: base))
        // A machine made from an image keeps /.dockerenv on an ordinary root: not a container.
        _ = FileManager.default.createFile(atPath: base + ".dockerenv", contents: Data())
        #expect(!ContainerDetection.isInContainer(environment: [:], root: base))
        try Self.mountinfo.write(to: root.appendingPathComponent("proc/self/mountinfo"), atomically: true, encoding: .utf8)
        #expect(ContainerDetection.isInContainer(environment: [:], root: base))
        #expect(!ContainerDetection.isInContainer(environment: ["RUNBOOK_IN_CONTAINER": "0"], root: base))
        #expect(ContainerDetection.namesRuntime("12:pids:/docker/abc\n"))
        #expect(!ContainerDetection.namesRuntime("0::/\n"))
    }
}
