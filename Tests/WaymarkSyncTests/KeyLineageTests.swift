import Testing
import WaymarkCore
import WaymarkCrypto
import WaymarkSync
import WaymarkTestKit

/// Peering with a node that signs with a later key than its first (`Protocol/SPEC.md` §9.6, §5.6): its
/// hand-overs must lead from the organisation's first key to the key that signed its node record.
struct KeyLineageTests {
    let alice = Fixtures.identity(1), mallory = Fixtures.identity(9)
    static let clock: UInt64 = Fixtures.publishedAt << 16

    func handover(by signer: NodeIdentity, to next: NodeIdentity, sequence: UInt64) -> Envelope {
        EnvelopeCrypto.sign(
            kind: .keyHandover, scope: "public", payload: EnvelopeCrypto.handover(author: alice.signingPublicKey, to: next).encoded(), by: signer,
            sequence: sequence, dependencies: [], clock: Self.clock + sequence)
    }

    @Test func handOversLeadingFromTheFirstKeyToTheSignerAreTakenAndNothingElse() {
        let second = alice.withNewGeneration()
        let third = second.withNewGeneration()
        let first = handover(by: alice, to: second, sequence: 2)
        let next = handover(by: second, to: third, sequence: 5)
        #expect(PeerEnrolment.lineageProblem([first], author: alice.signingPublicKey, signer: second.signerPublicKey) == nil)
        #expect(PeerEnrolment.lineageProblem([first, next], author: alice.signingPublicKey, signer: third.signerPublicKey) == nil)
        // Someone else's key claiming to sign for alice, with no hand-over or a hand-over it signed itself.
        #expect(PeerEnrolment.lineageProblem([], author: alice.signingPublicKey, signer: mallory.signerPublicKey) != nil)
        let forgedNext = try! NodeIdentity(secretSeeds: alice.secretSeeds + mallory.secretSeeds)
        let selfSigned = handover(by: forgedNext, to: forgedNext.withNewGeneration(), sequence: 2)
        #expect(PeerEnrolment.lineageProblem([selfSigned], author: alice.signingPublicKey, signer: forgedNext.signerPublicKey) != nil)
        // Out of order, or stopping short of the signer.
        #expect(PeerEnrolment.lineageProblem([next, first], author: alice.signingPublicKey, signer: third.signerPublicKey) != nil)
        #expect(PeerEnrolment.lineageProblem([first], author: alice.signingPublicKey, signer: third.signerPublicKey) != nil)
    }
}
