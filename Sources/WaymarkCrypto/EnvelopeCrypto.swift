import WaymarkCore

/// Signing, content addressing and verification of sync envelopes (`Protocol/SPEC.md`).
///
/// For example:
/// ```swift
/// let e = EnvelopeCrypto.sign(kind: .directoryRecord, scope: "public", payload: bytes, by: me, sequence: 1, dependencies: [], clock: hlc)
/// assert(EnvelopeCrypto.verify(e) == .valid)
/// ```
public enum EnvelopeCrypto {
    /// The outcome of checking one envelope on its own.
    public enum Verdict: String, Sendable, Equatable {
        case valid
        /// The signature does not verify for the author's key over the domain-separated header.
        case badSignature = "bad-signature"
        /// A payload is present but its hash or size is not the one the header signed.
        case payloadMismatch = "payload-mismatch"
    }

    /// Makes and signs a public envelope (no recipients).
    public static func sign(
        kind: Envelope.Kind, scope: String, payload: [UInt8], by identity: NodeIdentity, sequence: UInt64, dependencies: [[UInt8]],
        clock: UInt64, extensions: [UInt8] = []
    ) -> Envelope {
        let header = Envelope.Header(
            kind: kind, scope: scope, author: identity.signingPublicKey, sequence: sequence, dependencies: dependencies, clock: clock,
            payloadHash: Blake2b.hash(payload), payloadSize: UInt64(payload.count), extensions: signerExtensions(identity, extensions))
        let unsigned = Envelope(header: header, signature: [], payload: payload)
        return Envelope(header: header, signature: identity.sign(unsigned.signingInput), payload: payload)
    }

    /// The extensions an envelope signed by `identity` carries: the signer entry once the organisation
    /// has handed over to a later key (§1.4), else what the caller gave.
    static func signerExtensions(_ identity: NodeIdentity, _ given: [UInt8] = []) -> [UInt8] {
        identity.hasHandedOver && given.isEmpty ? Envelope.Header.signerExtension(identity.signerPublicKey) : given
    }

    /// A key hand-over's payload (kind 6, §9.6): `next`'s newest key, with its proof that it signs for
    /// `author`.
    public static func handover(author: [UInt8], to next: NodeIdentity) -> Membership.Handover {
        let key = next.signerPublicKey
        return Membership.Handover(key: key, proof: next.sign(Membership.Handover.proofMessage(author: author, key: key)))
    }

    /// The envelope id: BLAKE2b-256 of the header bytes followed by the signature. Erasing the payload
    /// leaves the id unchanged.
    public static func id(of envelope: Envelope) -> [UInt8] {
        Blake2b.hash(envelope.header.encoded() + envelope.signature)
    }

    /// Checks the signature and, when the payload is present, that it is the one the header commits to.
    public static func verify(_ envelope: Envelope) -> Verdict {
        verify(envelope, headerBytes: envelope.header.encoded())
    }

    /// `verify` and `id` together, encoding the header once (what taking envelopes in needs).
    public static func verifyAndIdentify(_ envelope: Envelope) -> (verdict: Verdict, id: [UInt8]) {
        let header = envelope.header.encoded()
        return (verify(envelope, headerBytes: header), Blake2b.hash(header + envelope.signature))
    }

    private static func verify(_ envelope: Envelope, headerBytes: [UInt8]) -> Verdict {
        guard NodeIdentity.verify(envelope.signature, of: Envelope.signingDomain + headerBytes, publicKey: envelope.header.signer) else {
            return .badSignature
        }
        // A hand-over's new key must have signed its proof (§9.6): no one hands over to a key they do not hold.
        if envelope.header.kind == .keyHandover, let payload = envelope.payload, let handover = try? Membership.Handover.decode(payload),
            !NodeIdentity.verify(handover.proof, of: Membership.Handover.proofMessage(author: envelope.header.author, key: handover.key), publicKey: handover.key)
        {
            return .badSignature
        }
        if let payload = envelope.payload {
            guard UInt64(payload.count) == envelope.header.payloadSize, Blake2b.hash(payload) == envelope.header.payloadHash else {
                return .payloadMismatch
            }
        }
        return .valid
    }
}
