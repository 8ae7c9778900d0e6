import Foundation
import Hummingbird
import NIOCore

/// What the board hands out (SPEC 10.3): the join page with a command per system, the workshop
/// bundle and its description, and the offered files; every route behind the class code.
struct BundleEndpoints: Sendable {
    /// The class code.
    let code: String
    /// The board's configuration (title, roster, bundle, offers).
    let configuration: BoardConfiguration

    /// Registers the routes on `router` (the join page replaces the board's plain one).
    func register(on router: Router<BasicRequestContext>) {
        router.get("/join/:code") { request, context in self.joinPage(request, context: context) }
        router.get("/join/:code/bundle.tar.gz") { _, context in self.bundle(context: context) }
        router.get("/join/:code/bundle.json") { _, context in self.description(context: context) }
        router.get("/join/:code/files/:name") { _, context in try await self.file(context: context) }
    }

    /// Whether the request names this class.
    private func admitted(_ context: some RequestContext) -> Bool {
        guard let given = context.parameters.get("code") else { return false }
        return LearnerEndpoints.constantTimeEqual(given, code)
    }

    /// The answer to a wrong class code: 401, plain text.
    private var wrongCode: Response {
        BoardResponse.text("Wrong class code: ask your instructor for the join line.\n", type: "text/plain", status: .unauthorized)
    }

    /// `GET /join/CODE`.
    func joinPage(_ request: Request, context: some RequestContext) -> Response {
        guard admitted(context) else { return wrongCode }
        let host = request.head.authority ?? "\(configuration.host):\(configuration.port)"
        let base = "/join/\(code)"
        let page = WorkshopJoinPage(
            instructions: JoinInstructions(joinURL: "http://\(host)\(base)", image: "runbook:\(configuration.runbookVersion)"),
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
    func bundle(context: some RequestContext) -> Response {
        guard admitted(context) else { return wrongCode }
        guard let bundle = configuration.workshop else { return BoardResponse.error(.notFound, "this board hands out no workshop bundle") }
        var headers = BoardResponse.commonHeaders
        headers[.contentType] = "application/gzip"
        headers[.contentDisposition] = "attachment; filename=\"\(bundle.folderName).tar.gz\""
        for (name, value) in Self.headers(of: BundleDescription(bundle)) { headers[.init(name)!] = value }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bundle.archive)))
    }

    /// `GET /join/CODE/bundle.json`.
    func description(context: some RequestContext) -> Response {
        guard admitted(context) else { return wrongCode }
        guard let bundle = configuration.workshop else { return BoardResponse.error(.notFound, "this board hands out no workshop bundle") }
        return BoardResponse.json(BundleDescription(bundle))
    }

    /// `GET /join/CODE/files/NAME`, streamed from disk.
    func file(context: some RequestContext) async throws -> Response {
        guard admitted(context) else { return wrongCode }
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
