import Dispatch
import WaymarkCore
import WaymarkCrypto

/// Consent changes the client signs (`Protocol/SPEC.md` §13) under faults: a home organisation, a
/// partner, a member whose site the client uses, relays and a Byzantine member, over the simulated
/// network's drops, duplicates, reordering and a partition. The client withdraws from the partner on
/// the other member's site while the home organisation, which has not seen it, records a new grant
/// for the partner (concurrent), and then withholds: it is offline from the withdrawal until the
/// network heals, so the change must travel without it. The Byzantine member signs withdrawals of
/// its own (unsigned by the client, or signed with its own key) and, in half of the runs after the
/// client shared again, replays the client's old signed withdrawal in a new envelope. Checked after
/// healing, from what each party can open (the home, the partner, the client's key):
/// - all three see the same standing for the partner;
/// - it is the client's: withdrawn, or in force by the client's own later grant; never by the home's
///   concurrent grant, never undone by the replay, never changed by the forged withdrawals;
/// - the partner, while offline from the home, held the withdrawal before healing in most runs.
public enum ClientConsentSimulation {
    public struct Result: Sendable {
        public var seed: UInt64
        public var violations: [String]
        public var converged: Bool
        public var partnerHeldBeforeHeal: Bool
        public var summary: String {
            "client consent seed \(seed): converged \(converged), partner held the withdrawal before healing \(partnerHeldBeforeHeal); "
                + (violations.isEmpty ? "no violations" : violations.joined(separator: "; "))
                + "; replay with WAYMARK_SIM_SEED=\(seed) swift test --filter ClientConsentSimulationTests"
        }
    }

    public static func run(seeds: [UInt64]) -> [Result] { Simulation.eachSeed(seeds) { run(seed: $0) } }

    public static func run(seed: UInt64, nodes n: Int = 10, faultRounds: Int = 12, maximumHealRounds: Int = 40) -> Result {
        let (nodes, net, _) = Simulation.network(seed: seed, nodes: n, salt: 21, rngSalt: 0x636C_6965_6E74)
        let home = nodes[0], partner = nodes[1], carrier = nodes[2], evil = nodes[n - 1]
        let client = try! NodeIdentity(signingSeed: Simulation.seeded(seed, 99, 23), encryptionSeed: Simulation.seeded(seed, 99, 24))
        let circle = Circle(owner: home.identity.signingPublicKey, random: (0..<12).map { _ in UInt8.random(in: 0...255, using: &net.rng) })
        let partnerKey = hexString(partner.identity.signingPublicKey)
        let regrants = seed % 2 == 0
        var violations: [String] = []

        func grant(after: [[UInt8]], by: String) -> ConsentEvent {
            .grant(
                ConsentGrant(organization: partnerKey, purposes: [.referral], dataClasses: [], start: "2026-11-22", end: "2027-11-21", method: .written, recordedBy: by),
                after: after)
        }
        let revoke = ConsentEvent.revoke(organization: partnerKey, method: .digital, recordedBy: "client", reason: nil)
        func signed(_ e: ConsentEvent, with key: NodeIdentity) -> [UInt8] { try! ClientKey.sign(JourneyPayload.consent(e).encoded(), scope: circle.scope, with: key) }
        let everyone = [home.identity.encryptionPublicKey, partner.identity.encryptionPublicKey, client.encryptionPublicKey]

        /// The consent fold as `opener` sees it on replica `r`, with the client's signatures checked
        /// against the owner's kind-27 records (§13.3).
        func fold(_ r: SimReplica, opener: NodeIdentity) -> ConsentFold {
            let keys = ClientKeyHistory(
                circle: circle,
                records: r.held.filter { $0.header.scope == circle.scope && $0.header.kind == .clientKey }.compactMap { e in
                    guard let p = e.payload, let k = try? ClientKeyRecord.decode(p) else { return nil }
                    return (e.header.author, .init(id: EnvelopeCrypto.id(of: e), clock: e.header.clock, record: k))
                })
            var signedIDs = Set<ByteKey>()
            let events = r.held.filter { $0.header.scope == circle.scope && $0.header.kind == .consent }.compactMap {
                e -> (author: [UInt8], entry: ConsentFold.Entry)? in
                guard let plain = try? opener.open(e), case .consent(let event)? = try? JourneyPayload.decode(plain, kind: .consent) else { return nil }
                let id = EnvelopeCrypto.id(of: e)
                var group: [UInt8]?
                if let split = ClientSignature.split(plain),
                    keys.keys(before: e.header.clock).contains(where: { ClientKey.isSigned(plain, scope: circle.scope, by: $0.signingKey) })
                {
                    signedIDs.insert(ByteKey(id))
                    group = split.signature
                }
                return (e.header.author, ConsentFold.Entry(id: id, clock: e.header.clock, event: event, group: group))
            }
            return ConsentFold(circle: circle, events: events, clientSigned: signedIDs)
        }

        // The home organisation registers the client's key, records consent for the partner, and
        // gives the client a copy (here: the client's key is simply a recipient from the start).
        home.publish(kind: .clientKey, scope: circle.scope, plaintext: ClientKey.record(of: client).encoded(), recipients: [], nowMilliseconds: net.now)
        home.publish(kind: .consent, scope: circle.scope, plaintext: JourneyPayload.consent(grant(after: [], by: "staff")).encoded(), recipients: everyone,
            nowMilliseconds: net.now)

        let withdrawRound = 3, regrantRound = 7, replayRound = 9
        var withdrawal: [UInt8]?
        var signedWithdrawal: [UInt8] = []
        var clientGrant: [UInt8]?
        var partnerHeld = false
        var converged = false
        var round = 0
        while round < faultRounds + maximumHealRounds {
            let faulty = round < faultRounds
            net.now += 1000
            if faulty {
                if round == 5 { net.partition = (0..<n).map { _ in Int.random(in: 0...1, using: &net.rng) } }
                if round == 8 { net.partition = nil }
            } else {
                net.down.removeAll()
                net.partition = nil
                if nodes.allSatisfy({ $0.items == nodes[0].items }) {
                    converged = true
                    break
                }
            }
            if round == withdrawRound {
                // The client withdraws on the carrier's site; the home, unaware, grants again at once,
                // and then is offline until the network heals.
                signedWithdrawal = signed(revoke, with: client)
                let wire = carrier.publish(kind: .consent, scope: circle.scope, plaintext: signedWithdrawal, recipients: everyone, nowMilliseconds: net.now)
                withdrawal = (try? Envelope.decode(wire)).map(EnvelopeCrypto.id(of:))
                home.publish(
                    kind: .consent, scope: circle.scope, plaintext: JourneyPayload.consent(grant(after: [], by: "staff")).encoded(), recipients: everyone,
                    nowMilliseconds: net.now)
                net.down[0] = faultRounds + maximumHealRounds
                // The Byzantine member "withdraws" too: unsigned, and signed with its own key.
                evil.publish(kind: .consent, scope: circle.scope, plaintext: JourneyPayload.consent(revoke).encoded(), recipients: everyone, nowMilliseconds: net.now)
                evil.publish(kind: .consent, scope: circle.scope, plaintext: signed(revoke, with: evil.identity), recipients: everyone, nowMilliseconds: net.now)
            }
            if regrants, round == regrantRound, let withdrawal {
                // The client shares again, after the withdrawal it can see.
                let wire = carrier.publish(
                    kind: .consent, scope: circle.scope, plaintext: signed(grant(after: [withdrawal], by: "client"), with: client), recipients: everyone,
                    nowMilliseconds: net.now)
                clientGrant = (try? Envelope.decode(wire)).map(EnvelopeCrypto.id(of:))
            }
            if regrants, round == replayRound {
                // A compromised recipient carries the client's old withdrawal (the same signed bytes) again in a new envelope.
                evil.publish(kind: .consent, scope: circle.scope, plaintext: signedWithdrawal, recipients: everyone, nowMilliseconds: net.now)
            }
            if faulty, round > withdrawRound, !partnerHeld, case .revoked = fold(partner, opener: partner.identity).standing(of: partnerKey) { partnerHeld = true }
            for i in (0..<n).shuffled(using: &net.rng) {
                var peer = Int.random(in: 0..<n, using: &net.rng)
                if peer == i { peer = (peer + 1) % n }
                net.session(i, peer, faulty: faulty)
            }
            if round == faultRounds - 1 { net.down.removeAll() }
            round += 1
        }

        let views = [("home", fold(home, opener: home.identity)), ("partner", fold(partner, opener: partner.identity)), ("client", fold(carrier, opener: client))]
        for (who, f) in views {
            switch (f.standing(of: partnerKey), regrants) {
            case (.revoked, false): break
            case (.granted(_, let id), true) where id == clientGrant: break
            default: violations.append("\(who) sees \(f.standing(of: partnerKey)), expected \(regrants ? "the client's new grant" : "the client's withdrawal")")
            }
        }
        return Result(seed: seed, violations: violations, converged: converged, partnerHeldBeforeHeal: partnerHeld)
    }
}
