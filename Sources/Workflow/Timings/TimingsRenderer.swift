import Foundation

/// `runbook report --timings` in a format (SPEC 11.3): `json` is the array
/// `[{"step", "n", "medianSeconds", "p90Seconds"}]` in step order (what `docs --timings` and
/// `serve --timings` read); `md`, `csv` and `html` are tables with the steps' titles.
public struct TimingsRenderer: Sendable {
    /// The formats timings come in.
    public static let formats: [ReportFormat] = [.json, .md, .csv, .html]

    /// The runbook measured.
    public let runbook: RunHeader.RunbookInfo?
    /// Its steps, in file order.
    public let steps: [RunHeader.StepInfo]
    /// One timing per step, in the same order.
    public let timings: [StepTiming]
    /// How many learners the journals hold.
    public let learnerCount: Int

    /// The renderer of what `input` holds.
    public init(_ input: TimingsInput) {
        self.init(runbook: input.runbook, steps: input.steps, timings: input.timings(), learnerCount: input.learnerIds.count)
    }

    /// A renderer of given timings.
    public init(runbook: RunHeader.RunbookInfo?, steps: [RunHeader.StepInfo], timings: [StepTiming], learnerCount: Int) {
        self.runbook = runbook
        self.steps = steps
        self.timings = timings
        self.learnerCount = learnerCount
    }

    /// The document in `format`; throws for a format timings do not come in.
    public func render(_ format: ReportFormat) throws(ResultsLoadError) -> String {
        switch format {
        case .json: json()
        case .md: markdown()
        case .csv: csv()
        case .html: html()
        case .junit, .tap, .github:
            throw ResultsLoadError(path: "--format \(format)", reason: "timings come as json, md, csv or html")
        }
    }

    /// The JSON array, one object a line, keys in the SPEC's order.
    func json() -> String {
        guard !timings.isEmpty else { return "[]\n" }
        let items = timings.map { timing in
            "  {\"step\": \(Self.quoted(timing.step)), \"n\": \(timing.n), \"medianSeconds\": \(Self.number(timing.medianSeconds)), "
                + "\"p90Seconds\": \(Self.number(timing.p90Seconds))}"
        }
        return "[\n" + items.joined(separator: ",\n") + "\n]\n"
    }

    /// A number of seconds rounded to a tenth, or `null`.
    static func number(_ seconds: Double?) -> String {
        guard let seconds, seconds.isFinite else { return "null" }
        let tenths = (seconds * 10).rounded() / 10
        return tenths == tenths.rounded() ? String(Int(tenths)) : String(format: "%.1f", tenths)
    }

    /// A JSON string.
    static func quoted(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The sentence under every table's title: what was measured.
    var explanation: String {
        "From \(learnerCount) learner\(learnerCount == 1 ? "" : "s")' journals: per step, the time from the step shown (guide) or "
            + "started (run) to its first pass, idle stretches of more than 10 minutes left out; n learners passed it."
    }

    /// The sum of the medians, and whether every step has one.
    var total: (seconds: Double, complete: Bool) {
        (timings.compactMap(\.medianSeconds).reduce(0, +), timings.allSatisfy { $0.medianSeconds != nil })
    }

    func title(of index: Int) -> String {
        index < steps.count ? (steps[index].title ?? "") : ""
    }

    func markdown() -> String {
        var md = "# Timings: \(MarkdownEscaper.inline(runbook?.title ?? runbook?.path ?? "runbook"))\n\n\(explanation)\n\n"
        md += "| # | step | title | n | median | p90 |\n|---:|---|---|---:|---:|---:|\n"
        for (index, timing) in timings.enumerated() {
            let median = timing.medianSeconds.map(DurationText.short) ?? "–"
            let p90 = timing.p90Seconds.map(DurationText.short) ?? "–"
            md += "| \(index + 1) | `\(timing.step)` | \(MarkdownEscaper.inline(title(of: index))) | \(timing.n) | \(median) | \(p90) |\n"
        }
        let total = total
        md += "| | **total** | | | **\(DurationText.short(total.seconds))\(total.complete ? "" : "+")** | |\n"
        return md
    }

    func csv() -> String {
        var csv = CSVEscaper.record(["step", "title", "n", "median_seconds", "p90_seconds"])
        for (index, timing) in timings.enumerated() {
            let median = timing.medianSeconds.map { Self.number($0) } ?? ""
            let p90 = timing.p90Seconds.map { Self.number($0) } ?? ""
            csv += CSVEscaper.record([timing.step, title(of: index), String(timing.n), median, p90])
        }
        return csv
    }

    func html() -> String {
        let name = MarkupEscaper.escape(runbook?.title ?? runbook?.path ?? "runbook")
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>Timings · \(name)</title>
            <style>\(HTMLStyle.css)</style>
            </head>
            <body>
            <header class="page"><p class="eyebrow">Timings</p><h1>\(name)</h1>
            <p>\(MarkupEscaper.escape(explanation))</p></header>
            <main>
            <table class="timings">
            <thead><tr><th scope="col">#</th><th scope="col">Step</th><th scope="col">Title</th><th scope="col">n</th>\
            <th scope="col">Median</th><th scope="col">p90</th></tr></thead>
            <tbody>

            """
        for (index, timing) in timings.enumerated() {
            let median = timing.medianSeconds.map(DurationText.short) ?? "–"
            let p90 = timing.p90Seconds.map(DurationText.short) ?? "–"
            html += "<tr><td>\(index + 1)</td><td><code>\(MarkupEscaper.escape(timing.step))</code></td>"
            html += "<td>\(MarkupEscaper.escape(title(of: index)))</td><td>\(timing.n)</td><td>\(median)</td><td>\(p90)</td></tr>\n"
        }
        let total = total
        html += "</tbody>\n<tfoot><tr><th scope=\"row\" colspan=\"4\">Total</th>"
        html += "<td>\(DurationText.short(total.seconds))\(total.complete ? "" : "+")</td><td></td></tr></tfoot>\n"
        html += "</table>\n</main>\n</body>\n</html>\n"
        return html
    }
}
