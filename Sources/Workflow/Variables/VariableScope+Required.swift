/// `required` vars asked for by the guide when a step that uses them is shown (SPEC 10.3).
extension VariableScope {
    /// The `required` vars without a value that `names` use, directly or through other vars' values.
    public func unsetRequired(among names: [String], in runbook: Runbook) -> [VariableDeclaration] {
        let declarations = Dictionary(runbook.vars.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var seen: Set<String> = []
        var pending = names
        var unset: [VariableDeclaration] = []
        while let name = pending.popLast() {
            guard seen.insert(name).inserted, let declaration = declarations[name] else { continue }
            if declaration.required, ((try? value(of: name)) ?? "").isEmpty { unset.append(declaration) }
            pending += definitionReferences(of: name)
        }
        return unset.sorted { $0.location.line < $1.location.line }
    }
}
