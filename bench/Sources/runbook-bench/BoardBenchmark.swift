import AsyncHTTPClient
import Board
import Foundation
import NIOCore
import Workflow

/// `runbook-bench board [LEARNERS] [STEPS]`: simulated learners push their steps to a real
/// `runbook serve` over loopback, one step per push, while a browser-like client follows the
/// event stream. Measures push latency, ack → event delay, the server's memory, checks that every
/// record is stored exactly once (a batch is also sent twice), then restarts the server on its store
/// and times the first board served.
struct BoardBenchmark {
    /// Simulated learners, all at once.
    let learners: Int
    /// Steps each one pushes.
    let steps: Int

    /// Runs the load, prints the figures, and fails when a record is missing or stored twice.
    func run() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("runbook-bench-board-\(UUID().uuidString.prefix(8))")
            .path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let runbookPath = (folder as NSString).appendingPathComponent("class.yaml")
        var yaml = "runbook: 1\ntitle: Board benchmark\nsteps:\n"
        for index in 1...steps {
            yaml += "  - id: step-\(index)\n    exec: [echo, \(index)]\n    expect: { stdout: { equals: \"\(index)\" } }\n"
        }
        try yaml.write(toFile: runbookPath, atomically: true, encoding: .utf8)
        guard let runbook = RunbookLoader().load(path: runbookPath).runbook else {
            throw BenchmarkFailure(message: "bad generated runbook")
        }
        let binary = ((CommandLine.arguments[0] as NSString).deletingLastPathComponent as NSString).appendingPathComponent("runbook")
        let store = (folder as NSString).appendingPathComponent("store")
        let arguments = [runbookPath, "--listen", "127.0.0.1:0", "--store", store, "--code", "bench-class"]
        let server = try await BoardServeProcess.start(binary: binary, arguments: arguments, log: folder + "/serve-1.log")
        let idle = server.memoryMiB.now
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: learners + 8)
        let http = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        let recorder = BoardLoadRecorder()
        let clock = ContinuousClock()
        let started = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await follow(server: server, http: http, recorder: recorder) }
            try await Task.sleep(for: .milliseconds(200))
            try await withThrowingTaskGroup(of: Void.self) { learnersGroup in
                for index in 0..<learners {
                    learnersGroup.addTask {
                        try await learner("learner-\(index)", runbook: runbook, server: server, http: http, recorder: recorder)
                    }
                }
                try await learnersGroup.waitForAll()
            }
            let deadline = clock.now + .seconds(10)
            while recorder.deliveredCount < learners * steps, clock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            group.cancelAll()
        }
        let elapsed = clock.now - started
        let memory = server.memoryMiB
        let cpu = server.cpuSeconds
        let records = try verifyStore(store)
        await server.stop()
        let restartClock = clock.now
        let again = try await BoardServeProcess.start(binary: binary, arguments: arguments, log: folder + "/serve-2.log")
        var served = false
        while !served {
            let response = try await http.execute(HTTPClientRequest(url: "\(again.origin)/?token=\(again.token)"), timeout: .seconds(10))
            let body = try await response.body.collect(upTo: 64 << 20)
            served = response.status == .ok && body.readableBytes > 0
        }
        let restart = clock.now - restartClock
        await again.stop()
        try await http.shutdown()
        let pushes = recorder.pushMilliseconds
        let delivery = recorder.deliveryMilliseconds
        let seconds = String(format: "%.2f", elapsed.milliseconds / 1000)
        print("board: \(learners) learners × \(steps) steps, \(pushes.count) pushes in \(seconds) s")
        print(
            String(
                format: "push latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms", Percentile.of(pushes, 0.5), Percentile.of(pushes, 0.99),
                pushes.max() ?? 0))
        print(
            String(
                format: "ack → event: p50 %.1f ms, p99 %.1f ms (%d of %d delivered)", Percentile.of(delivery.delays, 0.5),
                Percentile.of(delivery.delays, 0.99), delivery.delays.count, delivery.delays.count + delivery.missing))
        print(String(format: "server memory: idle %.1f MiB, peak %.1f MiB, after the load %.1f MiB", idle, memory.peak, memory.now))
        print(String(format: "server CPU: %.2f s (user + system) for the load", cpu))
        print("store: \(records) records, each stored exactly once")
        print(String(format: "restart on the store (%d records) to the first board served: %.0f ms", records, restart.milliseconds))
    }

    /// One learner: join, the run record, a push per step, the end; then its fifth batch again (a lost ack).
    private func learner(
        _ id: String, runbook: Runbook, server: BoardServeProcess, http: HTTPClient, recorder: BoardLoadRecorder
    ) async throws {
        let joined = try await post(
            http, "\(server.origin)/api/v1/join", body: Array("{\"code\":\"\(server.code)\",\"learner\":\"\(id)\"}".utf8))
        let token = (try JSONSerialization.jsonObject(with: Data(joined)) as? [String: Any])?["token"] as? String ?? ""
        let start = Date()
        var bodies: [[UInt8]] = [
            try line(
                1,
                .run(
                    RunHeader(
                        runId: "20270101t000000-bench", command: "guide",
                        runbook: .init(path: runbook.path, title: runbook.title, sha256: runbook.sha256),
                        startedAt: start, learners: [.init(id: id, name: "Learner \(id)")],
                        steps: runbook.steps.map { .init(id: $0.id, title: $0.title?.raw, hint: $0.hint?.raw) })))
        ]
        for (index, step) in runbook.steps.enumerated() {
            let output = (0..<12).map { "\(step.id) line \($0) of a realistic little output" }.joined(separator: "\n") + "\n"
            let excerpt = StreamExcerpt(head: output, totalLines: 12, totalBytes: output.utf8.count)
            bodies.append(
                try line(
                    index + 2,
                    .step(
                        StepResult(
                            learner: id, step: step.id, title: step.title?.raw, status: index % 7 == 3 ? .failed : .passed, exitCode: 0,
                            startedAt: start, endedAt: start.addingTimeInterval(Double(index)), durationSeconds: 0.2, attempts: 1,
                            command: CommandRecord(key: "exec", argv: ["echo", "\(index)"], display: "echo \(index)", binary: "echo"),
                            excerpts: OutputExcerpts(stdout: excerpt, output: excerpt)))))
        }
        bodies.append(try line(steps + 2, .end(RunFooter(endedAt: Date(), interrupted: false))))
        for (index, body) in bodies.enumerated() {
            let clock = ContinuousClock()
            let sent = clock.now
            _ = try await post(http, "\(server.origin)/api/v1/journal", body: body, token: token)
            let acked = clock.now
            if index >= 1 && index <= steps { recorder.pushed(id, step: index, duration: acked - sent, at: acked) }
        }
        _ = try await post(http, "\(server.origin)/api/v1/journal", body: bodies[5], token: token)
    }

    /// Follows `/events` and notes when each learner's row first shows N steps.
    private func follow(server: BoardServeProcess, http: HTTPClient, recorder: BoardLoadRecorder) async throws {
        let response = try await http.execute(
            HTTPClientRequest(url: "\(server.origin)/events?token=\(server.token)"), timeout: .seconds(600))
        var pending: [UInt8] = []
        let decoder = JSONDecoder.runbook
        for try await chunk in response.body {
            let now = ContinuousClock.now
            pending += chunk.readableBytesView
            while let end = pending.firstRange(of: [0x0A, 0x0A]) {
                let block = String(decoding: pending[..<end.lowerBound], as: UTF8.self)
                pending.removeSubrange(..<end.upperBound)
                guard block.contains("event: learner"), let data = block.split(separator: "\n").first(where: { $0.hasPrefix("data: ") }),
                    let row = try? decoder.decode(MatrixRow.self, from: Data(data.dropFirst(6).utf8))
                else { continue }
                if !row.steps.isEmpty { recorder.delivered(row.id, steps: row.steps.count, at: now) }
            }
        }
    }

    /// Every learner's journal holds seqs 1…N once, in order; returns the records in all.
    private func verifyStore(_ store: String) throws -> Int {
        var total = 0
        for index in 0..<learners {
            let text = try String(contentsOfFile: "\(store)/learner-\(index).jsonl", encoding: .utf8)
            let seqs = text.split(separator: "\n").map { line in
                ((try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any])?["seq"] as? Int ?? -1
            }
            guard seqs == Array(1...(steps + 2)) else {
                throw BenchmarkFailure(message: "learner-\(index): seqs \(seqs.prefix(8))… not 1…\(steps + 2) once")
            }
            total += seqs.count
        }
        return total
    }

    private func line(_ seq: Int, _ record: JournalRecord) throws -> [UInt8] {
        Array(try JSONEncoder.runbook.encode(SequencedRecord(seq: seq, record: record))) + [0x0A]
    }

    private func post(_ http: HTTPClient, _ url: String, body: [UInt8], token: String? = nil) async throws -> [UInt8] {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await http.execute(request, timeout: .seconds(30))
        let buffer = try await response.body.collect(upTo: 1 << 20)
        guard response.status == .ok else { throw BenchmarkFailure(message: "\(url): \(response.status) \(String(buffer: buffer))") }
        return Array(buffer.readableBytesView)
    }
}
