/// The members of a JSON object, in order: what a document wrote, what a dictionary literal lists,
/// or, made from a `Dictionary`, sorted by key. Reads and writes by key like a dictionary.
public struct JSONObject: Sendable, Hashable, RandomAccessCollection, ExpressibleByDictionaryLiteral {
    /// One member.
    public struct Member: Sendable, Hashable {
        /// The key.
        public var key: String
        /// The value.
        public var value: JSONValue

        /// A member.
        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// Keys are strings.
    public typealias Key = String
    /// Values are JSON values.
    public typealias Value = JSONValue

    /// A key of a coding container, for `JSONValue`'s Codable.
    struct CodingName: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }

        init(_ text: String) { stringValue = text }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The members, in order.
    public private(set) var members: [Member]

    /// An object with these members, in this order.
    public init(_ members: [Member] = []) {
        self.members = members
    }

    /// An object with the entries of `dictionary`, sorted by key.
    public init(_ dictionary: [String: JSONValue]) {
        members = dictionary.sorted { $0.key < $1.key }.map { Member(key: $0.key, value: $0.value) }
    }

    /// An object with the literal's members, in its order.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        members = elements.map { Member(key: $0.0, value: $0.1) }
    }

    /// The keys, in order.
    public var keys: [String] { members.map(\.key) }

    /// The first position.
    public var startIndex: Int { members.startIndex }
    /// The position after the last.
    public var endIndex: Int { members.endIndex }

    /// The member at `position`.
    public subscript(position: Int) -> Member { members[position] }

    /// The value of `key`; setting one replaces it where it is, or adds it at the end; nil removes it.
    public subscript(key: String) -> JSONValue? {
        get { members.first { $0.key == key }?.value }
        set {
            let index = members.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): members[index].value = value
            case (let index?, nil): members.remove(at: index)
            case (nil, let value?): members.append(Member(key: key, value: value))
            case (nil, nil): break
            }
        }
    }
}
