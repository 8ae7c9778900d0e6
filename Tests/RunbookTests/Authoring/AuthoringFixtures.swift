import Foundation

/// The fixtures of the `runbook docs` and `runbook import` tests, copied into a fresh folder so
/// that the tests can write next to them.
enum AuthoringFixtures {
    /// The fixture folder in the test bundle.
    static let folder: URL = RunbookBinary.fixtures.appendingPathComponent("authoring")

    /// A fresh temporary folder holding copies of the named fixtures; the caller removes it.
    static func copy(_ names: [String]) throws -> URL {
        let directory = try RunbookBinary.temporaryDirectory("runbook-authoring")
        for name in names {
            try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        return directory
    }

    /// The text of a fixture.
    static func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// The text of a file.
    static func text(at url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    /// The command lines of a drafted runbook (`docker: …`, `nvidia-docker: …`, `sh: …`), in order.
    static func commands(inDraft yaml: String) -> [String] {
        yaml.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { line in ["docker: ", "nvidia-docker: ", "sh: ", "exec: "].contains { line.hasPrefix($0) } }
    }

    /// A text without its first line (the generated-from comment of `runbook docs`).
    static func droppingFirstLine(_ text: String) -> String {
        String(text.drop { $0 != "\n" })
    }

    /// The commands of module 1, in the module's order, as the draft of its text must hold them.
    static let moduleCommands = [
        "docker: ps",
        "docker: run --name ${learner}-gifted_darwin -it ubuntu hostname",
        "docker: ps -a",
        "docker: start ${learner}-gifted_darwin",
        "docker: logs ${learner}-gifted_darwin",
        "docker: rm ${learner}-gifted_darwin",
        "docker: images",
        "docker: rmi \"${IMAGENAME}\"",
        "docker: pull \"${IMAGENAME}\"",
        "docker: build -t ${DOCKER_USERNAME}/tf-mnist .",
        "docker: run -it ${DOCKER_USERNAME}/tf-mnist --max_steps 100",
        "docker: build -t ${DOCKER_USERNAME}/tf-mnist:gpu .",
        "nvidia-docker: run -it ${DOCKER_USERNAME}/tf-mnist:gpu",
        "docker: push ${DOCKER_USERNAME}/tf-mnist",
    ]
}
