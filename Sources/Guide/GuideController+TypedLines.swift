import Foundation
import Frontend
import Workflow

/// What the learner types into the guide besides keys: the line a step printed, pasted so that
/// the step's captures are taken from it, and any line read with its own echo and Ctrl-C rules.
extension GuideController {
    /// After a check passed: the step captures values for later steps from its output, which
    /// runbook did not see; the learner pastes the line. False when the learner quits instead.
    func askForCaptures(_ index: Int) async -> Bool {
        while true {
            let missing = session.missingCaptures(ofStepAt: index)
            guard !missing.isEmpty else { return true }
            screen.paragraph(
                "    Later steps use \(missing.joined(separator: ", ")), which this step takes from its output. Paste the line the command printed (Enter alone: go on without it).",
                screen.style.yellow)
            guard let line = await readLine(prompt: "    > ") else { return false }
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                screen.paragraph(
                    "    Going on without \(missing.joined(separator: ", ")); the steps that use it will say so.", screen.style.dim)
                return true
            }
            let made = session.capture(fromPasted: line, stepAt: index)
            if made.isEmpty {
                screen.paragraph("    That line is not what the step looks for; try again.", screen.style.red)
                continue
            }
            for (name, value) in made.sorted(by: { $0.key < $1.key }) {
                screen.print(
                    screen.style.dim(
                        TerminalWidth.cut(
                            "    captured \(name) = \(VisibleText.sanitize(session.context.redactor.redact(value)))", to: screen.width - 1))
                )
            }
        }
    }

    /// Reads one line typed or pasted by the learner, echoing it; nil when they quit (q alone is
    /// text here: Ctrl-C, SIGTERM, SIGHUP or a closed terminal quit).
    func readLine(prompt: String) async -> String? {
        screen.write(prompt)
        var line: [UInt8] = []
        while true {
            switch await keys.nextBytes() {
            case .typed(let bytes):
                var echo: [UInt8] = []
                for byte in bytes {
                    switch byte {
                    case 0x0D, 0x0A:
                        screen.write(String(decoding: echo, as: UTF8.self) + "\n")
                        return String(decoding: line, as: UTF8.self)
                    case 0x7F, 0x08:
                        guard !line.isEmpty else { continue }
                        while let last = line.popLast(), last & 0xC0 == 0x80 {}
                        echo += Array("\u{8} \u{8}".utf8)
                    case 0x04:
                        return nil
                    default:
                        if byte >= 0x20 {
                            line.append(byte)
                            echo.append(byte)
                        }
                    }
                }
                screen.write(String(decoding: echo, as: UTF8.self))
            case .request(.armed):
                screen.write("\n")
                screen.paragraph("    Press Ctrl-C again to save and quit.", screen.style.yellow)
                screen.write(prompt + String(decoding: line, as: UTF8.self))
            case .request(.quit), .hangUp:
                return nil
            }
        }
    }
}
