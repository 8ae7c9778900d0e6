/// The shell variables a script reads (`$NAME`, `${NAME}`, `${NAME:-…}`), for what `sh:` steps
/// are shown and given (SPEC 6.9, 6.10).
public enum ShellVariables {
    /// The names referenced in `script`, in order of first use.
    public static func referenced(in script: String) -> [String] {
        var names: [String] = []
        let scalars = Array(script.unicodeScalars)
        var index = 0
        var quoted = false
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "'" && !quoted {
                // Single quotes: nothing is expanded until the closing quote.
                index += 1
                while index < scalars.count, scalars[index] != "'" { index += 1 }
                index += 1
                continue
            }
            if scalar == "\"" { quoted.toggle() }
            if scalar == "\\" {
                index += 2
                continue
            }
            guard scalar == "$", index + 1 < scalars.count else {
                index += 1
                continue
            }
            var start = index + 1
            if scalars[start] == "{" { start += 1 }
            var end = start
            while end < scalars.count, isNameScalar(scalars[end], first: end == start) { end += 1 }
            if end > start {
                let name = String(String.UnicodeScalarView(scalars[start..<end]))
                if !names.contains(name) { names.append(name) }
            }
            index = max(end, index + 1)
        }
        return names
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar, first: Bool) -> Bool {
        guard scalar.isASCII else { return false }
        if ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_" { return true }
        return !first && ("0"..."9").contains(scalar)
    }
}
