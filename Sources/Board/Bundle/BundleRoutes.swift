import Foundation
import Hummingbird
import NIOCore

/// What the board hands out (SPEC 10.3): the join page with a command per system, the workshop
/// bundle and its description, and the offered files; every route behind the class code, whose
/// wrong guesses are slowed like joins (SPEC 7.1).
struct BundleRoutes: Sendable {
    /// The class code and its brake.
    let gate: ClassCodeGate
    /// The board's configuration (title, roster, bundle, offers).
    let configuration: BoardConfiguration
    /// Where learners reach the board.
    let origin: BoardOrigin

    /// The routes.
    var collection: RouteCollection<BoardRequestContext> {
        let routes = RouteCollection(context: BoardRequestContext.self)
        routes.get("/join/:code") { request, context in refusal(context) ?? joinPage(request) }
        routes.get("/join/:code/bundle.tar.gz") { _, context in refusal(context) ?? bundle() }
        routes.get("/join/:code/bundle.json") { _, context in refusal(context) ?? description() }
        routes.get("/join/:code/files/:name") { _, context in
            if let refusal = refusal(context) { return refusal }
            return try await file(context: context)
        }
        return routes
    }

    /// nil when the request names this class; else 401 (or 429 while the address waits).
    private func refusal(_ context: BoardRequestContext) -> Response? {
        gate.refusal(context.parameters.get("code"), client: context.client, wrong: ClassCodeGate.wrongCodePage)
    }

    /// `GET /join/CODE`.
    func joinPage(_ request: Request) -> Response {
        let base = "/join/\(gate.code)"
        let page = WorkshopJoinPage(
            instructions: JoinInstructions(
                joinURL: origin.joinURL(for: request, code: gate.code), image: "runbook:\(configuration.runbookVersion)"),
            title: configuration.runbook.title, roster: configuration.roster != nil,
            bundle: configuration.workshop.map(BundleDescription.init),
            offers: configuration.offers, basePath: base)
        if request.headers[.accept]?.contains("text/html") == true {
            let policy = "default-src 'none'; style-src 'unsafe-inline'"
            return BoardResponse.text(page.html(), type: "text/html", extra: [.init("Content-Security-Policy")!: policy])
        }
        return BoardResponse.text(page.plainText(), type: "text/plain")
    }

    /// `GET /join/CODE/bundle.tar.gz`, with its sha256 and the runbook's in headers.
    func bundle() -> Response {
        guard let bundle = configuration.workshop else { return BoardResponse.error(.notFound, "this board hands out no workshop bundle") }
        var headers = BoardResponse.commonHeaders
        headers[.contentType] = "application/gzip"
        headers[.contentDisposition] = "attachment; filename=\"\(bundle.folderName).tar.gz\""
        for (name, value) in Self.headers(of: BundleDescription(bundle)) { headers[.init(name)!] = value }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bundle.archive)))
    }

    /// `GET /join/CODE/bundle.json`.
    func description() -> Response {
        guard let bundle = configuration.workshop else { return BoardResponse.error(.notFound, "this board hands out no workshop bundle") }
        return BoardResponse.json(BundleDescription(bundle))
    }

    /// `GET /join/CODE/files/NAME`, streamed from disk.
    func file(context: BoardRequestContext) async throws -> Response {
        guard let name = context.parameters.get("name"), let offer = configuration.offers.first(where: { $0.name == name }) else {
            return BoardResponse.error(.notFound, "no such file on this board")
        }
        var headers = BoardResponse.commonHeaders
        headers[.contentType] = "application/octet-stream"
        headers[.contentLength] = String(offer.size)
        headers[.contentDisposition] = "attachment; filename=\"\(offer.name)\""
        headers[.init("X-Sha256")!] = offer.sha256
        let body = try await FileIO().loadFile(path: offer.path, context: context)
        return Response(status: .ok, headers: headers, body: body)
    }

    /// The bundle's headers: `X-Bundle-Sha256`, `X-Runbook-Sha256`, `X-Runbook-Path`, `X-Bundle-Folder`.
    static func headers(of description: BundleDescription) -> [(String, String)] {
        [
            ("X-Bundle-Sha256", description.sha256), ("X-Runbook-Sha256", description.runbookSha256),
            ("X-Runbook-Path", description.runbookPath), ("X-Bundle-Folder", description.folder),
        ]
    }
}
