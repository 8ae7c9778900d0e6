import Foundation

extension LearnerPusher {
    /// What a learner whose join was refused should do (SPEC 7.1).
    static func advice(for message: String, learner: String) -> String {
        if message.contains("class code") { return "wrong class code: check the --join URL (the join: line of runbook serve)" }
        if message.contains("roster") { return "\(learner) is not on this class's list: check --learner with your instructor" }
        return message
    }

    /// What a learner whose run was refused as another runbook version should do (SPEC 7.1).
    static func versionAdvice(path: String?, url: JoinURL, learner: String, reason: String) -> String {
        let file = path.map { ($0 as NSString).lastPathComponent } ?? "runbook"
        return "your \(file) differs from the instructor's (\(reason)); get the instructor's version, "
            + "then run `runbook guide --join \(url) --learner \(learner)` again"
    }

    /// The runbook path of a run record's line; nil for another record.
    static func runbookPath(of line: [UInt8]) -> String? {
        struct Run: Decodable {
            struct Header: Decodable {
                struct Runbook: Decodable { var path: String }
                var runbook: Runbook
            }
            var type: String
            var run: Header?
        }
        guard let record = try? JSONDecoder().decode(Run.self, from: Data(line)), record.type == "run" else { return nil }
        return record.run?.runbook.path
    }
}
