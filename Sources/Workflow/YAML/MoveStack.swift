/// A stack whose top elements are moved (not copied) into an array of exactly their number.
///
/// `TreeBuilder` gathers the children of every open collection on one stack and, when a
/// collection ends, moves its children out: no retain and release per child, no growth slack in
/// the arrays of the tree. Elements still on the stack when it is freed (after a syntax error)
/// are destroyed then.
final class MoveStack<Element> {
    private var storage: UnsafeMutablePointer<Element>
    private var capacity: Int
    /// The number of elements on the stack.
    private(set) var count = 0

    /// Creates an empty stack.
    init() {
        capacity = 64
        storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    /// Pushes `element`.
    func push(_ element: consuming Element) {
        if count == capacity {
            let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
            grown.moveInitialize(from: storage, count: count)
            storage.deallocate()
            storage = grown
            capacity *= 2
        }
        (storage + count).initialize(to: element)
        count += 1
    }

    /// The elements from index `base` to the top, moved into a new array; the stack shrinks to `base`.
    func popArray(from base: Int) -> [Element] {
        let moved = count - base
        let array = [Element](unsafeUninitializedCapacity: moved) { buffer, initialized in
            if moved > 0 { buffer.baseAddress!.moveInitialize(from: storage + base, count: moved) }
            initialized = moved
        }
        count = base
        return array
    }

    /// The element at `index` (below the top), for reading.
    subscript(index: Int) -> Element {
        storage[index]
    }
}
