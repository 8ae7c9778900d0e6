import Steps
import Testing
import Workflow

@testable import Authoring

/// What two public tutorials showed the drafter getting wrong (issue 18, item 5): one small text each.
@Suite("Tutorial reproducers")
struct TutorialReproducerTests {
    /// Every standard kind, made once for the suite.
    static let kinds = StandardKinds.make()

    /// The draft of `markdown`, after checking that it validates.
    private func draft(_ markdown: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        let draft = TutorialImporter.draft(markdown: markdown, source: "t.md", registry: Self.kinds)
        let loaded = RunbookLoader(registry: Self.kinds).load(bytes: Array(draft.yaml.utf8), path: "draft.yaml")
        #expect(
            !loaded.diagnostics.contains { $0.severity == .error }, "\(loaded.diagnostics)\n\(draft.yaml)", sourceLocation: sourceLocation)
        return draft.yaml
    }

    @Test("long forms named in prose are mentions, not steps")
    func longFormsInProse() {
        let yaml = draft(
            "Start with `docker container run`, read `docker container logs`; `docker exec --privileged` is rare.\n\n`docker ps`\n")
        #expect(!yaml.contains("\n    docker: container run\n") && !yaml.contains("docker: exec --privileged"))
        #expect(yaml.contains("# drafted: not a step: `docker container run` (line 1)"))
        #expect(yaml.contains("# drafted: not a step: `docker exec --privileged` (line 1)"))
    }

    @Test("a step that does not validate is written as a comment: the draft always validates")
    func invalidStepsAreCommentedOut() {
        let text = "```console\n$ docker container run --rm\n$ docker ps\n```\n"
        let draft = TutorialImporter.draft(markdown: text, source: "t.md", registry: Self.kinds)
        #expect(draft.stepCount == 1 && draft.commentedOut == 1)
        #expect(draft.yaml.contains("  # drafted: not a valid step, so kept as a comment: "))
        #expect(draft.yaml.contains("  #   docker: container run --rm\n"))
        _ = self.draft(text)
    }

    @Test("a block without a language whose first line is a # comment holds commands")
    func commentFirstBlock() {
        let yaml = draft("```\n# fetch the image\ndocker pull nginx:1.25\n```\n")
        #expect(yaml.contains("    title: fetch the image\n    docker: pull nginx:1.25\n"))
    }

    @Test("upper-case values of --cap-add and --cap-drop are the engine's words, not vars")
    func upperCaseOptionValues() {
        let yaml = draft("```sh\ndocker run -d --cap-add ALL --cap-drop CHOWN nginx\n```\n")
        #expect(yaml.contains("--cap-add ALL --cap-drop CHOWN"))
        #expect(!yaml.contains("vars:"))
    }

    @Test("YAML front matter is no heading: its title is the title when there is no # heading")
    func frontMatter() {
        let yaml = draft("---\ntitle: \"Docker for beginners\"\nlayout: post\n---\n\nRun it:\n\n```sh\ndocker ps\n```\n")
        #expect(yaml.contains("title: Docker for beginners\n"))
        #expect(!yaml.contains("layout: post"))
    }

    @Test("commands typed inside an interactive container are the -it step's stdin")
    func commandsInsideTheContainer() {
        let text = """
            ```console
            $ docker run -it --rm alpine sh
            / # whoami
            root
            / # exit
            $ docker exec -it es bash
            root@3b2c1d:/usr/share/elasticsearch# curl es:9200
            ```
            """
        let yaml = draft(text)
        #expect(yaml.contains("    docker: run -it --rm alpine sh\n    stdin: |\n      whoami\n      exit\n    tty: true\n"))
        #expect(yaml.contains("    stdin: |\n      curl es:9200\n      exit\n"))
        #expect(!yaml.contains("whoami\n    expect") && !yaml.contains("sh: curl es:9200"))
    }

    @Test("curl URL is an http: step with json matchers; curl -I pins no Date")
    func curlIsHTTP() {
        let text = """
            ```bash
            curl localhost:9200
            ```
            ```
            {
              "name" : "ijJgBwM",
              "version" : { "number" : "6.3.2" },
              "tagline" : "You Know, for Search"
            }
            ```
            ```bash
            curl -I http://localhost:9200/
            ```
            ```
            HTTP/1.1 200 OK
            Date: Tue, 12 Jul 2016 10:11:12 GMT
            content-type: application/json; charset=UTF-8
            ```
            """
        let yaml = draft(text)
        #expect(yaml.contains("    http: http://${engine_host}:9200\n"))
        #expect(yaml.contains("- json: { path: '.tagline', equals: \"You Know, for Search\" }"))
        #expect(
            yaml.contains("- json: { path: '.name', exists: true }") && yaml.contains("- json: { path: '.version.number', exists: true }"))
        #expect(yaml.contains("    http: http://${engine_host}:9200/\n    expect:\n      status: 200\n      stderr:\n"))
        #expect(!yaml.contains("2016") && !yaml.contains("sh: curl"))
    }

    @Test("foreground servers run in the background, ready on the line the text shows")
    func foregroundServers() {
        let text = """
            ```bash
            python3 app.py
            ```
            ```
             * Serving Flask app "app"
             * Running on http://0.0.0.0:5000/ (Press CTRL+C to quit)
            ```
            ```console
            $ docker compose up
            Attaching to app_web_1
            web_1  | Listening on port 5000
            ```
            """
        let yaml = draft(text)
        #expect(yaml.contains("    sh: python3 app.py\n    background: true\n    finish_on_match: true\n"))
        #expect(yaml.contains("        - contains: '* Running on http://0.0.0.0:5000/ (Press CTRL+C to quit)'\n"))
        #expect(yaml.contains("    docker: compose up\n    background: true\n    finish_on_match: true\n"))
        #expect(yaml.contains("        - contains: Listening on port 5000\n"))
        #expect(!yaml.contains("Attaching to"))
    }

    @Test("old sample output keeps its stable part: no version, no date, no build")
    func oldSampleOutput() {
        let yaml = draft("```console\n$ docker --version\nDocker version 18.03.1-ce, build 9ee9f40\n```\n")
        #expect(yaml.contains(#"- matches: '^Docker version v?\d+(?:\.\d+)+(?:-[0-9A-Za-z.]+)?, build [0-9a-f]+$'"#))
        #expect(!yaml.contains("- contains: Docker version"))
    }

    @Test("a script the text only shows is no step")
    func shownScripts() {
        let text =
            "Here is `start.sh`, do not type it:\n\n```bash\nset -e\necho starting\n```\n\n```bash\n#!/bin/sh\nls\n```\n"
            + "\n```sh\ndocker ps\n```\n"
        let yaml = draft(text)
        #expect(!yaml.contains("sh: set -e") && !yaml.contains("sh: echo starting") && !yaml.contains("sh: ls"))
        #expect(yaml.contains("    docker: ps\n"))
    }

    @Test("a second git clone and cd do not nest the later steps")
    func secondClone() {
        let text =
            "```bash\ngit clone https://example.com/a\ncd a\n```\n\n"
            + "```bash\ngit clone https://example.com/b\ncd b\ndocker build -t b .\n```\n"
        let yaml = draft(text)
        #expect(yaml.contains("    sh: git clone https://example.com/b\n") && !yaml.contains("cwd: a\n    sh: git clone"))
        #expect(yaml.contains("    cwd: b\n    docker: build -t b .\n"))
    }

    @Test("fixed names and published ports become the learner's own")
    func fixedNamesAndPorts() {
        let text =
            "```sh\ndocker network create net\ndocker run -d --name es --net net -p 9200:9200 -p 9300:9300 elasticsearch:6.3.2\n"
            + "curl localhost:9200\ndocker logs es\n```\n"
        let yaml = draft(text)
        #expect(yaml.contains("    docker: network create ${learner}-net\n"))
        let run = "    docker: run -d --name ${learner}-es --net ${learner}-net -p ${port.es_9200}:9200 -p ${port.es_9300}:9300 "
        #expect(yaml.contains(run + "elasticsearch:6.3.2\n"))
        #expect(yaml.contains("    http: http://${engine_host}:${port.es_9200}\n"))
        #expect(yaml.contains("    docker: logs ${learner}-es\n"))
    }
}
