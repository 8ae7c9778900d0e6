/// How many hints of each step the learner was shown, kept between sessions (SPEC 11.1).
extension GuideState {
    /// The hints of `step` shown so far.
    func hintsSeen(_ step: String) -> Int {
        hintsShown?[step] ?? 0
    }

    /// Records that `count` hints of `step` were shown.
    mutating func setHintsSeen(_ count: Int, for step: String) {
        hintsShown = (hintsShown ?? [:]).merging([step: count]) { _, new in new }
    }
}
