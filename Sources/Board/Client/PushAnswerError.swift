/// A `PushAnswer` that is not a success, as an error.
struct PushAnswerError: Error, Sendable {
    /// The answer.
    var answer: PushAnswer

    /// Wraps `answer`.
    init(_ answer: PushAnswer) {
        self.answer = answer
    }
}
