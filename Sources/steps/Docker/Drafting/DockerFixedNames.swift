import Text
import Workflow

/// Makes the fixed names and ports of a text the learner's own: `docker run --name es -p 9200:9200`
/// becomes `--name ${learner}-es -p ${port.es}:9200`, so that two learners on one engine (or a
/// second run) never collide. Later docker commands that name the container follow, and so do
/// later requests to the port (`http://${engine_host}:9200` becomes `…:${port.es}`).
enum DockerFixedNames {
    /// Renames in `commands` (the docker ones are those whose key is in `keys`); returns the output
    /// texts that now stand for the new names.
    static func apply(to commands: inout [DraftedCommand], keys: Set<String>) -> [OutputStandIn] {
        var known: [OutputStandIn] = []
        for index in commands.indices where keys.contains(commands[index].key) {
            let arguments = DockerArguments(commands[index].words)
            if let action = arguments.actionIndex, arguments.words[action] == "create",
                arguments.subcommand == "volume" || arguments.subcommand == "network",
                let name = arguments.parse().positionals.first?.0, !name.contains("$")
            {
                known += objectName(name, of: arguments.subcommand ?? "", at: index, in: &commands, keys: keys)
                continue
            }
            guard arguments.subcommand == "run" || arguments.subcommand == "create" else { continue }
            let (flags, positionals) = arguments.parse()
            let name = flags.last { $0.name == "--name" }?.value
            if let name, !name.contains("$"), !name.isEmpty {
                // `runbook docs` writes `${learner}-web` as `local-web`: that is the learner's name already.
                let template = "${learner}-\(name.hasPrefix("local-") ? String(name.dropFirst(6)) : name)"
                for user in commands.indices where user >= index {
                    if commands[user].key == "sh" {
                        // A script gets vars as environment variables, not as `${…}`: the author renames it there.
                        if ShellLine(commands[user].text).words.contains(where: { $0 == name || $0 == "name=\(name)" }) {
                            commands[user].remarks.append(
                                "`\(name)` is the container `\(template)` of the step from line "
                                    + "\(commands[index].line): name it so here")
                        }
                        continue
                    }
                    guard keys.contains(commands[user].key), rename(name, to: template, in: &commands[user]) else { continue }
                    if user > index {
                        commands[user].remarks.append("`\(name)` is the container of the step from line \(commands[index].line)")
                    }
                }
                commands[index].remarks.append("the text's fixed name `\(name)` is `\(template)`, the learner's own")
                known.append(OutputStandIn(text: name, template: template))
            }
            let published = flags.filter { $0.name == "-p" || $0.name == "--publish" }.compactMap(\.value)
            let base = portName(name.map { $0.hasPrefix("local-") ? String($0.dropFirst(6)) : $0 } ?? positionals.first?.0 ?? "port")
            for value in published {
                let parts = value.split(separator: ":", omittingEmptySubsequences: false)
                guard parts.count >= 2, let host = parts.dropLast().last, !host.isEmpty, host.allSatisfy(\.isNumber) else { continue }
                let container = parts.last.map { String($0.split(separator: "/").first ?? $0) } ?? ""
                let port = published.count == 1 ? base : "\(base)_\(container.filter(\.isNumber))"
                let replaced = (parts.count == 3 ? "\(parts[0]):" : "") + "${port.\(port)}:" + parts.last!
                _ = replaceWord(value, with: replaced, in: &commands[index])
                commands[index].remarks.append("the text's fixed port \(host) is `${port.\(port)}`, a free port of the learner's own")
                // Only as a published address in an output (`0.0.0.0:9200->9200/tcp`): a bare number, or
                // a container's own address (`{172.17.0.2:9300}`), is something else.
                known += ["0.0.0.0", "[::]", "127.0.0.1", "localhost"].map {
                    OutputStandIn(text: "\($0):\(host)", template: "\($0):${port.\(port)}")
                }
                for user in commands.indices where user > index && commands[user].key != "sh" {
                    let before = commands[user].text
                    for local in ["${engine_host}", "localhost", "127.0.0.1"] {
                        commands[user].text = commands[user].text.replacingOccurrences(
                            of: "\(local):\(host)", with: "\(local):${port.\(port)}")
                    }
                    guard commands[user].text != before else { continue }
                    commands[user].words = commands[user].words.map { word in
                        ["${engine_host}", "localhost", "127.0.0.1"].reduce(word) {
                            $0.replacingOccurrences(of: "\($1):\(host)", with: "\($1):${port.\(port)}")
                        }
                    }
                    commands[user].remarks.append(
                        "port \(host) is the one the step from line \(commands[index].line) publishes: `${port.\(port)}`")
                }
            }
        }
        return known
    }

    /// Makes the volume or network `name` made by `commands[index]` the learner's own, there and in
    /// the later docker commands (`--net NAME`, `--network=NAME`, `-v NAME:/path`, `volume rm NAME`).
    private static func objectName(
        _ name: String, of group: String, at index: Int, in commands: inout [DraftedCommand], keys: Set<String>
    ) -> [OutputStandIn] {
        let template = "${learner}-\(name.hasPrefix("local-") ? String(name.dropFirst(6)) : name)"
        for user in commands.indices where user >= index && keys.contains(commands[user].key) {
            let line = ShellLine(commands[user].text)
            var replacements: [(range: Range<Int>, text: String)] = []
            for token in line.tokens where token.raw == token.value {
                for prefix in ["", "--net=", "--network=", "source=", "src="] where token.value.hasPrefix(prefix + name) {
                    let rest = token.value.dropFirst(prefix.count + name.count)
                    if rest.isEmpty || rest.hasPrefix(":") || rest.hasPrefix(",") {
                        replacements.append((token.range, prefix + template + rest))
                        break
                    }
                }
            }
            guard !replacements.isEmpty else { continue }
            commands[user].text = line.replacing(replacements)
            let rewritten = Dictionary(
                replacements.map { (String(String.UnicodeScalarView(line.scalars[$0.range])), $0.text) },
                uniquingKeysWith: { first, _ in first })
            commands[user].words = commands[user].words.map { rewritten[$0] ?? $0 }
            commands[user].names = commands[user].names.map { rewritten[$0] ?? $0 }
            if user > index { commands[user].remarks.append("`\(name)` is the \(group) of the step from line \(commands[index].line)") }
        }
        commands[index].remarks.append("the text's fixed \(group) name `\(name)` is `\(template)`, the learner's own")
        return [OutputStandIn(text: name, template: template)]
    }

    /// A `[a-z][a-z0-9_]*` port name from a container or image name.
    static func portName(_ name: String) -> String {
        let own = name.replacingOccurrences(of: "${learner}-", with: "")
        let last = own.split(separator: "/").last.map { String($0.split(separator: ":").first ?? $0) } ?? own
        var output = String(last.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        if output.first?.isLetter != true { output = "p" + output }
        return output
    }

    /// Renames the word `name` (written plainly) in `command`; false when it has none.
    private static func rename(_ name: String, to template: String, in command: inout DraftedCommand) -> Bool {
        let plain = replaceWord(name, with: template, in: &command)
        return replaceWord("name=\(name)", with: "name=\(template)", in: &command) || plain
    }

    private static func replaceWord(_ word: String, with replacement: String, in command: inout DraftedCommand) -> Bool {
        let line = ShellLine(command.text)
        let replacements = line.tokens.filter { $0.value == word && $0.raw == word }.map { (range: $0.range, text: replacement) }
        guard !replacements.isEmpty else { return false }
        command.text = line.replacing(replacements)
        command.words = command.words.map { $0 == word ? replacement : $0 }
        command.names = command.names.map { $0 == word ? replacement : $0 }
        return true
    }
}
