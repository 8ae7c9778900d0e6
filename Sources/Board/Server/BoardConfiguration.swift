import Foundation
import Workflow

/// What one `runbook serve` serves (SPEC 7): the runbook (its sha256 pins what learners report
/// against), who may join, where it listens, the store, the class code and when a learner is stuck.
public struct BoardConfiguration: Sendable {
    /// The served runbook.
    public var runbook: RunHeader.RunbookInfo
    /// Its steps, in file order: the board's columns.
    public var steps: [RunHeader.StepInfo]
    /// The roster (`--learners`): only these ids may join; nil lets any valid id join.
    public var roster: [RunHeader.LearnerInfo]?
    /// The store folder.
    public var storeDirectory: String
    /// `--code`; nil keeps the store's code, or makes one.
    public var code: String?
    /// `--stuck-after`, in seconds.
    public var stuckAfter: TimeInterval
    /// The address to listen on (`127.0.0.1`, `0.0.0.0`, `::1`).
    public var host: String
    /// The port; 0 lets the system pick one.
    public var port: Int
    /// Sizes and counts.
    public var limits: BoardLimits
    /// `--timings`: the room's time per step (SPEC 11.3), by step id; empty without.
    public var timings: [String: StepTiming] = [:]
    /// `--public-url`: where learners reach the board (a reverse proxy, a container's host), without
    /// a trailing slash; it wins over the listen address in every URL the board prints or shows.
    public var publicURL: String?
    /// `--tls-cert`/`--tls-key`: serve HTTPS.
    public var tls: BoardTLS?
    /// `--trust-proxy`: peers whose X-Forwarded-For names the client.
    public var trustedProxies: [AddressRange] = []
    /// The workshop handed out at `/join/CODE/bundle.tar.gz` (SPEC 10.3); nil: none.
    public var workshop: WorkshopBundle?
    /// What `serve --offer` hands out at `/join/CODE/files/NAME`.
    public var offers: [OfferedFile] = []
    /// The version of the `runbook` image the join page tells learners to run.
    public var runbookVersion = "latest"
    /// Steps marked `environment: true`: facts of the machine, left out of each learner's passed/total (SPEC 6.11).
    public var environmentSteps: Set<String> = []

    /// Creates a configuration.
    public init(
        runbook: RunHeader.RunbookInfo, steps: [RunHeader.StepInfo], roster: [RunHeader.LearnerInfo]? = nil, storeDirectory: String,
        code: String? = nil, stuckAfter: TimeInterval = 300, host: String = "127.0.0.1", port: Int = 8080,
        limits: BoardLimits = BoardLimits()
    ) {
        self.runbook = runbook
        self.steps = steps
        self.roster = roster
        self.storeDirectory = storeDirectory
        self.code = code
        self.stuckAfter = stuckAfter
        self.host = host
        self.port = port
        self.limits = limits
    }

    /// A configuration serving `runbook` to `learners` (nil: anyone), with everything else as given.
    public init(
        runbook: Runbook, learners: [Learner]?, storeDirectory: String, code: String? = nil, stuckAfter: TimeInterval = 300,
        host: String = "127.0.0.1", port: Int = 8080
    ) {
        self.init(
            runbook: .init(path: runbook.path, title: runbook.title, sha256: runbook.sha256),
            steps: runbook.steps.map { .init(id: $0.id, title: $0.title?.raw, hint: $0.hint?.raw) },
            roster: learners.map { $0.map { .init(id: $0.id, name: $0.name) } }, storeDirectory: storeDirectory, code: code,
            stuckAfter: stuckAfter, host: host, port: port)
        environmentSteps = Set(runbook.steps.filter(\.environment).map(\.id))
    }

    /// The default store: `./runbook-class/<first 12 hex of the runbook's sha256>/`.
    public static func defaultStore(sha256: String) -> String {
        "runbook-class/\(sha256.prefix(12))"
    }
}
