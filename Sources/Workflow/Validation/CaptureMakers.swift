/// Which steps make each capture (several may, SPEC 6.8), and where captures are used, for the
/// validator's checks of uses, implied needs and unused captures.
struct CaptureMakers {
    /// The indices of the steps that capture each name, in file order.
    private(set) var makers: [String: [Int]] = [:]
    /// Where each capture is used: the using step's index (`Int.max` for cleanup) and whether after the step ran.
    private(set) var uses: [String: [(index: Int, afterStep: Bool)]] = [:]

    /// Records that the step at `index` makes `name`.
    mutating func add(_ name: String, at index: Int) {
        if makers[name]?.last != index { makers[name, default: []].append(index) }
    }

    /// Records a use of `name` by the step at `index` (before or after it runs).
    mutating func use(_ name: String, at index: Int, afterStep: Bool) {
        uses[name, default: []].append((index, afterStep))
    }

    /// Whether some step captures `name`.
    func isCapture(_ name: String) -> Bool { makers[name] != nil }

    /// Every captured name.
    var names: [String] { Array(makers.keys) }

    /// The nearest step that makes `name` and whose value the step at `index` can see: an earlier
    /// one, or this one when the use comes after it runs.
    func visibleMaker(of name: String, at index: Int, afterStep: Bool) -> Int? {
        makers[name]?.last { $0 < index || (afterStep && $0 == index) }
    }

    /// The first step that makes `name`.
    func firstMaker(of name: String) -> Int? { makers[name]?.first }

    /// Whether the capture made by the step at `index` is used later (or by its own step after it runs).
    func isUsed(_ name: String, madeAt index: Int) -> Bool {
        (uses[name] ?? []).contains { $0.index > index || ($0.index == index && $0.afterStep) }
    }
}
