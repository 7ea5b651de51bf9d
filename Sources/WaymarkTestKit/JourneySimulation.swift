import Dispatch
import WaymarkCore
import WaymarkCrypto

/// A client's journey under faults (`Protocol/SPEC.md` §8): a home organisation, two partners with
/// consent, outsiders that relay, and a Byzantine node, over the simulated network's drops,
/// duplicates, reordering, a partition and crashes. The home organisation grants, refers, records
/// progress, withdraws one partner's consent mid-run and finally erases the client; the partner
/// answers and records progress while its consent holds, judged from what it can open. Checked:
/// - no node outside the circle can open any of its envelopes;
/// - nothing is encrypted to the partner after the home organisation revoked it, and the partner
///   writes nothing after it holds the revoke;
/// - a forged erasure (not the circle's owner) erases nothing anywhere;
/// - copies stripped of their payload, handed on by the Byzantine node before the real ones reach a
///   node, are refused, so no node holds a stripped copy before the erasure (a referral cannot be
///   suppressed that way);
/// - after healing every node holds the erasure and no node holds any payload of the circle, and
///   every envelope still verifies.
public enum JourneySimulation {
    public struct Result: Sendable {
        public var seed: UInt64
        public var violations: [String]
        public var converged: Bool
        public var partnerWrites: Int
        public var forgedErasuresRefused: Int
        public var strippedCopiesRefused: Int
        public var summary: String {
            "journey seed \(seed): converged \(converged), partner wrote \(partnerWrites), forged erasures refused \(forgedErasuresRefused), "
                + "stripped copies refused \(strippedCopiesRefused); "
                + (violations.isEmpty ? "no violations" : violations.joined(separator: "; "))
                + "; replay with WAYMARK_SIM_SEED=\(seed) swift test --filter JourneySimulationTests"
        }
    }

    /// Runs many seeds on every core.
    public static func run(seeds: [UInt64]) -> [Result] { Simulation.eachSeed(seeds) { run(seed: $0) } }

    public static func run(seed: UInt64, nodes n: Int = 12, faultRounds: Int = 12, maximumHealRounds: Int = 40) -> Result {
        let (nodes, net, cache) = Simulation.network(seed: seed, nodes: n, salt: 11, rngSalt: 0x6A6F_7572_6E65_79)
        let home = nodes[0], partner = nodes[1], other = nodes[2]
        let evil = n - 1
        let outsiders = Array(3..<n)
        let circle = Circle(owner: home.identity.signingPublicKey, random: (0..<12).map { _ in UInt8.random(in: 0...255, using: &net.rng) })
        let partnerKey = hexString(partner.identity.signingPublicKey), otherKey = hexString(other.identity.signingPublicKey)
        let partnerKeyID = PrivateEnvelope.keyID(of: partner.identity.encryptionPublicKey)
        var violations: [String] = []
        var partnerWrites = 0

        func opened(_ r: SimReplica, _ kind: Envelope.Kind) -> [(id: [UInt8], clock: UInt64, author: [UInt8], payload: JourneyPayload)] {
            r.held.filter { $0.header.scope == circle.scope && $0.header.kind == kind }.compactMap { e in
                guard let plain = try? r.identity.open(e), let p = try? JourneyPayload.decode(plain, kind: kind) else { return nil }
                return (EnvelopeCrypto.id(of: e), e.header.clock, e.header.author, p)
            }
        }
        func consents(_ r: SimReplica) -> ConsentFold {
            ConsentFold(
                circle: circle,
                events: opened(r, .consent).compactMap { e in
                    guard case .consent(let event) = e.payload else { return nil }
                    return (e.author, .init(id: e.id, clock: e.clock, event: event))
                })
        }
        func grant(_ org: String) -> [UInt8] {
            JourneyPayload.consent(
                .grant(
                    ConsentGrant(
                        organization: org, purposes: [.referral, .progress], dataClasses: ["needs"], start: "2026-11-22", end: "2027-11-21", method: .written,
                        recordedBy: "sim"), after: [])
            ).encoded()
        }
        let homeKeys = home.identity.encryptionPublicKey
        home.publish(kind: .consent, scope: circle.scope, plaintext: grant(partnerKey), recipients: [homeKeys, partner.identity.encryptionPublicKey], nowMilliseconds: net.now)
        home.publish(kind: .consent, scope: circle.scope, plaintext: grant(otherKey), recipients: [homeKeys, other.identity.encryptionPublicKey], nowMilliseconds: net.now)
        home.publish(
            kind: .referral, scope: circle.scope,
            plaintext: JourneyPayload.referral(ReferralRecord(id: "ref-1", to: partnerKey, clientName: "Sim Client")).encoded(),
            recipients: [homeKeys, partner.identity.encryptionPublicKey], nowMilliseconds: net.now)

        var revokeSequence: UInt64?
        var partnerSequenceAtRevoke: UInt64?
        var erased = false
        var forged = 0
        var strippedRefused = 0
        let revokeRound = faultRounds / 3, eraseRound = faultRounds - 2
        var round = 0
        var converged = false
        while round < faultRounds + maximumHealRounds {
            let faulty = round < faultRounds
            net.now += 1000
            if faulty {
                if round == 2 { net.partition = (0..<n).map { _ in Int.random(in: 0...1, using: &net.rng) } }
                if round == 6 { net.partition = nil }
                for (node, back) in net.down where back <= round { net.down[node] = nil }
                for i in 1..<n where net.down[i] == nil && Double.random(in: 0..<1, using: &net.rng) < 0.04 {
                    nodes[i].crash()
                    net.down[i] = round + Int.random(in: 1...3, using: &net.rng)
                }
            } else {
                net.down.removeAll()
                net.partition = nil
                if nodes.allSatisfy({ $0.items == nodes[0].items }) {
                    converged = true
                    break
                }
            }
            // The partner: notes when it first holds the revoke; acts only while its consent holds.
            if net.down[1] == nil {
                let fold = consents(partner)
                if case .revoked = fold.standing(of: partnerKey), partnerSequenceAtRevoke == nil { partnerSequenceAtRevoke = partner.ownSequence }
                if case .granted = fold.standing(of: partnerKey), !opened(partner, .referral).isEmpty, Bool.random(using: &net.rng) {
                    let payload =
                        Bool.random(using: &net.rng)
                        ? JourneyPayload.progress(.milestone(goalID: "g-\(round)", label: "Step \(round)", date: "2026-11-22"))
                        : JourneyPayload.referralStatus(referralID: "ref-1", ReferralTransition(to: .accepted))
                    partner.publish(
                        kind: payload.kind, scope: circle.scope, plaintext: payload.encoded(), recipients: [partner.identity.encryptionPublicKey, homeKeys],
                        nowMilliseconds: net.now)
                    partnerWrites += 1
                }
            }
            // Home: progress to every organisation whose consent for progress is in force; the revoke; the erasure.
            if round == revokeRound {
                home.publish(
                    kind: .consent, scope: circle.scope,
                    plaintext: JourneyPayload.consent(.revoke(organization: partnerKey, method: .verbal, recordedBy: "sim", reason: nil)).encoded(),
                    recipients: [homeKeys, partner.identity.encryptionPublicKey], nowMilliseconds: net.now)
                revokeSequence = home.ownSequence
            }
            if faulty && round != eraseRound && !erased && Bool.random(using: &net.rng) {
                let to = consents(home).organizations(consentingTo: .progress, on: "2026-11-22")
                let keys = to.compactMap { org in nodes.first { hexString($0.identity.signingPublicKey) == org }?.identity.encryptionPublicKey }
                home.publish(
                    kind: .progress, scope: circle.scope,
                    plaintext: JourneyPayload.progress(.milestone(goalID: "home", label: "Home step \(round)", date: "2026-11-22")).encoded(),
                    recipients: [homeKeys] + keys, nowMilliseconds: net.now)
            }
            if round == eraseRound - 1 {
                // Before the erasure: outsiders hold the circle's envelopes (relayed) and can open none.
                for i in outsiders {
                    for e in nodes[i].held where e.header.scope == circle.scope && e.header.kind.isPrivate {
                        if nodes[i].identity.isRecipient(of: e) || (try? nodes[i].identity.open(e)) != nil {
                            violations.append("node \(i), outside the circle, can open a \(e.header.kind) envelope")
                        }
                    }
                    if !nodes[i].erased.isEmpty { violations.append("node \(i) erased the circle on a forged erasure") }
                }
                for i in 0..<evil {
                    for e in nodes[i].held where e.header.scope == circle.scope && e.header.kind.isPrivate && e.payload == nil {
                        violations.append("node \(i) holds a stripped copy of a \(e.header.kind) envelope before the erasure")
                    }
                }
            }
            if round == eraseRound {
                home.publish(
                    kind: .erasure, scope: circle.scope, plaintext: JourneyPayload.erasure(Erasure(circle: circle.scope, requestedOn: "2026-11-22")).encoded(),
                    recipients: [], nowMilliseconds: net.now)
                erased = true
            }
            // The Byzantine node signs erasures for a circle it does not own.
            if faulty, round < eraseRound, let target = (1..<evil).randomElement(using: &net.rng) {
                let fake = nodes[evil].sign(
                    kind: .erasure, scope: circle.scope, payload: JourneyPayload.erasure(Erasure(circle: circle.scope, requestedOn: "2026-11-22")).encoded(),
                    nowMilliseconds: net.now)
                let before = nodes[target].rejections[.notOwner, default: 0]
                nodes[target].ingest([fake.encoded()], from: nodes[evil].peerName, nowMilliseconds: net.now)
                forged += nodes[target].rejections[.notOwner, default: 0] - before
            }
            // It also hands on copies of the circle's envelopes without their payloads, hoping one
            // arrives first and stands in for the real one (same id).
            if faulty, round < eraseRound, let target = (1..<evil).randomElement(using: &net.rng) {
                let copies = nodes[evil].held.filter { $0.header.scope == circle.scope && $0.header.kind.isPrivate && $0.payload != nil }.prefix(4)
                if !copies.isEmpty {
                    let before = nodes[target].rejections[.strippedCopy, default: 0]
                    nodes[target].ingest(copies.map { $0.withoutPayload.encoded() }, from: nodes[evil].peerName, nowMilliseconds: net.now)
                    strippedRefused += nodes[target].rejections[.strippedCopy, default: 0] - before
                }
            }
            for i in (0..<n).shuffled(using: &net.rng) {
                var peer = Int.random(in: 0..<n, using: &net.rng)
                if peer == i { peer = (peer + 1) % n }
                net.session(i, peer, faulty: faulty)
            }
            round += 1
        }

        // Nothing to the partner after the revoke; nothing from the partner once it held the revoke.
        for r in nodes {
            for e in r.held where e.header.scope == circle.scope {
                if let s = revokeSequence, e.header.author == home.identity.signingPublicKey, e.header.sequence > s,
                    e.header.recipients.contains(where: { $0.keyID == partnerKeyID })
                {
                    violations.append("home encrypted envelope \(e.header.sequence) to the partner after revoking it")
                }
                if let s = partnerSequenceAtRevoke, e.header.author == partner.identity.signingPublicKey, e.header.sequence > s {
                    violations.append("the partner wrote envelope \(e.header.sequence) after it held the revoke")
                }
            }
        }
        // After erasure and healing: every node carried it out; no payload is left; all still verify.
        for (i, r) in nodes.enumerated() {
            if !r.erased.contains(circle.scope) { violations.append("node \(i) never took in the erasure") }
            for e in r.held where e.header.scope == circle.scope && e.header.kind.isPrivate && e.payload != nil {
                violations.append("node \(i) still holds the payload of a \(e.header.kind) envelope")
            }
            for w in r.envelopes.values where cache.check(wire: w)?.verdict != .valid { violations.append("node \(i) holds an envelope that no longer verifies") }
        }
        if revokeSequence == nil { violations.append("the revoke was never signed") }
        return Result(
            seed: seed, violations: Array(Set(violations)).sorted(), converged: converged, partnerWrites: partnerWrites, forgedErasuresRefused: forged, strippedCopiesRefused: strippedRefused)
    }
}
