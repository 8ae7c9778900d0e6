import Foundation
import Testing

/// `runbook import` end to end on a text written like the public tutorials that issue 18 imported:
/// every reproducer in one tutorial, and a draft that validates with no step commented out.
@Suite("runbook import of a real tutorial")
struct ImportRealTutorialTests {
    @Test func everyReproducerInOneTextGivesADraftThatValidates() async throws {
        let directory = try AuthoringFixtures.copy(["real-tutorial.md"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let draft = try await ImportCommandTests.importAndValidate("real-tutorial.md", in: directory)
        let commands = AuthoringFixtures.commands(inDraft: draft)
        #expect(!draft.contains("not a valid step"), "every step of this text validates as drafted")
        #expect(draft.contains("title: Search and a web app with Docker\n"))
        #expect(!commands.contains { $0.contains("container run") || $0.contains("container logs") || $0.contains("--privileged") })
        #expect(commands.first == "docker: pull docker.elastic.co/elasticsearch/elasticsearch:6.3.2")
        #expect(!draft.contains("vars:"), "ALL and CHOWN are no vars")
        #expect(commands.contains { $0.hasPrefix("docker: run -d --cap-add ALL --cap-drop CHOWN --name ${learner}-es") })
        #expect(commands.contains { $0.contains("-p ${port.es_9200}:9200 -p ${port.es_9300}:9300") })
        #expect(draft.components(separatedBy: "    http: http://${engine_host}:${port.es_9200}\n").count == 3)
        #expect(draft.contains("- json: { path: '.cluster_name', equals: \"docker-cluster\" }"))
        #expect(draft.contains("      status: 200\n") && !draft.contains("2018 10:11:12"))
        #expect(draft.contains("    stdin: |\n      whoami\n      exit\n"))
        #expect(draft.contains("    stdin: |\n      curl localhost:9200/_cat/health\n      exit\n"))
        #expect(commands.contains("docker: exec -it ${learner}-es bash"))
        #expect(!commands.contains { $0.contains("set -e") || $0.contains("echo starting") })
        #expect(draft.contains("    cwd: docker-curriculum\n    sh: python3 app.py\n    background: true\n    finish_on_match: true\n"))
        #expect(draft.contains("    sh: git clone https://github.com/docker/labs\n"), "the second clone is not inside the first")
        #expect(draft.contains("    cwd: labs\n    docker: compose up\n    background: true\n"))
        #expect(!draft.contains("- contains: Docker version 18.03"))
        #expect(commands.contains("docker: rm -f ${learner}-es"))
    }
}
