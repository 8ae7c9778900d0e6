/// Says what a child reads on its standard input.
public enum StandardInput: Sendable, Equatable {
    /// `/dev/null` (or, under a terminal, nothing typed).
    case null
    /// This text, UTF-8 encoded, written to a pipe that is then closed;
    /// under a terminal it is typed into the terminal and no end-of-file follows.
    case text(String)
}
