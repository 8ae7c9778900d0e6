import Frontend
import Workflow

/// Asks for the `required` vars a step uses that have no value, when that step is about to be
/// shown (SPEC 10.3), instead of refusing to start: a secret is typed without echo. The values are
/// never saved (the next session asks again).
struct RequiredVarPrompt {
    /// The learner's keys.
    let keys: KeyReader
    /// What the learner sees.
    let screen: GuideScreen

    /// Asks for each unset required var of the step at `index`; false when the learner quit instead.
    func provide(forStepAt index: Int, in session: LearnerSession) async -> Bool {
        let runbook = session.runbook
        let unset = session.context.scope.unsetRequired(among: runbook.steps[index].usedNames, in: runbook)
        for declaration in unset {
            let secret = runbook.secrets.contains(declaration.name) || Redactor.isSecretName(declaration.name)
            let about = declaration.description.map { " (\(VisibleText.sanitize($0)))" } ?? ""
            screen.print("")
            screen.paragraph(
                "The next step needs \(declaration.name)\(about)." + (secret ? " It is a secret: what you type is not shown." : ""))
            guard let value = await line(prompt: "  \(declaration.name): ", echo: !secret) else { return false }
            session.context.provide(declaration.name, value: value, runbook: runbook)
        }
        return true
    }

    /// One line typed by the learner (not empty); nil for Ctrl-C, Ctrl-D or a terminal that is gone.
    func line(prompt: String, echo: Bool) async -> String? {
        screen.write(prompt)
        var typed: [UInt8] = []
        while true {
            switch await keys.nextBytes() {
            case .hangUp, .request(.quit):
                screen.print("")
                return nil
            case .request(.armed):
                screen.write("\n  (Ctrl-C again quits)\n" + prompt + (echo ? String(decoding: typed, as: UTF8.self) : ""))
            case .typed(let bytes):
                for byte in bytes {
                    switch byte {
                    case 0x0D, 0x0A:
                        guard !typed.isEmpty else { continue }
                        screen.print("")
                        return String(decoding: typed, as: UTF8.self)
                    case 0x03, 0x04:
                        screen.print("")
                        return nil
                    case 0x7F, 0x08:
                        guard !typed.isEmpty else { continue }
                        // Drop the last character, not just its last byte.
                        repeat { typed.removeLast() } while typed.last.map { $0 & 0xC0 == 0x80 } ?? false
                        if echo { screen.write("\u{8} \u{8}") }
                    case 0x1B:
                        break
                    default:
                        guard byte >= 0x20 else { continue }
                        typed.append(byte)
                        if echo { screen.write(String(decoding: [byte], as: UTF8.self)) }
                    }
                }
            }
        }
    }
}
