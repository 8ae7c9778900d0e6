import Synchronization
import Workflow

/// What `record --share` shows learners of a command: the command and output with every secret
/// typed so far in the session kept out, as in the draft (`RecordedSecrets`).
public final class ShareRedactor: Sendable {
    private let seen = Mutex<[RecordedCommand]>([])
    private let drafters: Drafters

    /// A redactor at the start of a session; the kinds of `registry` tell where their commands hold secrets.
    public init(registry: KindRegistry) {
        drafters = Drafters(registry: registry)
    }

    /// `command` as it may be shown, given the commands before it.
    public func redacted(_ command: RecordedCommand) -> RecordedCommand {
        let all = seen.withLock { seen in
            seen.append(command)
            return seen
        }
        return RecordedSecrets(all, drafters: drafters).commands.last ?? command
    }
}
