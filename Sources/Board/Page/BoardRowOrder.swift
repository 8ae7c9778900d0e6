/// The order of the board's rows: stuck learners first, then raised hands, then the others, each
/// group in roster order (the page's script sorts the same way).
enum BoardRowOrder {
    /// `rows` in board order.
    static func sorted(_ rows: [MatrixRow]) -> [MatrixRow] {
        rows.enumerated().sorted { lhs, rhs in
            let left = rank(lhs.element)
            let right = rank(rhs.element)
            return left != right ? left < right : lhs.offset < rhs.offset
        }.map(\.element)
    }

    private static func rank(_ row: MatrixRow) -> Int {
        row.stuck != nil ? 0 : (row.hand != nil ? 1 : 2)
    }
}
