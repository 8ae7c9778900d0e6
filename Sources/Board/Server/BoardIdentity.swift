/// Who a request's token names: the instructor, or one learner.
public enum BoardIdentity: Sendable, Equatable {
    /// The instructor's token: the board, its events, matrix, details and exports.
    case instructor
    /// A learner's token: pushes to that learner's journal only.
    case learner(String)
}
