/// Where a typed command holds a secret, as its kind's drafter knows (a password given on the command line): the
/// words whose value is one, and the var that stands for what is typed into it.
public struct DraftedSecrets: Sendable, Hashable {
    /// A word that holds a secret after `prefix` (`--password=`), and the var that stands for it.
    public struct Word: Sendable, Hashable {
        /// Its index among the command's words (the program first).
        public var index: Int
        /// What comes before the secret in the word (empty for a whole word).
        public var prefix: String
        /// The var that stands for the secret.
        public var variable: String

        /// A secret word.
        public init(index: Int, prefix: String = "", variable: String) {
            self.index = index
            self.prefix = prefix
            self.variable = variable
        }
    }

    /// The words that hold secrets.
    public var words: [Word]
    /// The var that stands for what is typed into the command (a password read from standard input).
    public var standardInput: String?

    /// Secrets of a command.
    public init(words: [Word] = [], standardInput: String? = nil) {
        self.words = words
        self.standardInput = standardInput
    }
}
