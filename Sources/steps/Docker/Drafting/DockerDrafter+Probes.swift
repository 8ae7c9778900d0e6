import Workflow

extension DockerDrafter {
    /// The probes of the state a docker command that ran left (SPEC 11.2): `run -d` → the container
    /// exists and runs; a foreground `run` without `--rm` → it exists; `build`/`pull`/`tag` → the
    /// image; `rm`/`rmi` → gone; `volume`/`network create` → exists (and `rm` → gone). A command
    /// that failed leaves nothing to check.
    public func probes(for command: DraftedCommand, exitStatus: Int32) -> [DraftedProbe] {
        guard exitStatus == 0, command.key != Self.compose else { return [] }
        let arguments = DockerArguments(command.words)
        guard let subcommand = arguments.subcommand, let index = arguments.subcommandIndex else { return [] }
        let (flags, positionals) = arguments.parse()
        let group = index > 0 ? command.words[index - 1] : nil
        let value = { (names: Set<String>) in flags.last { names.contains($0.name) }?.value }
        let isSet = { (names: Set<String>) in flags.contains { names.contains($0.name) && ($0.value == nil || $0.value == "true") } }
        if let action = arguments.actionIndex.map({ command.words[$0] }), ["volume", "network"].contains(subcommand) {
            return objectProbes(subcommand, action: action, names: positionals.map(\.0))
        }
        switch subcommand {
        case "run", "create":
            guard let name = value(["--name"]) else { return [] }
            if isSet(["-d", "--detach"]), subcommand == "run" {
                return [
                    DraftedProbe(
                        key: "container", value: name, jsonEquals: [(".State.Running", "true")],
                        remark: "`docker run -d` leaves the container running")
                ]
            }
            guard !isSet(["--rm"]) else { return [] }
            return [DraftedProbe(key: "container", value: name, remark: "the container stays after it ends (no `--rm`)")]
        case "build":
            guard let tag = value(["-t", "--tag"]) else { return [] }
            return [imageProbe(tag, "`docker build -t` names the image")]
        case "pull":
            return positionals.first.map { [imageProbe($0.0, "`docker pull` leaves the image")] } ?? []
        case "tag":
            return positionals.count == 2 ? [imageProbe(positionals[1].0, "`docker tag` names the image")] : []
        case "rm" where group != "image":
            return positionals.map {
                DraftedProbe(key: "container", value: $0.0, exists: false, remark: "`docker rm` removes the container")
            }
        case "rmi", "rm":
            return positionals.map { DraftedProbe(key: "image", value: $0.0, exists: false, remark: "`docker rmi` removes the image") }
        default:
            return []
        }
    }

    /// An image probe; the image may be on the engine before the step (built or pulled earlier).
    private func imageProbe(_ name: String, _ remark: String) -> DraftedProbe {
        DraftedProbe(
            key: "image", value: name, mayPassBefore: true,
            remark: remark + "; it may be there before the step (cached), so `verify_before: pass`")
    }

    /// `volume`/`network` `create` (exists) and `rm` (gone).
    private func objectProbes(_ kind: String, action: String, names: [String]) -> [DraftedProbe] {
        switch action {
        case "create":
            return names.prefix(1).map { DraftedProbe(key: kind, value: $0, remark: "`docker \(kind) create` makes the \(kind)") }
        case "rm": return names.map { DraftedProbe(key: kind, value: $0, exists: false, remark: "`docker \(kind) rm` removes the \(kind)") }
        default: return []
        }
    }
}
