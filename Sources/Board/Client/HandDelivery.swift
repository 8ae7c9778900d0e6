/// What became of a raised hand (`h` in the guide), as the learner is told (SPEC 7.1).
public enum HandDelivery: Sendable, Equatable {
    /// The board acknowledged it: the instructor sees it.
    case raised
    /// Not acknowledged (yet): why, e.g. the board does not answer; it goes up when the board answers.
    case waiting(String)
    /// The board refuses this learner: why.
    case refused(String)
}
