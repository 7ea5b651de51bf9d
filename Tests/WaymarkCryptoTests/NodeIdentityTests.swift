import Testing
import WaymarkCore
import WaymarkCrypto

struct NodeIdentityTests {
    @Test func signAndVerify() {
        let me = NodeIdentity.generate()
        let message = Array("a directory entry".utf8)
        let sig = me.sign(message)
        #expect(NodeIdentity.verify(sig, of: message, publicKey: me.signingPublicKey))
        var tampered = message
        tampered[0] ^= 1
        #expect(!NodeIdentity.verify(sig, of: tampered, publicKey: me.signingPublicKey))
        #expect(!NodeIdentity.verify(sig, of: message, publicKey: NodeIdentity.generate().signingPublicKey))
        #expect(!NodeIdentity.verify(Array(sig.prefix(10)), of: message, publicKey: me.signingPublicKey))
    }

    @Test func seedsRestoreTheSameKeys() throws {
        let me = NodeIdentity.generate()
        let again = try NodeIdentity(secretSeeds: me.secretSeeds)
        #expect(again.signingPublicKey == me.signingPublicKey)
        #expect(again.encryptionPublicKey == me.encryptionPublicKey)
        #expect(again.fingerprint == me.fingerprint)
        #expect(throws: CryptoError.self) { try NodeIdentity(secretSeeds: [1, 2, 3]) }
    }

    @Test func rfc8032TestVector() throws {
        // RFC 8032 section 7.1, test 1: empty message.
        let seed = bytesFromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60")!
        let me = try NodeIdentity(signingSeed: seed, encryptionSeed: seed)
        #expect(hexString(me.signingPublicKey) == "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
        #expect(
            hexString(me.sign([]))
                == "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        )
    }

    @Test func blake2bKnownAnswer() {
        // BLAKE2b-256 of the empty string.
        #expect(hexString(Blake2b.hash([])) == "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8")
    }
}

struct PasswordTests {
    @Test func argon2idHashesVerifyOnlyTheirPassword() throws {
        let h = try PasswordHash.hash("correct horse battery")
        #expect(h.hasPrefix("$argon2id$"))
        #expect(PasswordHash.verify("correct horse battery", against: h))
        #expect(!PasswordHash.verify("correct horse batterY", against: h))
        #expect(!PasswordHash.verify("", against: h))
        #expect(!PasswordHash.verify("correct horse battery", against: "not a hash"))
        #expect(try PasswordHash.hash("correct horse battery") != h, "salted")
        #expect(throws: CryptoError.self) { try PasswordHash.hash("short") }
        #expect(!PasswordHash.verify(String(repeating: "x", count: 2000), against: h))
        #expect(PasswordHash.decoy.hasPrefix("$argon2id$"))
    }

    @Test func tokensAreRandomAndCompareExactly() {
        let a = Tokens.random()
        #expect(a.count == 64 && a != Tokens.random())
        #expect(Tokens.equal(a, a))
        #expect(!Tokens.equal(a, String(a.dropLast()) + (a.last == "0" ? "1" : "0")))
        #expect(!Tokens.equal("", ""))
        #expect(!Tokens.equal(a, "short"))
        #expect(Tokens.digest(a).count == 64 && Tokens.digest(a) != a)
    }
}
