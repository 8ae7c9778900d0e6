import Workflow

extension DockerDrafter {
    /// The var that stands for a registry password in a draft.
    static let passwordVariable = "REGISTRY_PASSWORD"

    /// `docker login`'s password: the value of `-p`/`--password` (also `--password=X`, `-pX`), and
    /// what is typed into `--password-stdin`.
    public func secrets(in words: [String]) -> DraftedSecrets {
        let arguments = DockerArguments(Array(words.dropFirst()))
        guard arguments.subcommand == "login", let login = arguments.subcommandIndex.map({ $0 + 1 }) else { return DraftedSecrets() }
        var secrets = DraftedSecrets()
        var index = login + 1
        while index < words.count {
            let word = words[index]
            if word == "--password-stdin" {
                secrets.standardInput = Self.passwordVariable
            } else if word == "-p" || word == "--password" {
                if index + 1 < words.count { secrets.words.append(.init(index: index + 1, variable: Self.passwordVariable)) }
                index += 1
            } else if word.hasPrefix("--password=") {
                secrets.words.append(.init(index: index, prefix: "--password=", variable: Self.passwordVariable))
            } else if word.hasPrefix("-p"), !word.hasPrefix("--") {
                secrets.words.append(.init(index: index, prefix: "-p", variable: Self.passwordVariable))
            }
            index += 1
        }
        return secrets
    }
}
