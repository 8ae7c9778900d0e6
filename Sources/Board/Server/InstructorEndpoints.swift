import Foundation
import Hummingbird
import Workflow

/// What the instructor's token opens (SPEC 7): the board page, its events, the matrix as JSON, a
/// cell's details, and the exports of every report format.
struct InstructorEndpoints {
    /// The board.
    let store: BoardStore
    /// The tokens.
    let auth: BoardAuth
    /// The class code.
    let code: String

    private static let denied = "the instructor's token is needed (?token=T or Authorization: Bearer T)"

    /// `GET /`: the board page.
    func page(_ request: Request) async -> Response {
        guard auth.isInstructor(request), let token = BoardAuth.token(of: request) else {
            let message = "The board needs the instructor's token: open the board: line that runbook serve printed.\n"
            return BoardResponse.text(message, type: "text/plain", status: .unauthorized)
        }
        let document = await store.matrix()
        let host = request.head.authority ?? "\(store.configuration.host):\(store.configuration.port)"
        let nonce = Base64URL.encode((0..<18).map { _ in UInt8.random(in: 0...255) })
        let page = BoardPage(document: document, token: token, joinURL: "http://\(host)/join/\(code)", nonce: nonce)
        let policy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-\(nonce)'; connect-src 'self'; img-src data:"
        return BoardResponse.text(page.render(), type: "text/html", extra: [.init("Content-Security-Policy")!: policy])
    }

    /// `GET /api/v1/matrix`: the board as JSON.
    func matrix(_ request: Request) async -> Response {
        guard auth.isInstructor(request) else { return BoardResponse.error(.unauthorized, Self.denied) }
        return BoardResponse.json(await store.matrix())
    }

    /// `GET /api/v1/detail?learner=ID&step=ID`: what a cell opens.
    func detail(_ request: Request) async -> Response {
        guard auth.isInstructor(request) else { return BoardResponse.error(.unauthorized, Self.denied) }
        let query = request.uri.queryParameters
        guard let learner = query.get("learner"), let step = query.get("step"),
            let detail = await store.detail(learner: learner, step: step)
        else {
            return BoardResponse.error(.notFound, "no result for that learner and step")
        }
        return BoardResponse.json(detail)
    }

    /// `GET /report.FORMAT`: the store's results in `format`, as `runbook report STORE/*.jsonl` renders them.
    func report(_ request: Request, format: ReportFormat) async -> Response {
        guard auth.isInstructor(request) else { return BoardResponse.error(.unauthorized, Self.denied) }
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
        guard auth.isInstructor(request) else { return BoardResponse.error(.unauthorized, Self.denied) }
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
