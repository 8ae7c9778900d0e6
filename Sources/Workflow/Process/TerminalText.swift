/// What a terminal shows of one line of a program's output (SPEC 6.11): escape and control
/// sequences removed, carriage returns and backspaces applied (a later text overwrites from the
/// column it moved to), "erase in line" applied; printable text, tabs included, kept.
public enum TerminalText {
    /// The bytes a terminal would show for `line` (no LF; trailing CRs already removed), or nil when
    /// `line` has nothing a terminal interprets, so that it is shown as it is.
    public static func shown(_ line: UnsafeRawBufferPointer) -> [UInt8]? {
        guard line.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F || $0 == 0xC2 }) else { return nil }
        let scalars = Array(String(decoding: line, as: UTF8.self).unicodeScalars)
        var screen = Screen()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar.value {
            case 0x1B: index = screen.escape(scalars, from: index)
            case 0x9B: index = screen.controlSequence(scalars, from: index)
            case 0x0D: screen.cursor = 0
            case 0x08: screen.cursor = max(0, screen.cursor - 1)
            case 0x09: screen.put(scalar)
            case 0x00..<0x20, 0x7F..<0xA0: continue  // other controls (BEL…) show nothing
            default: screen.put(scalar)
            }
        }
        return Array(screen.text.utf8)
    }

    /// One line of cells with a cursor; nil cells were never written or were erased.
    private struct Screen {
        var cells: [Unicode.Scalar?] = []
        var cursor = 0

        /// Writes `scalar` at the cursor and moves right.
        mutating func put(_ scalar: Unicode.Scalar) {
            while cells.count < cursor { cells.append(nil) }
            if cursor < cells.count { cells[cursor] = scalar } else { cells.append(scalar) }
            cursor += 1
        }

        /// The text shown: erased cells inside the line are spaces, trailing ones nothing.
        var text: String {
            var end = cells.count
            while end > 0, cells[end - 1] == nil { end -= 1 }
            var view = String.UnicodeScalarView()
            for cell in cells[..<end] { view.append(cell ?? " ") }
            return String(view)
        }

        /// After ESC: skips the sequence it starts; returns the index after it.
        mutating func escape(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
            guard start < scalars.count else { return start }
            switch scalars[start] {
            case "[": return controlSequence(scalars, from: start + 1)
            case "]", "P", "X", "^", "_": return Self.stringEnd(scalars, from: start + 1)
            default:
                // ESC, intermediates (0x20–0x2F), one final character: charset selection, keypad modes…
                var index = start
                while index < scalars.count, (0x20...0x2F).contains(scalars[index].value) { index += 1 }
                return min(index + 1, scalars.count)
            }
        }

        /// A control sequence after its introducer: parameters, intermediates, the final byte;
        /// "erase in line" and horizontal cursor moves are applied, the others ignored.
        mutating func controlSequence(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
            var index = start
            while index < scalars.count, (0x20...0x3F).contains(scalars[index].value) { index += 1 }
            guard index < scalars.count else { return index }
            let parameters = String(String.UnicodeScalarView(scalars[start..<index]))
            let number = Int(parameters) ?? 0
            switch scalars[index] {
            case "K":
                let range: Range<Int> =
                    switch number {
                    case 1: 0..<min(cursor + 1, cells.count)
                    case 2: 0..<cells.count
                    default: min(cursor, cells.count)..<cells.count
                    }
                for cell in range { cells[cell] = nil }
            case "G": cursor = max(0, number - 1)
            case "C": cursor += max(1, number)
            case "D": cursor = max(0, cursor - max(1, number))
            default: break
            }
            return index + 1
        }

        /// The end of an OSC, DCS, SOS, PM or APC string: after BEL or ESC \ (or the line's end).
        static func stringEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
            var index = start
            while index < scalars.count {
                if scalars[index] == "\u{07}" || scalars[index] == "\u{9C}" { return index + 1 }
                if scalars[index] == "\u{1B}", index + 1 < scalars.count, scalars[index + 1] == "\\" { return index + 2 }
                index += 1
            }
            return index
        }
    }
}
