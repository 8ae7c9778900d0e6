import Testing

@testable import Workflow

/// Secrets are replaced by `***` (SPEC 5): multi-line values line by line, short values not at all.
@Suite("Redactor")
struct RedactorTests {
    @Test("each line of a multi-line secret is redacted where output shows it on its own line")
    func multiLineSecretIsRedactedLineByLine() {
        let redactor = Redactor(secrets: ["-----BEGIN KEY-----\r\nc2VjcmV0LWtleS1ib2R5\n-----END KEY-----\n"])
        #expect(redactor.redact("c2VjcmV0LWtleS1ib2R5") == "***")
        #expect(redactor.redact("got: c2VjcmV0LWtleS1ib2R5 (ok)") == "got: *** (ok)")
        #expect(redactor.redact("-----BEGIN KEY-----") == "***", "the CR before the LF is not part of the line")
        #expect(redactor.redact("-----BEGIN KEY-----\nc2VjcmV0LWtleS1ib2R5\n-----END KEY-----") == "***\n***\n***")
    }

    @Test("secrets shorter than 4 characters are ignored, and their names are listed")
    func shortSecretsAreIgnored() {
        let redactor = Redactor(namedSecrets: [
            ("PIN", "gt"), ("API_TOKEN", "tok-31415"), ("EMPTY_SECRET", ""), ("KEY_PASSWORD", "abcd\nxy"),
        ])
        #expect(redactor.redact("target gt") == "target gt", "a 2-letter secret must not turn every 'gt' into ***")
        #expect(redactor.redact("token tok-31415") == "token ***")
        #expect(redactor.redact("abcd") == "***")
        #expect(redactor.ignoredNames == ["KEY_PASSWORD", "PIN"])
        #expect(Redactor(secrets: ["abc"]).secrets.isEmpty)
        #expect(Redactor(secrets: ["abcd"]).secrets == ["abcd"])
    }

    @Test("the start of a secret left at the end of a cut line is redacted too")
    func cutLines() {
        let redactor = Redactor(secrets: ["s3cr3t-value-1234"])
        #expect(redactor.redactAfterCut("token: s3cr3t-va") == "token: ***")
        #expect(redactor.redactAfterCut("token: s3cr3t-va…") == "token: ***…")
        #expect(redactor.redactAfterCut("token: s3cr3t-value-1234 and s3c") == "token: *** and s3c", "3 characters are below the minimum")
        #expect(redactor.redactAfterCut("nothing secret here") == "nothing secret here")
        #expect(redactor.redact("token: s3cr3t-va") == "token: s3cr3t-va", "an uncut line is not masked at its end")
    }

    @Test("a secret containing another one is replaced whole")
    func longestFirst() {
        let redactor = Redactor(secrets: ["pass", "password-1234"])
        #expect(redactor.redact("password-1234 pass") == "*** ***")
    }
}
