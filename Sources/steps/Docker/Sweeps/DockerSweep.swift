import Foundation
import Workflow

/// What a sweep removes (SPEC 5, 6.11, 12.3), in two separate parts: which containers and networks
/// a scope names, and how they are removed. Leftovers are only this module's, never one in
/// `created` state (another command may be about to start it) nor one younger than the run's
/// preflight; containers go with their anonymous volumes (`rm -f -v`), named volumes never.
/// Where the engine's API is local (SPEC 12.1) the sweep asks it directly, else the docker CLI.
struct DockerSweep: Sendable {
    /// Runs the docker CLI.
    let cli: DockerCLI

    /// The states a leftover may be in: stopped, never `created` nor running.
    static let leftoverStates = ["exited", "dead"]

    /// The ids of the containers `scope` names; for leftovers, only those created before `cutoff`
    /// (the engine's clock at the run's preflight), when known.
    func containers(_ scope: SweepScope, environment: [String: String], cutoff: Date?) async -> [String] {
        var found: [String] = []
        let endpoint = EngineEndpoint.api(environment)
        // Creation times are whole seconds: one made in the preflight's second counts as younger, never swept.
        let cutoff = cutoff.map { Date(timeIntervalSince1970: $0.timeIntervalSince1970.rounded(.down)) }
        for filters in Self.containerFilters(scope) {
            if let endpoint {
                // The API's answer, as `docker ps` gives it; an engine that fails to answer is asked through the CLI.
                if let listed = try? await EngineClient.shared.listContainers(filters: filters, at: endpoint) {
                    for (id, created) in listed where !found.contains(id) {
                        if case .leftovers = scope, let cutoff, let created, created >= cutoff {
                            continue  // made after this run's preflight: another run's, in use
                        }
                        found.append(id)
                    }
                    continue
                }
            }
            let arguments = ["ps", "-a", "--no-trunc", "--format", "{{.ID}}\t{{.CreatedAt}}"] + filters.flatMap { ["--filter", $0] }
            let listing = await cli.run(arguments, environment: environment)
            guard listing.status == 0 else { continue }
            for line in listing.stdout.split(separator: "\n") {
                let parts = line.split(separator: "\t", maxSplits: 1)
                guard let id = parts.first.map(String.init), !id.isEmpty, !found.contains(id) else { continue }
                let created = parts.dropFirst().first.flatMap { Self.date(String($0)) }
                if case .leftovers = scope, let cutoff, let created, created >= cutoff {
                    continue  // made after this run's preflight: another run's, in use
                }
                found.append(id)
            }
        }
        return found
    }

    /// The `--filter` sets of `scope`'s containers: the runner's labels, and each Compose project it names.
    static func containerFilters(_ scope: SweepScope) -> [[String]] {
        let labelled = DockerLabels.filters(for: scope).sorted { $0.key < $1.key }.map { "label=\($0.key)=\($0.value)" }
        switch scope {
        case .leftovers(let learner, let module):
            let states = leftoverStates.map { "status=\($0)" }
            return [labelled + states, ["label=\(ComposeProject.label)=\(ComposeProject.name(learner: learner, module: module))"] + states]
        case .attempt:
            return [labelled]
        case .run(_, _, _, let groups):
            return [labelled] + groups.map { ["label=\(ComposeProject.label)=\($0)"] }
        }
    }

    /// The networks of the Compose projects of a run (`SweepScope.run`), removed after their containers.
    func networks(_ scope: SweepScope, environment: [String: String]) async -> [String] {
        guard case .run(_, _, _, let groups) = scope else { return [] }
        var found: [String] = []
        let endpoint = EngineEndpoint.api(environment)
        for group in groups {
            let filter = "label=\(ComposeProject.label)=\(group)"
            if let endpoint, let ids = try? await EngineClient.shared.listNetworks(filters: [filter], at: endpoint) {
                found += ids.filter { !found.contains($0) }
                continue
            }
            let arguments = ["network", "ls", "-q", "--no-trunc", "--filter", "label=\(ComposeProject.label)=\(group)"]
            let listing = await cli.run(arguments, environment: environment)
            guard listing.status == 0 else { continue }
            found += listing.stdout.split(separator: "\n").map(String.init).filter { !$0.isEmpty && !found.contains($0) }
        }
        return found
    }

    /// Removes containers with their anonymous volumes (`rm -f -v`).
    func removeContainers(_ ids: [String], environment: [String: String]) async {
        guard !ids.isEmpty else { return }
        if let endpoint = EngineEndpoint.api(environment) {
            for id in ids { try? await EngineClient.shared.removeContainer(id, volumes: true, at: endpoint) }
            return
        }
        _ = await cli.run(["rm", "-f", "-v"] + ids, environment: environment)
    }

    /// Removes networks (those still in use by something else stay).
    func removeNetworks(_ ids: [String], environment: [String: String]) async {
        guard !ids.isEmpty else { return }
        if let endpoint = EngineEndpoint.api(environment) {
            for id in ids { try? await EngineClient.shared.removeNetwork(id, at: endpoint) }
            return
        }
        _ = await cli.run(["network", "rm"] + ids, environment: environment)
    }

    /// A time as `docker ps` prints it (`2026-11-29 10:00:00 +0100 CET`) or as `docker info` does (RFC 3339).
    static func date(_ text: String) -> Date? {
        let fields = text.split(separator: " ")
        if fields.count >= 3 {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.dateFormat = "yyyy-MM-dd HH:mm:ss Z"
            return formatter.date(from: fields.prefix(3).joined(separator: " "))
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        // RFC 3339 with nanoseconds: ISO8601DateFormatter reads at most milliseconds.
        let trimmed = text.replacingOccurrences(of: #"\.\d+"#, with: "", options: .regularExpression)
        return formatter.date(from: trimmed)
    }
}
