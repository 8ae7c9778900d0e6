import ArgumentParser

/// `--shard I/N` of the batch commands (`run`, `check`, `selftest`; SPEC 8).
struct ShardOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Run only shard I of N of the roster (learners dealt round-robin); "
                + "also RUNBOOK_SHARD=I/N, or JOB_COMPLETION_INDEX with RUNBOOK_TOTAL_SHARDS=N.",
            valueName: "i/n"))
    var shard: String?
}
