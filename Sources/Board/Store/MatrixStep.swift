import Workflow

/// A column of the board: the step, and how many learners passed it.
public struct MatrixStep: Sendable, Codable, Equatable {
    /// The step's id.
    public var id: String
    /// Its title as written.
    public var title: String?
    /// Its hint as written.
    public var hint: String?
    /// Learners whose latest result of the step is passed.
    public var passed: Int
    /// With `serve --timings`: the room's median time on the step, in seconds.
    public var medianSeconds: Double?
    /// True for a fact of the machine (`environment: true`): not counted in a learner's passed/total; nil otherwise.
    public var environment: Bool?

    /// Creates a column.
    public init(id: String, title: String?, hint: String?, passed: Int, medianSeconds: Double? = nil, environment: Bool? = nil) {
        self.id = id
        self.title = title
        self.hint = hint
        self.passed = passed
        self.medianSeconds = medianSeconds
        self.environment = environment
    }
}
