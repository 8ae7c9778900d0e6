/// What a terminal would show of a command's output, as lines of plain text: escape sequences
/// removed, a carriage return going back to the line's start (progress bars end as their last
/// state), backspace, and the cursor moves and erasures that progress displays use
/// (`ESC[nA`, `ESC[nB`, `ESC[K`, `ESC[2K`) played on a grid of lines without a height limit.
public enum TerminalText {
    /// The lines `bytes` leave on the screen, trailing blanks removed, trailing empty lines dropped.
    public static func lines(_ bytes: [UInt8]) -> [String] {
        var grid: [[Unicode.Scalar]] = [[]]
        var row = 0
        var column = 0
        let scalars = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
        var index = 0
        func put(_ scalar: Unicode.Scalar) {
            while grid[row].count < column { grid[row].append(" ") }
            if column < grid[row].count { grid[row][column] = scalar } else { grid[row].append(scalar) }
            column += 1
        }
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "\n":
                row += 1
                column = 0
                if row == grid.count { grid.append([]) }
            case "\r": column = 0
            case "\u{08}": column = max(0, column - 1)
            case "\t": repeat { put(" ") } while column % 8 != 0
            case "\u{1B}":
                guard index < scalars.count else { break }
                let kind = scalars[index]
                index += 1
                if kind == "[" {
                    var parameters = ""
                    while index < scalars.count, !(0x40...0x7E).contains(scalars[index].value) {
                        parameters.unicodeScalars.append(scalars[index])
                        index += 1
                    }
                    guard index < scalars.count else { break }
                    let final = scalars[index]
                    index += 1
                    let count = max(1, Int(parameters.split(separator: ";").first ?? "") ?? 1)
                    switch final {
                    case "A": row = max(0, row - count)
                    case "B":
                        row += count
                        while grid.count <= row { grid.append([]) }
                    case "C": column += count
                    case "D": column = max(0, column - count)
                    case "G": column = count - 1
                    case "K":
                        if parameters == "2" {
                            grid[row] = []
                        } else if parameters == "1" {
                            for cell in 0..<min(column, grid[row].count) { grid[row][cell] = " " }
                        } else if column < grid[row].count {
                            grid[row].removeSubrange(column...)
                        }
                    default: break
                    }
                } else if kind == "]" || kind == "P" || kind == "_" {
                    // OSC, DCS, APC: up to BEL or ESC \.
                    while index < scalars.count, scalars[index] != "\u{07}" {
                        if scalars[index] == "\u{1B}", index + 1 < scalars.count, scalars[index + 1] == "\\" {
                            index += 1
                            break
                        }
                        index += 1
                    }
                    index += 1
                } else if kind == "(" || kind == ")" {
                    index += 1
                }
            default:
                if scalar.value >= 0x20 && scalar.value != 0x7F { put(scalar) }
            }
        }
        var lines = grid.map { cells in
            var line = String(String.UnicodeScalarView(cells))
            while line.last == " " { line.removeLast() }
            return line
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// Whether `bytes` move the cursor up (`ESC[nA`, `ESC[nF`): a live display such as a progress
    /// bar, which prints other lines when its program runs without a terminal.
    public static func drawsProgress(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == 0x1B, bytes[index + 1] == UInt8(ascii: "[") {
                var end = index + 2
                while end < bytes.count, (0x30...0x3F).contains(bytes[end]) { end += 1 }
                if end < bytes.count, bytes[end] == UInt8(ascii: "A") || bytes[end] == UInt8(ascii: "F") { return true }
                index = end
            } else {
                index += 1
            }
        }
        return false
    }

    /// What a person typed, as lines: Enter (CR or LF) ends a line, backspace and DEL erase,
    /// Ctrl-U erases the line, other control bytes and escape sequences (arrow keys) are dropped.
    public static func typedLines(_ bytes: [UInt8]) -> [String] {
        var lines: [String] = []
        var line: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x0D, 0x0A:
                if byte == 0x0A, index >= 2, bytes[index - 2] == 0x0D { continue }
                lines.append(String(decoding: line, as: UTF8.self))
                line = []
            case 0x08, 0x7F:
                while let last = line.popLast(), last & 0xC0 == 0x80 {}
            case 0x15: line = []
            case 0x1B:
                if index < bytes.count, bytes[index] == UInt8(ascii: "[") || bytes[index] == UInt8(ascii: "O") {
                    index += 1
                    while index < bytes.count, !(0x40...0x7E).contains(bytes[index]) { index += 1 }
                    index += 1
                }
            default:
                if byte >= 0x20 { line.append(byte) }
            }
        }
        if !line.isEmpty { lines.append(String(decoding: line, as: UTF8.self)) }
        return lines
    }
}
