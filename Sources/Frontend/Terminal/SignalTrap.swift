import Foundation
import Workflow

/// Ctrl-C, SIGTERM and SIGHUP: the first calls `onFirst` (stop running steps, clean up, report),
/// a second exits at once with status 130, leaving the journal as it is.
public final class SignalTrap: @unchecked Sendable {
    private var sources: [any DispatchSourceSignal] = []
    private var count = 0
    private let queue = DispatchQueue(label: "runbook.signals")

    /// Starts listening; `onFirst` runs on a private queue.
    public init(onFirst: @escaping @Sendable (Int32) -> Void) {
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler { [unowned self] in
                count += 1
                if count == 1 {
                    onFirst(signalNumber)
                } else {
                    // Steps that ignore SIGTERM must not outlive the runner.
                    ProcessGroups.shared.killAll()
                    FileHandle.standardError.write(Data("\nrunbook: interrupted again; quitting now (the journal is intact)\n".utf8))
                    _exit(130)
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Whether a signal came.
    public var fired: Bool { queue.sync { count > 0 } }

    deinit {
        sources.forEach { $0.cancel() }
    }
}
