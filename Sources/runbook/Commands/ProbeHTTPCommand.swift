import ArgumentParser
import Foundation
import Frontend
import Steps

/// `runbook probe-http …`: the entry point of the probe container that makes an `http:` request
/// with `from:` (SPEC 12.2); not for people, so hidden from help. The words are the runner's own
/// (`HTTPProbe` reads them).
struct ProbeHTTPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe-http", abstract: "Make an http: request from inside a container (runbook's probe container).",
        shouldDisplay: false)

    @Argument(parsing: .captureForPassthrough, help: "What the runner passes.")
    var words: [String] = []

    func run() async throws {
        let status = await HTTPProbe.main(words)
        if status != 0 { throw CommandFailure.status(status) }
    }
}
