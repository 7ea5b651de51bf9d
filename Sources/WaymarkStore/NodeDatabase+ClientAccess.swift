import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// A receipt just issued: the code is shown to the client once and stored nowhere.
public struct IssuedReceipt: Sendable {
    public var code: String
    public var circle: String
    public var clientName: String
    public var dateOfBirth: String
    /// Milliseconds.
    public var issuedAt: UInt64
}

/// What the client sees of their record (`Protocol/SPEC.md` §13.4).
public struct ClientRecordView: Sendable {
    public var circle: String
    /// The journey as the client's key opens it (consents, referrals, progress, timeline).
    public var journey: JourneyView
    /// Each organisation holding something of the record, with how many records it was sent and of
    /// which kinds (the disclosure log, from the envelopes' recipients).
    public var holders: [(organization: String, name: String, kinds: [String: Int])]
    /// The changes the client signed, newest first, each with the holders that acknowledged it.
    public var changes: [ClientChange]
    /// The organisation that registered the client.
    public var home: String
    public var homeName: String
    /// People acting for the client now.
    public var proxies: [ProxyDetails]
    /// When the record was opened with a proxy's code: who they are.
    public var actingAs: ProxyDetails?
    /// When the record was opened, where and by whom, newest first (§13.8).
    public var accesses: [(on: String, site: String, by: ProxyDetails?)] = []
    /// Organisations asking the client to share with them (§13.10).
    public var requests: [NodeDatabase.RequestView] = []
}

/// A consent change the client signed, and who has confirmed it.
public struct ClientChange: Sendable {
    public var id: String
    /// Milliseconds.
    public var at: UInt64
    public var granted: Bool
    public var organization: String
    public var organizationName: String
    public var purposes: [ConsentPurpose]
    /// The member whose site the client used.
    public var carriedByName: String
    /// Holders that signed an acknowledgement (name, milliseconds).
    public var acknowledgements: [(name: String, at: UInt64)]
    /// A person acting for the client who made the change, if it was not the client.
    public var actedBy: ProxyDetails?
}

/// Clients in control of their consent (`Protocol/SPEC.md` §13). The home organisation gives the
/// client a receipt whose code (with the date of birth) unlocks a client key; it publishes the key's
/// public halves in the circle (kind 27) and a copy of the content keys of the circle's records so
/// far (kind 28, encrypted to the client). From then on every private record in the circle is also
/// encrypted to the client. On any member node, the client's key finds the circle (as a recipient),
/// opens the records, and signs consent changes that any member carries and every node honours.
extension NodeDatabase {
    public enum ClientAccessError: Error, Equatable {
        /// No client, or no date of birth to pair the code with.
        case noSuchClient, dateOfBirthMissing
        /// The organisation is not one the client can grant to or withdraw from.
        case organizationUnknown
        /// The change would change nothing (already withdrawn, or already granted the same).
        case nothingToChange
        /// A proxy needs a name, a relationship and what gives them authority.
        case proxyDetails
    }

    /// The client keys the circle's owner published (kind 27), in order.
    static func clientKeys(_ db: Database, circle: String) throws -> ClientKeyHistory {
        guard let c = Circle(scope: circle) else { return ClientKeyHistory(circle: Circle(checkedScope: circle), records: []) }
        let rows = try Row.fetchAll(db, sql: circleEnvelopesSQL(kinds: [.clientKey]), arguments: [circle])
        return ClientKeyHistory(
            circle: c,
            records: rows.compactMap { row in
                guard let e = try? Envelope.decode([UInt8](row["wire"] as Data)), let p = e.payload, let record = try? ClientKeyRecord.decode(p) else {
                    return nil
                }
                return (e.header.author, .init(id: [UInt8](row["id"] as Data), clock: e.header.clock, record: record))
            })
    }

    /// The owner (signing key, hex) of a circle among the organisations known here.
    static func owner(ofCircle circle: String, names: [String: String]) -> String? {
        guard let c = Circle(scope: circle) else { return nil }
        return names.keys.first { bytesFromHex($0).map(c.isOwned(by:)) ?? false }
    }

    /// Known organisations by the key id of their encryption key.
    static func organizationsByKeyID(_ db: Database) throws -> [ByteKey: String] {
        Dictionary(
            try Row.fetchAll(db, sql: "SELECT author, encryption_key FROM known_node").map {
                (ByteKey(PrivateEnvelope.keyID(of: [UInt8]($0["encryption_key"] as Data))), hexString([UInt8]($0["author"] as Data)))
            }, uniquingKeysWith: { a, _ in a })
    }

    /// Content keys the client copies (kind 28) give this key for the circle's earlier records.
    static func clientCopyKeys(_ db: Database, key: NodeIdentity, circle: String) throws -> [ByteKey: [UInt8]] {
        var out: [ByteKey: [UInt8]] = [:]
        for copy in try clientCopies(db, opener: key, circle: circle) {
            for k in copy.keys { out[ByteKey(k.envelope)] = k.key }
        }
        return out
    }

    /// The client copies of a circle this key (a client's, a proxy's, or the home node's) can open.
    static func clientCopies(_ db: Database, opener: NodeIdentity, circle: String) throws -> [ClientCopy] {
        try Row.fetchAll(db, sql: circleEnvelopesSQL(kinds: [.clientCopy]), arguments: [circle]).compactMap { row in
            guard let e = try? Envelope.decode([UInt8](row["wire"] as Data)), opener.isRecipient(of: e), let plain = try? opener.open(e) else { return nil }
            return try? ClientCopy.decode(plain)
        }
    }

    /// The people acting for the client now (§13.7), as the opener's copies name them, with the
    /// signing key of each.
    static func proxies(_ db: Database, opener: NodeIdentity, circle: String) throws -> [(details: ProxyDetails, key: [UInt8])] {
        let current = try clientKeys(db, circle: circle).currentKeys.filter(\.isProxy)
        let named = try clientCopies(db, opener: opener, circle: circle).compactMap(\.proxy)
        return current.compactMap { k in named.first { $0.slot == k.slot }.map { ($0, k.signingKey) } }
    }

    /// The consent changes the client signed in a circle, with their acknowledgements.
    static func clientChanges(
        _ db: Database, circle: String, opened: [OpenedRecord], names: [String: String], proxies: [(details: ProxyDetails, key: [UInt8])]
    ) throws -> [ClientChange] {
        var acks: [ByteKey: [(String, UInt64)]] = [:]
        for row in try Row.fetchAll(db, sql: circleEnvelopesSQL(kinds: [.consentAcknowledgement]), arguments: [circle]) {
            guard let e = try? Envelope.decode([UInt8](row["wire"] as Data)), let p = e.payload, let ack = try? ConsentAcknowledgement.decode(p) else {
                continue
            }
            let author = hexString(e.header.author)
            acks[ByteKey(ack.consent), default: []].append((names[author] ?? author, HybridClock.milliseconds(e.header.clock)))
        }
        return opened.filter(\.clientSigned).reversed().compactMap { r in
            guard case .consent(let event) = r.payload else { return nil }
            var purposes: [ConsentPurpose] = []
            var granted = false
            if case .grant(let g, _) = event {
                granted = true
                purposes = g.purposes.sorted()
            }
            return ClientChange(
                id: hexString(r.id), at: HybridClock.milliseconds(r.clock), granted: granted, organization: event.organization,
                organizationName: names[event.organization] ?? event.organization, purposes: purposes, carriedByName: names[r.author] ?? r.author,
                acknowledgements: (acks[ByteKey(r.id)] ?? []).sorted { $0.1 < $1.1 }.map { (name: $0.0, at: $0.1) },
                actedBy: proxies.first { $0.key == r.clientSigner }?.details)
        }
    }

    /// The key (the client's or a proxy's) in force at its clock that signed a record, if any.
    static func clientSigner(_ plain: [UInt8], circle: String, clock: UInt64, keys: ClientKeyHistory) -> [UInt8]? {
        keys.keys(before: clock).first { ClientKey.isSigned(plain, scope: circle, by: $0.signingKey) }?.signingKey
    }

    /// Whether this key may act in the circle now (the client's own or a proxy's, not replaced or ended).
    static func mayAct(_ db: Database, key: NodeIdentity, circle: String) throws -> Bool {
        try clientKeys(db, circle: circle).currentKeys.contains { $0.signingKey == key.signingPublicKey }
    }

    /// The organisations a client's reading or check-in goes to (their encryption keys), home first.
    static func voiceRecipients(_ db: Database, _ voice: ClientVoice, view: JourneyView, today: String) throws -> [[UInt8]] {
        guard let home = owner(ofCircle: view.circle, names: try organizationNames(db)), let homeKey = try encryptionKey(db, organization: home) else {
            throw ClientAccessError.noSuchClient
        }
        var orgs: [String] = []
        switch voice {
        case .reading(let g, _, _, _, _):
            guard view.goals.contains(where: { $0.id == g }) else { throw ClientAccessError.nothingToChange }
            orgs = view.consents.organizations(consentingTo: .progress, on: today)
        case .checkin(let r, _, _, _, _):
            guard let referral = view.referrals.first(where: { $0.record.id == r }), referral.status.isClosed, referral.status != .enteredInError else { throw ClientAccessError.nothingToChange }
            orgs = [referral.recipient]
        }
        return [homeKey] + (try orgs.compactMap { try memberEncryptionKey(db, organization: $0) })
    }

    /// When the record was opened, newest first: the day, the site (the member that carried the
    /// notice) and who opened it (`nil`: the client; else the proxy), as `opener` can read them.
    static func clientAccesses(_ db: Database, opener: NodeIdentity, circle: String, extra: [ByteKey: [UInt8]] = [:]) throws -> [(on: String, site: String, by: ProxyDetails?)] {
        let names = try organizationNames(db)
        let keys = try clientKeys(db, circle: circle)
        let proxies = try proxies(db, opener: opener, circle: circle).map(\.details)
        return try Row.fetchAll(db, sql: circleEnvelopesSQL(kinds: [.clientAccess]), arguments: [circle]).reversed().compactMap { row in
            guard let e = try? Envelope.decode([UInt8](row["wire"] as Data)), opener.isRecipient(of: e), let plain = try? opener.open(e),
                Self.clientSigner(plain, circle: circle, clock: e.header.clock, keys: keys) != nil, let split = ClientSignature.split(plain),
                let notice = try? ClientAccessNotice.decode(split.unsigned)
            else { return nil }
            let site = hexString(e.header.author)
            return (notice.openedOn, names[site] ?? site, notice.slot == ClientKeyRecord.clientSlot ? nil : proxies.first { $0.slot == notice.slot })
        }
    }

    /// A request to share, as the client's page and staff pages show it.
    public struct RequestView: Sendable {
        public var id: String
        public var organization: String
        public var organizationName: String
        public var purposes: Set<ConsentPurpose>
        public var reason: String
        /// Milliseconds.
        public var at: UInt64
        public var state: RequestState
    }

    /// Where a request to share stands.
    public enum RequestState: String, Sendable {
        /// Not yet answered.
        case open
        /// A grant after the request covers what it asked for.
        case agreed
        /// The client said no.
        case declined
    }

    /// The requests of a circle `opener` can read, newest first, each with where it stands: agreed once
    /// a grant after it covers its purposes, declined once the client said no.
    static func consentRequests(_ db: Database, opener: NodeIdentity, circle: String, consents: ConsentFold) throws -> [RequestView] {
        let names = try organizationNames(db)
        let keys = try clientKeys(db, circle: circle)
        var requests: [(id: [UInt8], clock: UInt64, org: String, purposes: Set<ConsentPurpose>, reason: String)] = []
        var declined = Set<ByteKey>()
        for row in try Row.fetchAll(db, sql: circleEnvelopesSQL(kinds: [.consentRequest]), arguments: [circle]) {
            guard let e = try? Envelope.decode([UInt8](row["wire"] as Data)), opener.isRecipient(of: e), let plain = try? opener.open(e) else { continue }
            let payload = ClientSignature.split(plain)?.unsigned ?? plain
            switch try? ConsentRequest.decode(payload) {
            case .request(let org, let purposes, let reason)? where hexString(e.header.author) == org:
                requests.append(([UInt8](row["id"] as Data), e.header.clock, org, purposes, reason))
            case .declined(let id)? where clientSigner(plain, circle: circle, clock: e.header.clock, keys: keys) != nil:
                declined.insert(ByteKey(id))
            default: continue
            }
        }
        let clockOf = try db.cachedStatement(sql: "SELECT clock FROM envelope WHERE id = ?")
        return try requests.reversed().map { r in
            var state: RequestState = declined.contains(ByteKey(r.id)) ? .declined : .open
            // A request the client said no to stays answered so, whatever they agree to later.
            if state == .open, case .granted(let g, let id) = consents.standing(of: r.org), g.purposes.isSuperset(of: r.purposes),
                UInt64(try Int64.fetchOne(clockOf, arguments: [Data(id)]) ?? 0) > r.clock
            {
                state = .agreed
            }
            return RequestView(
                id: hexString(r.id), organization: r.org, organizationName: names[r.org] ?? r.org, purposes: r.purposes, reason: r.reason,
                at: HybridClock.milliseconds(r.clock), state: state)
        }
    }

}

extension ClientVoice {
    var isCheckin: Bool { if case .checkin = self { return true } else { return false } }
}

extension NodeDatabase {
    /// What the organisation changed because of what clients said (shown beside the check-ins, as
    /// "you said, we did"). The organisation's own words, kept on this node only.
    public struct FeedbackChange: Sendable {
        public var writtenOn: String
        public var text: String
        public var username: String
    }

}
