#if canImport(Glibc)
    import Glibc
#endif

/// A NULL-terminated array of C strings (an `argv` or `envp`) that frees itself.
final class CStringArray {
    /// The pointers, the last one nil.
    private(set) var pointers: [UnsafeMutablePointer<CChar>?]

    /// Copies the strings; throws if one holds a NUL byte.
    init(_ strings: [String], describing what: String) throws(LaunchError) {
        pointers = []
        pointers.reserveCapacity(strings.count + 1)
        for string in strings {
            guard !string.utf8.contains(0) else {
                pointers.append(nil)
                throw .embeddedNul(what: what)
            }
            pointers.append(strdup(string))
        }
        pointers.append(nil)
    }

    deinit {
        for pointer in pointers { free(pointer) }
    }
}
