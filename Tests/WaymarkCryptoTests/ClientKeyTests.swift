import Foundation
import Testing
import WaymarkCore
import WaymarkCrypto

/// The key a client's receipt unlocks (`Protocol/SPEC.md` §13.2).
struct ClientKeyTests {
    static let circle = "circle:" + String(repeating: "a1", count: 16) + ":" + String(repeating: "0b", count: 12)

    @Test func theSameCodeAndDateOfBirthGiveTheSameKeyAndAnythingElseAnother() throws {
        let a = try ClientKey.derive(code: "0123456789ABCDEF", dateOfBirth: "1990-05-01")
        let again = try ClientKey.derive(code: "0123456789ABCDEF", dateOfBirth: "1990-05-01")
        let otherDay = try ClientKey.derive(code: "0123456789ABCDEF", dateOfBirth: "1990-05-02")
        let otherCode = try ClientKey.derive(code: "0123456789ABCDEG", dateOfBirth: "1990-05-01")
        #expect(a.signingPublicKey == again.signingPublicKey && a.encryptionPublicKey == again.encryptionPublicKey)
        #expect(a.signingPublicKey != otherDay.signingPublicKey && a.signingPublicKey != otherCode.signingPublicKey)
        #expect(a.encryptionPublicKey != otherDay.encryptionPublicKey)
    }

    @Test func aSignedConsentVerifiesOnlyUnchangedInItsCircleByTheClientsKey() throws {
        let key = try ClientKey.derive(code: "ZZZZZZZZZZZZZZZZ", dateOfBirth: "2001-12-31")
        let other = NodeIdentity.generate()
        let payload = JourneyPayload.consent(.revoke(organization: "bb", method: .digital, recordedBy: "client", reason: nil)).encoded()
        let signed = try ClientKey.sign(payload, scope: Self.circle, with: key)
        #expect(ClientKey.isSigned(signed, scope: Self.circle, by: key.signingPublicKey))
        #expect(!ClientKey.isSigned(signed, scope: Self.circle, by: other.signingPublicKey))
        #expect(!ClientKey.isSigned(signed, scope: Self.circle.replacingOccurrences(of: "0b", with: "0c"), by: key.signingPublicKey))
        #expect(!ClientKey.isSigned(payload, scope: Self.circle, by: key.signingPublicKey))
        // The organisation changed after signing: the signature no longer holds.
        let text = String(decoding: signed, as: UTF8.self).replacingOccurrences(of: "\"bb\"", with: "\"cc\"")
        #expect(!ClientKey.isSigned(Array(text.utf8), scope: Self.circle, by: key.signingPublicKey))
        // Signed by another key (a member gone bad signing for the client): not the client's.
        let forged = try ClientKey.sign(payload, scope: Self.circle, with: other)
        #expect(!ClientKey.isSigned(forged, scope: Self.circle, by: key.signingPublicKey))
    }
}
