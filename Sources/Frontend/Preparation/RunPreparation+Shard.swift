import Foundation
import Workflow

extension RunPreparation {
    /// The learners of the shard this command runs (`--shard`, else `RUNBOOK_SHARD`, else
    /// `JOB_COMPLETION_INDEX` with `RUNBOOK_TOTAL_SHARDS`; SPEC 8) and what the journal records of
    /// it; all of `learners` and no record when there is no shard. A shard needs a roster, and the
    /// whole roster: `--learner` would deal another list in each shard.
    public func shard(
        option: String?, of learners: [Learner], environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(CommandFailure) -> (learners: [Learner], info: ShardInfo?) {
        let shard: Shard?
        do {
            shard = try Shard.resolve(option: option, environment: environment)
        } catch {
            throw .usage(error.message)
        }
        guard let shard else { return (learners, nil) }
        guard let rosterPath = options.learners else {
            let source = Self.source(of: shard, option: option, environment: environment)
            throw .usage("\(source): a shard needs a roster to deal; give --learners FILE")
        }
        guard options.learner == nil else {
            throw .usage("--shard deals the whole roster; it cannot be combined with --learner")
        }
        guard let bytes = FileManager.default.contents(atPath: rosterPath) else { throw .usage("cannot read the roster: \(rosterPath)") }
        let dealt = shard.deal(learners)
        return (dealt, ShardInfo(shard: shard, rosterBytes: [UInt8](bytes), learners: dealt.map(\.id)))
    }

    /// Where the shard came from, for messages: `--shard 2/3`, `RUNBOOK_SHARD=2/3` or the Kubernetes pair.
    private static func source(of shard: Shard, option: String?, environment: [String: String]) -> String {
        if option != nil { return "--shard \(shard)" }
        if let text = environment[Shard.shardVariable], !text.isEmpty { return "\(Shard.shardVariable)=\(text)" }
        return "\(Shard.completionIndexVariable)=\(shard.index - 1) with \(Shard.totalVariable)=\(shard.total)"
    }
}
