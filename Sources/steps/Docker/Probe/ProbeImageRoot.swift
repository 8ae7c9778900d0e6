import Foundation
import Workflow

/// What the probe image holds: runbook's own executable, at its own path (so that a `$ORIGIN`
/// run path finds what it found here), and every shared library the dynamic loader resolves for
/// it, each at the path the loader found it (`ld.so --list`, what `ldd` prints), plus the CA
/// bundle for https. Nothing else: no shell, no package manager.
struct ProbeImageRoot: Sendable {
    /// The executable's real path.
    var executable: String
    /// The libraries (and the loader itself), each at the path the loader uses.
    var libraries: [String]
    /// A tag that changes when the executable does.
    var tag: String

    /// The CA bundles looked for (Debian, Fedora), copied when present.
    static let certificateBundles = ["/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt"]

    /// The root of the running executable.
    static func current() async -> Result<ProbeImageRoot, CommandProblem> {
        guard let resolved = realpath("/proc/self/exe", nil) else {
            return .failure(CommandProblem("`from:` needs runbook to run on Linux (it builds its probe container from its own executable)"))
        }
        let executable = String(cString: resolved)
        free(resolved)
        guard let loader = loaderPath() else {
            return .success(ProbeImageRoot(executable: executable, libraries: [], tag: tag(of: executable)))
        }
        let collector = OutputCollector()
        let spec = ProcessSpec(
            executable: loader, arguments: ["--list", executable], environment: [:], workingDirectory: "/", timeout: .seconds(30))
        let outcome = await ProcessRunner().run(spec, consumer: collector)
        guard case .exited(0) = outcome.termination else {
            return .failure(CommandProblem("cannot list the libraries of \(executable): \(collector.stderr)"))
        }
        var libraries: [String] = []
        for line in collector.stdout.split(separator: "\n") {
            if line.contains("=> not found") { return .failure(CommandProblem("a library of \(executable) is missing: \(line)")) }
            // `name => /path (0x…)`; the loader itself as `/lib64/ld-linux-x86-64.so.2 => /usr/lib/…` (the
            // kernel looks for it at the name the executable gives), or as `/lib64/ld-….so.2 (0x…)`.
            let name = line.drop { $0 == " " || $0 == "\t" }.prefix { $0 != " " && $0 != "(" }
            let found = line.range(of: "=> ").map { line[$0.upperBound...].prefix { $0 != " " && $0 != "(" } }
            for file in [name, found].compactMap({ $0 }) where file.hasPrefix("/") && !libraries.contains(String(file)) {
                libraries.append(String(file))
            }
        }
        return .success(ProbeImageRoot(executable: executable, libraries: libraries, tag: tag(of: executable)))
    }

    /// Writes the root as a tar archive at `path`.
    func archive(to path: String) throws(TarWriter.Failure) {
        var writer = try TarWriter(path: path)
        try writer.addFolder("/tmp", mode: 0o1777)
        try writer.addFolder("/etc")
        try writer.addFile(executable, from: executable, mode: 0o755)
        for library in libraries { try writer.addFile(library, from: library, mode: 0o755) }
        for bundle in Self.certificateBundles where FileManager.default.fileExists(atPath: bundle) {
            try writer.addFile(bundle, from: bundle, mode: 0o644)
        }
        try writer.finish()
    }

    /// The dynamic loader mapped into this process (`/proc/self/maps`), nil for a static executable.
    private static func loaderPath() -> String? {
        // Read to the end: procfs files report a size of 0, which whole-file readers trust.
        guard let data = FileHandle(forReadingAtPath: "/proc/self/maps")?.readDataToEndOfFile() else { return nil }
        let maps = String(decoding: data, as: UTF8.self)
        for line in maps.split(separator: "\n") {
            guard let slash = line.firstIndex(of: "/") else { continue }
            let path = String(line[slash...])
            let name = (path as NSString).lastPathComponent
            if name.hasPrefix("ld-linux") || name.hasPrefix("ld-musl") { return path }
        }
        return nil
    }

    /// 12 hex digits of the SHA-256 of the executable's path, size and modification time.
    private static func tag(of executable: String) -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: executable)
        let size = (attributes?[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return String(SHA256.hex(of: Array("\(executable)\n\(size)\n\(modified)".utf8)).prefix(12))
    }
}
