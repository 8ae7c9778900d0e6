import Testing

@testable import Workflow

/// `${…}` parsing (SPEC 1.3): references, `$$`, literal `$`, defaults and malformed references.
@Suite("Template parser")
struct TemplateParserTests {
    private static let origin = Workflow.SourceLocation(file: "t.yaml", line: 3, column: 10)

    /// Parses `text` as if it stood at column 10 of line 3, one source column per scalar.
    private func parse(_ text: String) -> (template: Template, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let locate: TemplateParser.Locator = { offset in Self.origin.advanced(by: offset) }
        let template = TemplateParser().parse(text, at: Self.origin, locate: locate) { diagnostics.append($0) }
        return (template, diagnostics)
    }

    private func at(_ column: Int) -> Workflow.SourceLocation {
        Workflow.SourceLocation(file: "t.yaml", line: 3, column: column)
    }

    @Test func plainVariable() {
        let (template, diagnostics) = parse("${a}")
        #expect(diagnostics.isEmpty)
        #expect(template.parts == [.variable("a", at(10))])
        #expect(template.raw == "${a}")
        #expect(!template.isLiteral)
    }

    @Test func variableAmongText() {
        let (template, diagnostics) = parse("img-${name_2}:v1")
        #expect(diagnostics.isEmpty)
        #expect(template.parts == [.literal("img-"), .variable("name_2", at(14)), .literal(":v1")])
        #expect(template.variableReferences.map(\.name) == ["name_2"])
        #expect(template.variableReferences.map(\.location) == [at(14)])
    }

    @Test func environmentReference() {
        let (template, diagnostics) = parse("${env.HOME}")
        #expect(diagnostics.isEmpty)
        #expect(template.parts == [.environment("HOME", default: nil, at(10))])
        #expect(template.variableReferences.isEmpty)
        #expect(template.environmentReferences == ["HOME"])
    }

    @Test func environmentReferenceWithNestedDefault() throws {
        let (template, diagnostics) = parse("${env.X:-${learner}-x}/y")
        #expect(diagnostics.isEmpty)
        #expect(template.parts.count == 2)
        guard case .environment(let name, let fallback, let location) = template.parts.first else {
            Issue.record("expected an environment reference, got \(template.parts)")
            return
        }
        #expect(name == "X")
        #expect(location == at(10))
        let inner = try #require(fallback)
        #expect(inner.raw == "${learner}-x")
        #expect(inner.parts == [.variable("learner", at(19)), .literal("-x")])
        #expect(template.parts.last == .literal("/y"))
        #expect(template.variableReferences.map(\.name) == ["learner"])
        #expect(template.variableReferences.map(\.location) == [at(19)])
    }

    @Test func environmentReferenceWithEmptyDefault() {
        let (template, diagnostics) = parse("${env.TAG:-}")
        #expect(diagnostics.isEmpty)
        #expect(template.parts == [.environment("TAG", default: Template(parts: [], raw: "", location: at(10)), at(10))])
    }

    @Test func doubleDollarIsALiteralDollar() {
        let (template, diagnostics) = parse("cost: $$5 and $${a}")
        #expect(diagnostics.isEmpty)
        #expect(template.isLiteral)
        #expect(template.parts == [.literal("cost: $5 and ${a}")])
        #expect(template.variableReferences.isEmpty)
    }

    @Test(arguments: ["for i in 1 2; do echo $i; done", "$(date)", "$((1+2))", "{{ .Names }}", "$", "a$", "$ {a}", "price $5"])
    func otherDollarsAreLiteral(_ text: String) {
        let (template, diagnostics) = parse(text)
        #expect(diagnostics.isEmpty)
        #expect(template.isLiteral)
        #expect(template.parts == [.literal(text)])
    }

    @Test func emptyTextHasNoParts() {
        let (template, diagnostics) = parse("")
        #expect(diagnostics.isEmpty)
        #expect(template.parts.isEmpty)
        #expect(template.isLiteral)
    }

    @Test func unclosedReferenceIsAnErrorAtItsDollar() {
        let (template, diagnostics) = parse("a ${b c")
        #expect(diagnostics.map(\.description) == ["t.yaml:3:12: error: '${' is not closed; write '$${' for a literal '${'"])
        #expect(template.parts == [.literal("a ${b c")])
    }

    @Test func unclosedDefaultIsAnError() {
        let (_, diagnostics) = parse("${env.X:-abc")
        #expect(diagnostics.map(\.description) == ["t.yaml:3:10: error: '${' is not closed; write '$${' for a literal '${'"])
    }

    @Test(arguments: [
        ("${}", "'${}' is not a valid reference"),
        ("${1abc}", "'${1abc}' is not a valid reference"),
        ("${a-b}", "'${a-b}' is not a valid reference"),
        ("${a b}", "'${a b}' is not a valid reference"),
        ("${é}", "'${é}' is not a valid reference"),
        ("${env.}", "'${env.}' is not a valid environment reference"),
        ("${env.1X}", "'${env.1X}' is not a valid environment reference"),
        ("${name:-x}", "a default (':-') is only allowed for environment references: ${env.name:-…}"),
    ])
    func invalidNamesAreErrorsAndStayLiteral(_ text: String, _ message: String) {
        let (template, diagnostics) = parse("x" + text)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.hasPrefix(message) == true, "\(diagnostics)")
        #expect(diagnostics.first?.location == at(11))
        #expect(template.isLiteral)
        #expect(template.parts == [.literal("x" + text)])
    }

    @Test func severalReferencesKeepTheirOwnPositions() {
        let (template, diagnostics) = parse("${a}${b} ${env.C} ${d}")
        #expect(diagnostics.isEmpty)
        #expect(
            template.parts == [
                .variable("a", at(10)), .variable("b", at(14)), .literal(" "), .environment("C", default: nil, at(19)), .literal(" "),
                .variable("d", at(28)),
            ])
    }

    @Test func withoutLocatorReferencesPointAtTheScalar() {
        var diagnostics: [Diagnostic] = []
        let template = TemplateParser().parse("x ${a}", at: Self.origin) { diagnostics.append($0) }
        #expect(template.variableReferences.map(\.location) == [Self.origin])
    }

    @Test func renderInsertsValuesWithoutRescanning() {
        let (template, _) = parse("${a}-${env.B:-fallback}-$$")
        let output = template.render { part in
            switch part {
            case .variable(let name, _): return name == "a" ? "${b}" : "?"
            case .environment(_, let fallback, _): return fallback?.raw ?? ""
            case .literal(let text): return text
            }
        }
        #expect(output == "${b}-fallback-$")
    }

    @Test func renderAppliesTransformToValuesOnly() {
        let (template, _) = parse("^${v}$")
        #expect(template.render({ _ in "1.0" }, transform: RegexSupport.escape) == "^1\\.0$")
    }

    @Test(arguments: [
        ("a", true), ("_x9", true), ("DOCKER_USERNAME", true), ("9a", false), ("", false), ("a-b", false), ("ü", false), ("a.b", false),
    ])
    func variableNames(_ name: String, _ valid: Bool) {
        #expect(TemplateParser.isVariableName(name) == valid)
    }

    @Test func builtinsAreReserved() {
        #expect(TemplateParser.builtins == ["learner", "module", "runbook_dir", "run_id", "workdir", "engine_host", "port"])
    }

    /// `${env.A:-${env.A:-…x…}}` with `depth` references, each default holding the next.
    private static func nested(_ depth: Int) -> String {
        String(repeating: "${env.A:-", count: depth) + "x" + String(repeating: "}", count: depth)
    }

    @Test("defaults nest up to 32 levels")
    func nestingUpToTheLimit() {
        let (template, diagnostics) = parse(Self.nested(TemplateParser.maximumNesting))
        #expect(diagnostics.isEmpty)
        #expect(template.environmentReferences.count == 32)
        #expect(
            template.render { part in
                guard case .environment(_, let fallback, _) = part else { return "" }
                return fallback?.render { _ in "x" } ?? ""
            } == "x")
    }

    @Test("defaults nested deeper than 32 levels are one error at the 33rd '${', and the text stays literal")
    func nestingPastTheLimit() {
        for depth in [33, 100] {
            let text = Self.nested(depth)
            let (template, diagnostics) = parse(text)
            #expect(diagnostics.map(\.message) == ["'${env.NAME:-default}' defaults are nested more than 32 levels deep"], "depth \(depth)")
            #expect(diagnostics.first?.location == at(10 + 32 * "${env.A:-".count), "depth \(depth)")
            #expect(template.isLiteral && template.raw == text)
        }
    }
}
