import Steps
import Testing
import Workflow

@testable import Authoring

/// What importing docker/labs' beginner chapters and docker-curriculum's multi-container chapters
/// showed beyond the list: listings, ids, joined pages, Compose's own names.
@Suite("Tutorial listings")
struct TutorialListingTests {
    /// Every standard kind, made once for the suite.
    static let kinds = StandardKinds.make()

    /// The draft of `markdown`, after checking that it validates.
    private func draft(_ markdown: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        let draft = TutorialImporter.draft(markdown: markdown, source: "t.md", registry: Self.kinds)
        let loaded = RunbookLoader(registry: Self.kinds).load(bytes: Array(draft.yaml.utf8), path: "draft.yaml")
        #expect(!loaded.diagnostics.contains { $0.severity == .error }, "\(draft.yaml)", sourceLocation: sourceLocation)
        return draft.yaml
    }

    @Test("a container's short id from docker ps, used later, is the name the learner gives it")
    func idsFromListings() {
        let text = """
            ```console
            $ docker run -d dockersamples/static-site
            $ docker ps
            CONTAINER ID        IMAGE                  COMMAND          CREATED          STATUS         PORTS     NAMES
            a7a0e504ca3e        dockersamples/static-site   "/bin/sh"   28 seconds ago   Up 26 seconds  80/tcp    stupefied_mahavira
            $ docker stop a7a0e504ca3e
            ```
            """
        let yaml = draft(text)
        #expect(yaml.contains("    docker: run --name ${learner}-stupefied_mahavira -d dockersamples/static-site\n"))
        #expect(yaml.contains("    docker: stop ${learner}-stupefied_mahavira\n"))
        #expect(yaml.contains(" +dockersamples/static-site +"), "the image is not taken for the container")
    }

    @Test("random names in docker ps -a rows, old column names, others' image tags and file listings are not pinned")
    func listings() {
        let text = """
            ```console
            $ docker run alpine /bin/sh
            $ docker ps -a
            CONTAINER ID   IMAGE    COMMAND    CREATED         STATUS                     PORTS   NAMES
            36171a5da744   alpine   "/bin/sh"  5 minutes ago   Exited (0) 2 minutes ago           fervent_newton
            $ docker images
            REPOSITORY   TAG      IMAGE ID       CREATED       VIRTUAL SIZE
            alpine       latest   c51f86c28340   4 weeks ago   1.109 MB
            alpine       3.3      70c557e50ed6   8 days ago    4.8 MB
            $ docker run alpine ls -l
            total 48
            drwxr-xr-x    2 root     root          4096 Mar  2 16:20 bin
            ```
            """
        let yaml = draft(text)
        #expect(yaml.contains(" +[a-z]+_[a-z]+\\d*$'") && !yaml.contains("fervent_newton"))
        #expect(yaml.contains("'^REPOSITORY +TAG +IMAGE ID +CREATED +(?:VIRTUAL )?SIZE'"))
        #expect(!yaml.contains("total 48") && !yaml.contains("drwxr-xr-x"))
        #expect(yaml.contains("^alpine +latest +"))
        #expect(yaml.contains("left out 1 table row naming nothing this tutorial runs: `alpine  3.3`"))
    }

    @Test("YOUR_USERNAME/app is a var; a prompted block after prose that names a file is commands")
    func placeholdersAndPrompts() {
        let text = "It takes the folder containing the `Dockerfile`:\n\n```\n$ docker build -t YOUR_USERNAME/myfirstapp .\n```\n"
        let yaml = draft(text)
        #expect(yaml.contains("    docker: build -t ${YOUR_USERNAME}/myfirstapp .\n"))
        #expect(yaml.contains("  YOUR_USERNAME:\n    required: true\n"))
    }

    @Test("pages joined into one text each bring their front matter")
    func joinedPages() {
        let yaml = draft(
            "---\ntitle: One\n---\n\n```sh\ndocker ps\n```\n\n---\ntitle: Two\nsidebar:\n  order: 2\n---\n\n```sh\ndocker images\n```\n")
        #expect(yaml.contains("title: One\n") && !yaml.contains("title: 'title: Two'") && !yaml.contains("order: 2"))
    }

    @Test("Compose's containers keep the compose file's names; docker inspect output gives json matchers")
    func composeAndInspect() {
        let text = """
            ```console
            $ docker network create foodtrucks-net
            $ docker run -d --name es --net foodtrucks-net elasticsearch:6.3.2
            $ docker network inspect foodtrucks-net
            [
                { "Name": "foodtrucks-net", "Driver": "bridge", "Id": "0815b2a3bb7a6608e850d05553cc0bda98187c4528d94621438f31d97a6fea3c" }
            ]
            $ docker compose up -d
             ✔ Container es  Started
            ```
            """
        let yaml = draft(text)
        #expect(yaml.contains("- json: { path: '.[0].Name', equals: \"${learner}-foodtrucks-net\" }"))
        #expect(yaml.contains("- json: { path: '.[0].Id', exists: true }"))
        #expect(yaml.contains("- contains: ✔ Container es  Started"))
    }

    @Test("a later chapter's clone of the same repository is no step; docker search keeps its header only")
    func repeatedCloneAndSearch() {
        let text =
            "```bash\ngit clone https://example.com/app\ncd app\n```\n\n```bash\ngit clone https://example.com/app\ncd app\n"
            + "docker build -t app .\n```\n\n```console\n$ docker search app\nNAME   DESCRIPTION   STARS   OFFICIAL\n"
            + "app    An app        697     [OK]\n```\n"
        let yaml = draft(text)
        #expect(yaml.components(separatedBy: "sh: git clone").count == 2)
        #expect(yaml.contains("# drafted: not a step: `git clone https://example.com/app` (line 7): cloned already at line 2\n"))
        #expect(yaml.contains("    cwd: app\n    docker: build -t app .\n"))
        #expect(yaml.contains("- matches: '^NAME +DESCRIPTION +STARS +OFFICIAL'") && !yaml.contains("697"))
    }

    @Test("docker login alone takes the account from vars; a run the text shows failing expects a nonzero exit")
    func loginAndFailure() {
        let text =
            "```bash\ndocker login\n```\n\n"
            + "```console\n$ docker run --rm web\nUnable to connect to ES.\nOut of retries. Bailing out...\n```\n"
        let yaml = draft(text)
        #expect(yaml.contains("    docker: login --username \"${DOCKER_USERNAME}\" --password-stdin\n    stdin: ${DOCKER_PASSWORD}\n"))
        #expect(yaml.contains("  DOCKER_PASSWORD:\n    required: true\n"))
        #expect(yaml.contains("    docker: run --rm web\n    expect:\n      exit: nonzero\n"))
    }
}
