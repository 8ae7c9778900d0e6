import Foundation

/// Reads what `runbook report --timings --format json` wrote, for `docs --timings` and
/// `serve --timings` (SPEC 11.3): the steps' timings by step id.
public enum TimingsFile {
    /// The timings in the JSON file at `path`, by step id.
    public static func load(path: String) throws(ResultsLoadError) -> [String: StepTiming] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ResultsLoadError(path: path, reason: "cannot read the file")
        }
        let list: [StepTiming]
        do {
            list = try JSONDecoder().decode([StepTiming].self, from: data)
        } catch {
            throw ResultsLoadError(
                path: path, reason: "not the JSON of `runbook report --timings` ([{\"step\", \"n\", \"medianSeconds\", \"p90Seconds\"}])")
        }
        return Dictionary(list.map { ($0.step, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
