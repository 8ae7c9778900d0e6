/// libyaml's description of a syntax error, with both of its positions (0-based).
struct YAMLSyntaxError: Error {
    /// What libyaml found wrong, e.g. "did not find expected ',' or ']'".
    var problem: String
    /// Where libyaml found it; -1 when the builder already reported the problem itself.
    var problemLine: Int
    var problemColumn: Int
    /// What libyaml was doing, e.g. "while parsing a flow sequence"; may be nil.
    var context: String?
    /// Where that context started (the opening bracket or quote).
    var contextLine: Int
    var contextColumn: Int
    /// For reader errors (invalid UTF-8), the byte offset of the problem.
    var byteOffset: Int?
}
