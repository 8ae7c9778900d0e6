import Foundation
import Hummingbird
import Workflow

/// What the instructor's token opens (SPEC 7): the board page, its events, the matrix as JSON, a
/// cell's details, every learner's journal, and the exports of every report format; all behind one token check.
struct InstructorRoutes: Sendable {
    /// The board.
    let store: BoardStore
    /// The tokens.
    let auth: BoardAuth
    /// The class code.
    let code: String
    /// Where learners reach the board.
    let origin: BoardOrigin

    private static let denied = "the instructor's token is needed (?token=T or Authorization: Bearer T)"

    /// The routes.
    var collection: RouteCollection<BoardRequestContext> {
        let routes = RouteCollection(context: BoardRequestContext.self)
        routes.add(middleware: BoardAuthMiddleware(auth: auth, role: .instructor) { request in Self.refusal(request) })
        routes.get("/") { request, _ in await page(request) }
        routes.get("/events") { request, _ in events(request) }
        routes.get("/api/v1/matrix") { _, _ in BoardResponse.json(await store.matrix()) }
        routes.get("/api/v1/detail") { request, _ in await detail(request) }
        routes.get("/api/v1/journals") { _, _ in JournalExportEndpoint(store: store).journals() }  // check --board (SPEC 6.11)
        for format in ReportFormat.allCases {
            routes.get("/report.\(format.rawValue)") { _, _ in report(format: format) }
        }
        return routes
    }

    /// The answer without the instructor's token: a sentence for the page, JSON for the rest.
    static func refusal(_ request: Request) -> Response {
        guard request.uri.path == "/" else { return BoardResponse.error(.unauthorized, denied) }
        let message = "The board needs the instructor's token: open the board: line that runbook serve printed.\n"
        return BoardResponse.text(message, type: "text/plain", status: .unauthorized)
    }

    /// `GET /`: the board page. A token in the address (`?token=`) is moved into an HttpOnly,
    /// SameSite=Strict cookie and the browser sent back to the address without it, so that a
    /// projected board shows no secret (`?present=1` is kept).
    func page(_ request: Request) async -> Response {
        let query = request.uri.queryParameters
        let present = query.get("present").map { $0 != "0" } ?? false
        if let token = query.get("token"), auth.identity(of: token) == .instructor {
            var response = Response(status: .seeOther, headers: BoardResponse.commonHeaders)
            response.headers[.location] = present ? "/?present=1" : "/"
            response.setCookie(
                Cookie(name: BoardAuth.cookieName, value: token, path: "/", secure: origin.isSecure, httpOnly: true, sameSite: .strict))
            return response
        }
        let document = await store.matrix()
        let nonce = Base64URL.encode((0..<18).map { _ in UInt8.random(in: 0...255) })
        let page = BoardPage(document: document, joinURL: origin.joinURL(for: request, code: code), nonce: nonce, present: present)
        let policy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-\(nonce)'; connect-src 'self'; img-src data:"
        return BoardResponse.text(page.render(), type: "text/html", extra: [.init("Content-Security-Policy")!: policy])
    }

    /// `GET /api/v1/detail?learner=ID&step=ID`: what a cell opens.
    func detail(_ request: Request) async -> Response {
        let query = request.uri.queryParameters
        guard let learner = query.get("learner"), let step = query.get("step"),
            let detail = await store.detail(learner: learner, step: step)
        else {
            return BoardResponse.error(.notFound, "no result for that learner and step")
        }
        return BoardResponse.json(detail)
    }

    /// `GET /report.FORMAT`: the store's results in `format`, as `runbook report STORE/*.jsonl` renders them
    /// (roster learners without records as "not run").
    func report(format: ReportFormat) -> Response {
        let configuration = store.configuration
        do {
            let results = try StoreExport.results(directory: configuration.storeDirectory, configuration: configuration)
            let text = try ReportRenderer(results: results).render(format)
            var extra: HTTPFields = [:]
            if format == .html { extra[.init("Content-Security-Policy")!] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:" }
            return BoardResponse.text(text, type: Self.contentType(format), extra: extra)
        } catch {
            return BoardResponse.error(.internalServerError, "cannot read the store: \(error)")
        }
    }

    /// `GET /events`: server-sent events, resumed from `Last-Event-ID` (or `?since=ID`).
    func events(_ request: Request) -> Response {
        let lastId = request.headers[.init("Last-Event-ID")!] ?? request.uri.queryParameters.get("since")
        guard let subscription = store.broadcaster.subscribe(after: lastId) else {
            return BoardResponse.error(.serviceUnavailable, "too many browsers follow this board")
        }
        var headers = BoardResponse.commonHeaders
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.init("X-Accel-Buffering")!] = "no"
        return Response(status: .ok, headers: headers, body: EventStream(store: store, subscription: subscription).body())
    }

    /// The content type of a report.
    static func contentType(_ format: ReportFormat) -> String {
        switch format {
        case .json: "application/json"
        case .junit: "application/xml"
        case .tap: "text/plain"
        case .md: "text/markdown"
        case .csv: "text/csv"
        case .html: "text/html"
        case .github: "text/markdown"
        }
    }
}
