/// The digests of a learner's latest stored seqs, by seq: enough to tell a retried push from a
/// conflicting one (an outbox resends at most what it did not see acknowledged), with memory
/// that does not grow with the journal. Older seqs are taken as retries without a check.
struct RecentDigests: Sendable {
    /// Digests kept at least.
    static let kept = 4_096
    private var digests: [UInt64] = []
    /// The seq of `digests[0]`.
    private var first = 1

    /// Creates an empty list.
    init() {}

    /// Keeps the digest of `seq` (the next one); 0 for a seq whose content is not kept (refused).
    mutating func append(_ digest: UInt64, seq: Int) {
        if digests.isEmpty { first = seq }
        digests.append(digest)
        if digests.count >= 2 * Self.kept {
            digests.removeFirst(digests.count - Self.kept)
            first = seq - Self.kept + 1
        }
    }

    /// The digest of `seq`; nil when any record is taken as its retry (too old, or refused).
    func digest(of seq: Int) -> UInt64? {
        let index = seq - first
        guard digests.indices.contains(index), digests[index] != 0 else { return nil }
        return digests[index]
    }
}
