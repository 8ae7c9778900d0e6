import AsyncHTTPClient
import Foundation
import NIOCore
import Text
import Workflow

/// `docker cp -L CONTAINER:PATH -` through the Engine API: `HEAD /containers/C/archive?path=P`
/// tells whether P is a symbolic link (its `X-Docker-Container-Path-Stat` header), whose target is
/// then asked for instead, as the CLI's `-L` does; `GET /containers/C/archive?path=…` streams the
/// tar archive into the same `TarEntryStreamer` the CLI's output feeds.
struct ContainerArchiveRequest: Sendable {
    /// How the stream ended.
    enum Ending: Sendable, Equatable {
        /// The whole archive was read.
        case complete
        /// The checks needed no more, or the entry is not a file.
        case stopped
        /// The engine said no, or could not be reached.
        case failed(EngineFailure)
    }

    /// Go's `os.ModeSymlink`, as the stat header's `mode` carries it.
    static let symlinkMode: UInt64 = 1 << 27

    /// The container's name or id.
    let container: String
    /// The absolute path inside it.
    let path: String
    /// The engine.
    let endpoint: EngineEndpoint

    /// Streams the archive of `path` (or of the file its link leads to) into `streamer`.
    func stream(into streamer: TarEntryStreamer) async -> Ending {
        let client = EngineClient.shared
        let archive = "/containers/\(EngineClient.pathComponent(container))/archive"
        let source = await linkTarget(client: client, archive: archive) ?? path
        let response: HTTPClientResponse
        do {
            // The step's timeout and Ctrl-C cancel the stream; this deadline only keeps the client's bookkeeping finite.
            response = try await client.send(.GET, archive, query: [("path", source)], at: endpoint, timeout: .hours(24))
        } catch {
            return .failed(error)
        }
        guard response.status == .ok else {
            do {
                let body = try await EngineClient.read(response, at: endpoint)
                return .failed(EngineClient.daemonFailure(status: Int(response.status.code), body: body))
            } catch {
                return .failed(error)
            }
        }
        do {
            for try await chunk in response.body {
                chunk.withUnsafeReadableBytes { streamer.consume(chunk: $0, stream: .stdout) }
                if streamer.wantsStop { return .stopped }
            }
        } catch {
            return .failed(EngineClient.failure(error, at: endpoint, reading: true))
        }
        return .complete
    }

    /// Where a symbolic link at `path` leads (absolute), nil when it is not one; like the CLI, a
    /// stat that fails is ignored (the archive request then says why).
    private func linkTarget(client: EngineClient, archive: String) async -> String? {
        guard let response = try? await client.send(.HEAD, archive, query: [("path", path)], at: endpoint), response.status == .ok,
            let header = response.headers.first(name: "X-Docker-Container-Path-Stat"),
            let data = Data(base64Encoded: header), let stat = try? JSONParser.parse([UInt8](data)),
            case .found(.number(let modeText))? = EngineClient.lookup(".mode", in: stat), let mode = UInt64(modeText),
            mode & Self.symlinkMode != 0,
            case .found(.string(let target))? = EngineClient.lookup(".linkTarget", in: stat), !target.isEmpty
        else { return nil }
        if target.hasPrefix("/") { return target }
        let parent = (path as NSString).deletingLastPathComponent
        return ((parent.isEmpty ? "/" : parent) as NSString).appendingPathComponent(target)
    }
}
