import Foundation
import Testing

/// `runbook serve` on a real classroom network, end to end (SPEC 7.1): HTTPS with a self-signed
/// certificate, the URLs printed for 0.0.0.0 and --public-url, a container's need of
/// --public-url, a Host that is not the board's, short class codes, and a learner's command that
/// does not wait at exit for a board that refuses connections.
@Suite("class board on a network, end to end", .serialized)
struct BoardNetworkEndToEndTests {
    static let classRunbook = BoardEndToEndTests.classRunbook

    @Test("--tls-cert/--tls-key: HTTPS URLs, a client that trusts the certificate gets in, others do not")
    func tlsWithASelfSignedCertificate() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("board-tls")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let cert = scratch.appendingPathComponent("cert.pem").path
        let key = scratch.appendingPathComponent("key.pem").path
        let made = try await ExternalTool.run(
            "openssl",
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
            ])
        try #require(made.status == 0, "openssl: \(made.output)")
        let serve = try await ServeProcess(
            [
                Self.classRunbook.path, "--listen", "127.0.0.1:0", "--store", scratch.appendingPathComponent("store").path, "--tls-cert",
                cert, "--tls-key", key,
            ], in: scratch)
        defer { serve.stopInBackground() }
        #expect(serve.boardURL.hasPrefix("https://127.0.0.1:") && serve.joinURL.hasPrefix("https://127.0.0.1:"))
        let authorization = ["-H", "Authorization: Bearer \(serve.token)"]
        let trusted = try await ExternalTool.run(
            "curl", ["-sS", "-o", "/dev/null", "-w", "%{http_code}", "--cacert", cert] + authorization + [serve.origin + "/api/v1/matrix"])
        #expect(trusted.output.hasSuffix("200"), "\(trusted.output)")
        let untrusted = try await ExternalTool.run("curl", ["-sS", "-o", "/dev/null", "-w", "%{http_code}", serve.joinURL])
        #expect(untrusted.status != 0, "a client that does not trust the certificate is refused: \(untrusted.output)")
        let plain = try await ExternalTool.run(
            "curl", ["-sS", "-o", "/dev/null", "-w", "%{http_code}", serve.joinURL.replacingOccurrences(of: "https://", with: "http://")])
        #expect(!plain.output.hasSuffix("200"), "no plain HTTP on a TLS board")
        // A learner trusts the certificate as curl and OpenSSL do, with SSL_CERT_FILE.
        let outcome = try await RunbookBinary.run(
            [
                "run", Self.classRunbook.path, "--learner", "ada", "--publish", serve.joinURL, "--out",
                scratch.appendingPathComponent("results").path,
            ],
            in: scratch, environment: ["XDG_STATE_HOME": scratch.appendingPathComponent("state").path, "SSL_CERT_FILE": cert])
        RunbookBinary.expectNoCrash(outcome)
        #expect(!outcome.stderr.contains("board:"), "every record reached the board over HTTPS: \(outcome.stderr)")
        let matrix = try await ExternalTool.run(
            "curl", ["-sS", "--cacert", cert, "-H", "Authorization: Bearer \(serve.token)", serve.origin + "/api/v1/matrix"])
        #expect(matrix.output.contains("\"id\":\"ada\""))
    }

    @Test("0.0.0.0: the URLs carry an address of this machine, stderr names 0.0.0.0; --public-url wins")
    func everyInterface() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("board-wildcard")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let store = scratch.appendingPathComponent("store").path
        let outside = try await ServeProcess(
            [Self.classRunbook.path, "--listen", "0.0.0.0:0", "--store", store], in: scratch, environment: ["RUNBOOK_IN_CONTAINER": "0"])
        let host = URLComponents(string: outside.joinURL)?.host ?? ""
        #expect(host != "0.0.0.0" && !host.isEmpty && !host.hasPrefix("127."), "\(outside.joinURL)")
        let note = outside.errors
        #expect(note.contains("listening on 0.0.0.0:") && note.contains("learners reach it at http://\(host):"), "\(note)")
        let port = URLComponents(string: outside.joinURL)?.port ?? 0
        let reached = try await Curl.get("http://\(host):\(port)/api/v1/matrix", bearer: outside.token)
        #expect(reached.status == 200, "the printed address answers")
        _ = await outside.stop()

        let proxied = try await ServeProcess(
            [Self.classRunbook.path, "--listen", "0.0.0.0:0", "--store", store, "--public-url", "http://board.example:8443/"],
            in: scratch, environment: ["RUNBOOK_IN_CONTAINER": "1"])
        defer { proxied.stopInBackground() }
        #expect(proxied.joinURL.hasPrefix("http://board.example:8443/join/"), "\(proxied.joinURL)")
        #expect(proxied.boardURL.hasPrefix("http://board.example:8443/?token="))

        let inContainer = try await RunbookBinary.run(
            ["serve", Self.classRunbook.path, "--listen", "0.0.0.0:0", "--store", store], in: scratch,
            environment: ["RUNBOOK_IN_CONTAINER": "1"])
        #expect(inContainer.status == 2 && inContainer.stderr.contains("--public-url"), "\(inContainer.stderr)")
    }

    @Test("a Host that is not the board's is 421; the board's names and --public-url's host pass")
    func hostCheck() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("board-host")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let port = ServeProcess.freePort()
        let serve = try await ServeProcess(
            [
                Self.classRunbook.path, "--listen", "127.0.0.1:\(port)", "--store", scratch.appendingPathComponent("store").path,
                "--public-url", "https://board.example",
            ], in: scratch)
        defer { serve.stopInBackground() }
        #expect(serve.joinURL.hasPrefix("https://board.example/join/"))
        func status(_ host: String) async throws -> String {
            let headers = ["-H", "Host: \(host)", "-H", "Authorization: Bearer \(serve.token)"]
            let url = "http://127.0.0.1:\(port)/api/v1/matrix"
            return try await ExternalTool.run("curl", ["-sS", "-o", "/dev/null", "-w", "%{http_code}"] + headers + [url]).output
        }
        await #expect(try status("attacker.example") == "421")
        await #expect(try status("attacker.example:\(port)") == "421")
        await #expect(try status("127.0.0.1:\(port)") == "200")
        await #expect(try status("localhost:\(port)") == "200")
        await #expect(try status("board.example") == "200", "--public-url's host")
    }

    @Test("--code shorter than 8 characters is a usage error")
    func shortCode() async throws {
        let outcome = try await RunbookBinary.run(["serve", Self.classRunbook.path, "--listen", "127.0.0.1:0", "--code", "abc-12"])
        #expect(outcome.status == 2 && outcome.stderr.contains("at least 8 characters"), "\(outcome.stderr)")
    }

    @Test("a command publishing to a closed port says on stderr what waits for the board")
    func closedPort() async throws {
        let scratch = try RunbookBinary.temporaryDirectory("board-closed")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let url = "http://127.0.0.1:\(ServeProcess.freePort())/join/closed-class-01"
        let outcome = try await RunbookBinary.run(
            [
                "run", Self.classRunbook.path, "--learner", "ada", "--publish", url, "--out",
                scratch.appendingPathComponent("results").path,
            ],
            in: scratch, environment: ["XDG_STATE_HOME": scratch.appendingPathComponent("state").path])
        RunbookBinary.expectNoCrash(outcome)
        #expect(outcome.status == 0)
        let note = "records are not on the board yet; the next command that joins \(url) sends them"
        #expect(outcome.stderr.contains(note), "\(outcome.stderr)")
    }
}
