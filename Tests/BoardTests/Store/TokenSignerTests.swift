import Testing

@testable import Board

/// Tokens: HMAC over the learner id or the instructor's role, checked with the store's secret.
@Suite("Board tokens")
struct TokenSignerTests {
    let signer = TokenSigner(secret: Array(repeating: 7, count: 32))

    @Test func aLearnerTokenNamesItsLearnerAndNothingElse() {
        let token = signer.learnerToken("alice")
        #expect(signer.learner(of: token) == "alice")
        #expect(!signer.isInstructor(token))
        #expect(signer.learner(of: token.replacingOccurrences(of: "l.alice.", with: "l.bob.")) == nil, "the MAC is bound to the id")
    }

    @Test func theInstructorTokenIsNotALearnerToken() {
        let token = signer.instructorToken
        #expect(signer.isInstructor(token))
        #expect(signer.learner(of: token) == nil)
        #expect(!signer.isInstructor(signer.learnerToken("instructor")))
    }

    @Test(arguments: ["", "i.", "l..", "l.alice", "l.alice.AAAA", "i.AAAA", "bearer", "l.alice.!!!"])
    func malformedTokensAreRefused(token: String) {
        #expect(signer.learner(of: token) == nil)
        #expect(!signer.isInstructor(token))
    }

    @Test func anotherSecretMakesOtherTokens() {
        let other = TokenSigner(secret: Array(repeating: 8, count: 32))
        #expect(other.learner(of: signer.learnerToken("alice")) == nil)
        #expect(!other.isInstructor(signer.instructorToken))
        #expect(
            TokenSigner(secret: Array(repeating: 7, count: 32)).learner(of: signer.learnerToken("alice")) == "alice",
            "same secret, same tokens")
    }
}
