import Foundation
import Hummingbird
import NIOCore

/// What learners call (SPEC 7): `POST /api/v1/join`, `POST /api/v1/journal`, and the page of `GET /join/CODE`.
struct LearnerEndpoints {
    /// The board.
    let store: BoardStore
    /// The tokens.
    let auth: BoardAuth
    /// The class code.
    let code: String

    /// The body of a join.
    struct Join: Decodable {
        /// The class code.
        var code: String
        /// The learner's id.
        var learner: String
    }

    /// The answer to a join: the learner's token, and the highest seq the board holds of theirs
    /// (a learner whose outbox is new goes on numbering from there).
    struct Joined: Encodable {
        /// The learner's bearer token.
        var token: String
        /// The highest contiguous seq stored for them (0: none).
        var acked: Int
    }

    /// `POST /api/v1/join {"code", "learner"}`: 401 for a wrong code, 400 for an id that may not join.
    func join(_ request: Request) async -> Response {
        let limit = store.configuration.limits.maxJoinBytes
        guard let body = await Self.body(of: request, limit: limit) else {
            return BoardResponse.error(.contentTooLarge, "a join is at most \(limit) bytes")
        }
        guard let join = try? JSONDecoder().decode(Join.self, from: Data(body)) else {
            return BoardResponse.error(.badRequest, "a join is {\"code\": CODE, \"learner\": ID}")
        }
        guard Self.constantTimeEqual(join.code, code) else { return BoardResponse.error(.unauthorized, "wrong class code") }
        guard LearnerId.isValid(join.learner) else {
            return BoardResponse.error(.badRequest, "a learner id is lowercase letters, digits, '-' and '_', from a letter or digit")
        }
        guard store.admits(join.learner) else { return BoardResponse.error(.badRequest, "\(join.learner) is not on this class's roster") }
        if let refusal = await store.refusal(for: join.learner) { return BoardResponse.error(.badRequest, refusal) }
        return BoardResponse.json(Joined(token: auth.signer.learnerToken(join.learner), acked: await store.acked(for: join.learner)))
    }

    /// `POST /api/v1/journal` (Bearer learner token): JSON lines with `seq`; answers `{"acked": N}`.
    func journal(_ request: Request) async -> Response {
        guard let learner = auth.learner(request), store.admits(learner) else {
            return BoardResponse.error(.unauthorized, "a learner's token is needed (POST /api/v1/join)")
        }
        let limit = store.configuration.limits.maxBatchBytes
        guard let body = await Self.body(of: request, limit: limit) else {
            return BoardResponse.error(.contentTooLarge, "a batch is at most \(limit) bytes")
        }
        do {
            return BoardResponse.json(["acked": try await store.push(body, learner: learner)])
        } catch {
            return BoardResponse.rejection(error)
        }
    }

    /// `GET /join/CODE`: tells a learner the command to run (401 for a wrong code).
    func joinPage(_ request: Request, context: some RequestContext) -> Response {
        guard let given = context.parameters.get("code"), Self.constantTimeEqual(given, code) else {
            let message = "Wrong class code: ask your instructor for the join line.\n"
            return BoardResponse.text(message, type: "text/plain", status: .unauthorized)
        }
        let host = request.head.authority ?? "\(store.configuration.host):\(store.configuration.port)"
        let configuration = store.configuration
        let page = JoinPage(joinURL: "http://\(host)/join/\(code)", title: configuration.runbook.title, roster: configuration.roster != nil)
        if request.headers[.accept]?.contains("text/html") == true {
            let policy = "default-src 'none'; style-src 'unsafe-inline'"
            return BoardResponse.text(page.html(), type: "text/html", extra: [.init("Content-Security-Policy")!: policy])
        }
        return BoardResponse.text(page.plainText(), type: "text/plain")
    }

    /// The whole body when it is at most `limit` bytes; nil when it is larger.
    static func body(of request: Request, limit: Int) async -> [UInt8]? {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { return nil }
        do {
            let buffer = try await request.body.collect(upTo: limit)
            return Array(buffer.readableBytesView)
        } catch {
            return nil
        }
    }

    /// Compares two secrets without stopping at the first difference.
    static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        var difference = UInt8(left.count == right.count ? 0 : 1)
        for index in 0..<min(left.count, right.count) { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
