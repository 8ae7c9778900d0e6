/// Learner ids as rosters write them (SPEC 2): `[a-z0-9][a-z0-9_-]*`, here at most 64 characters
/// (each names a file of the store).
public enum LearnerId {
    /// True for a valid id.
    public static func isValid(_ id: String) -> Bool {
        guard let first = id.utf8.first, id.utf8.count <= 64, isLowerOrDigit(first) else { return false }
        return id.utf8.allSatisfy { isLowerOrDigit($0) || $0 == 0x2D || $0 == 0x5F }
    }

    private static func isLowerOrDigit(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
    }
}
