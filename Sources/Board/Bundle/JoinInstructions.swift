/// The one command per system a learner types to join (SPEC 10.1, 10.3), filled in with the board's
/// join URL: Docker on macOS and Linux, Windows from a WSL 2 shell (or from PowerShell through
/// `wsl`), and the Linux binary.
public struct JoinInstructions: Sendable {
    /// The join URL.
    public let joinURL: String
    /// The image tag learners run (`runbook:VERSION`).
    public let image: String
    /// What the learner replaces with their id.
    public let learner: String

    /// Instructions for `joinURL`, with the image `image`.
    public init(joinURL: String, image: String, learner: String = "YOUR-ID") {
        self.joinURL = joinURL
        self.image = image
        self.learner = learner
    }

    /// `docker run …` as typed in a POSIX shell (macOS Terminal, Linux, a WSL 2 shell).
    public var docker: String {
        "docker run --rm -it -v /var/run/docker.sock:/var/run/docker.sock -v \"$PWD:$PWD\" -w \"$PWD\" \(image) "
            + "guide --join \(joinURL) --learner \(learner)"
    }

    /// The same from Windows PowerShell: run in the WSL 2 distribution, where the paths are the engine's too.
    public var powerShell: String {
        "wsl sh -c 'docker run --rm -it -v /var/run/docker.sock:/var/run/docker.sock -v \"$PWD:$PWD\" -w \"$PWD\" \(image) "
            + "guide --join \(joinURL) --learner \(learner)'"
    }

    /// With the Linux binary.
    public var binary: String {
        "runbook guide --join \(joinURL) --learner \(learner)"
    }

    /// Each system with its command, in the page's order.
    public var systems: [(system: String, note: String, command: String)] {
        [
            ("macOS", "Docker Desktop running; in Terminal, in an empty folder:", docker),
            ("Linux", "Docker running; in an empty folder:", docker),
            (
                "Windows (WSL 2 shell)", "Docker Desktop with WSL 2; in an Ubuntu (WSL) terminal, in an empty folder of your WSL home:",
                docker
            ),
            ("Windows (PowerShell)", "the same, started from PowerShell (it runs in WSL 2):", powerShell),
            ("Linux, with the runbook binary", "no container:", binary),
        ]
    }
}
