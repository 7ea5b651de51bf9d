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

    /// Issues a new receipt for one of this organisation's clients: a new code and key. A receipt
    /// issued before stops working (its key is no longer the circle's client key).
    /// With `proxy` (name, relationship, authority), the receipt is for a person acting for the client
    /// (§13.7), paired with that person's own date of birth; the client's own code is untouched.
    public func issueClientReceipt(
        clientID: String, dateOfBirth given: String? = nil, proxy: (name: String, relationship: String, authority: String)? = nil,
        identity: NodeIdentity, by username: String, nowMilliseconds now: UInt64, random: [UInt8] = SecureRandom.bytes(ClientCode.randomBytes)
    ) throws -> IssuedReceipt {
        guard let client = try writer.read({ db in try Self.readClients(db, identity: identity, id: clientID).first }) else {
            throw ClientAccessError.noSuchClient
        }
        let dob = (given?.isEmpty == false ? given : nil) ?? (proxy == nil ? client.record.dateOfBirth : "")
        guard LocalDateTime.parseDate(dob) != nil else { throw ClientAccessError.dateOfBirthMissing }
        var details: ProxyDetails?
        if let proxy {
            let name = proxy.name.trimmingCharacters(in: .whitespacesAndNewlines), authority = proxy.authority.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty, !authority.isEmpty, ProxyDetails.relationships.contains(proxy.relationship) else { throw ClientAccessError.proxyDetails }
            details = ProxyDetails(slot: "proxy-" + hexString(SecureRandom.bytes(6)), name: name, relationship: proxy.relationship, authority: authority)
        }
        let code = ClientCode.make(random: random)
        let key = try ClientKey.derive(code: code, dateOfBirth: dob)
        try writer.write { db in
            var record = ClientKey.record(of: key)
            if let details { record.slot = details.slot }
            _ = try Self.publishOwn(db, .clientKey, scope: client.circle, record.encoded(), to: [], identity: identity, now: now)
            // The content keys of what the circle holds so far, for the client to read it all.
            var keys: [ClientCopy.Key] = []
            for row in try Row.fetchAll(db, sql: Self.circleEnvelopesSQL(kinds: [.consent, .referral, .referralStatus, .progress]), arguments: [client.circle]) {
                guard let e = try? Envelope.decode([UInt8](row["wire"] as Data)), identity.isRecipient(of: e), e.payload != nil,
                    let k = try? identity.contentKey(of: e)
                else { continue }
                keys.append(ClientCopy.Key(envelope: [UInt8](row["id"] as Data), key: k))
            }
            // A proxy's copy names them, and goes to the client too, who sees who may act for them.
            var to = [identity.encryptionPublicKey, key.encryptionPublicKey]
            if details != nil, let own = try Self.clientKeys(db, circle: client.circle).current { to.append(own.encryptionKey) }
            var start = 0
            repeat {
                let part = Array(keys[start..<min(keys.count, start + ClientCopy.keysPerCopy)])
                _ = try Self.publishOwn(
                    db, .clientCopy, scope: client.circle, ClientCopy(keys: part, proxy: start == 0 ? details : nil).encoded(), to: to, identity: identity, now: now)
                start += ClientCopy.keysPerCopy
            } while start < keys.count
            try Self.refreshJourneyIndex(db, identity: identity)
            if let details {
                try AuditLog.record(db, username, "issue proxy receipt", subject: clientID, detail: "\(details.relationship): \(details.name)", now: now)
            } else {
                try AuditLog.record(db, username, "issue client receipt", subject: clientID, detail: "a new code; any earlier one stops working", now: now)
            }
        }
        return IssuedReceipt(code: code, circle: client.circle, clientName: client.record.name, dateOfBirth: dob, issuedAt: now)
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

    /// The circle this client key belongs to, if it is the circle's current client key: the key is
    /// found as a recipient (its client copy, and what was written since), and a replaced key finds
    /// nothing. Nothing tells a wrong code from a code of a replaced receipt.
    public func clientCircle(key: NodeIdentity) throws -> String? {
        try writer.read { db in
            for circle in try String.fetchAll(db, sql: Self.circlesNamingRecipientSQL, arguments: [Data(key.encryptionKeyID)]) {
                if try Self.mayAct(db, key: key, circle: circle) { return circle }
            }
            return nil
        }
    }

    /// The client's record as their key opens it.
    public func clientRecord(key: NodeIdentity, circle: String, today: String) throws -> ClientRecordView {
        try writer.read { db in
            let extra = try Self.clientCopyKeys(db, key: key, circle: circle)
            let opened = try Self.openedEnvelopes(db, identity: key, kinds: Self.journeyKinds, circle: circle, extraKeys: extra)
            let names = try Self.organizationNames(db)
            let journey = try Self.journey(db, circle: circle, opened: opened, names: names, today: today)
            // The disclosure log: who each record was encrypted to, from the headers.
            let keyIDs = try Self.organizationsByKeyID(db)
            var holders: [String: [String: Int]] = [:]
            for row in try Row.fetchAll(db, sql: Self.circleEnvelopesSQL(kinds: Self.journeyKinds), arguments: [circle]) {
                guard let e = try? Envelope.decode([UInt8](row["wire"] as Data)) else { continue }
                for r in e.header.recipients {
                    guard let org = keyIDs[ByteKey(r.keyID)] else { continue }
                    holders[org, default: [:]][e.header.kind.description, default: 0] += 1
                }
            }
            let owner = Self.owner(ofCircle: circle, names: names)
            let proxies = try Self.proxies(db, opener: key, circle: circle)
            let changes = try Self.clientChanges(db, circle: circle, opened: opened, names: names, proxies: proxies)
            return ClientRecordView(
                circle: circle, journey: journey,
                holders: holders.map { ($0.key, names[$0.key] ?? $0.key, $0.value) }.sorted { $0.name < $1.name }, changes: changes, home: owner ?? "",
                homeName: owner.flatMap { names[$0] } ?? "", proxies: proxies.map(\.details),
                actingAs: proxies.first { $0.key == key.signingPublicKey }?.details, accesses: try Self.clientAccesses(db, opener: key, circle: circle),
                requests: try Self.consentRequests(db, opener: key, circle: circle, consents: journey.consents))
        }
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

    /// The people acting for one of this organisation's clients.
    public func proxies(clientID: String, identity: NodeIdentity) throws -> [ProxyDetails] {
        try writer.read { db in
            guard let circle = try Self.circle(db, clientID: clientID) else { return [] }
            return try Self.proxies(db, opener: identity, circle: circle).map(\.details)
        }
    }

    /// Ends a proxy's authority: their code stops working and nothing new is encrypted to them.
    public func endProxy(clientID: String, slot: String, identity: NodeIdentity, by username: String, nowMilliseconds now: UInt64) throws {
        try writer.write { db in
            guard let circle = try Self.circle(db, clientID: clientID),
                var record = try Self.clientKeys(db, circle: circle).currentKeys.first(where: { $0.slot == slot && $0.isProxy })
            else { throw ClientAccessError.noSuchClient }
            record.ended = true
            _ = try Self.publishOwn(db, .clientKey, scope: circle, record.encoded(), to: [], identity: identity, now: now)
            try AuditLog.record(db, username, "end proxy", subject: clientID, detail: slot, now: now)
        }
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

    /// Records a consent change the client made on this node's site: signed with the client's key,
    /// carried by this node (it need not be the home organisation), encrypted to the home
    /// organisation, the organisation concerned and the client. A grant goes only to a current
    /// member and follows every withdrawal the client's key can see (§8.5).
    /// - Returns: the new consent envelope's id.
    @discardableResult
    public func clientConsentChange(
        key: NodeIdentity, circle: String, _ event: ConsentEvent, identity: NodeIdentity, today: String, nowMilliseconds now: UInt64
    ) throws -> [UInt8] {
        try writer.write { db in
            guard let c = Circle(scope: circle), try Self.mayAct(db, key: key, circle: circle) else { throw ClientAccessError.noSuchClient }
            let names = try Self.organizationNames(db)
            guard let home = Self.owner(ofCircle: circle, names: names), let homeKey = try Self.encryptionKey(db, organization: home) else {
                throw ClientAccessError.noSuchClient
            }
            let extra = try Self.clientCopyKeys(db, key: key, circle: circle)
            let opened = try Self.openedEnvelopes(db, identity: key, kinds: [.consent], circle: circle, extraKeys: extra)
            let fold = JourneyFold.consents(c, opened)
            var event = event
            let orgKey: [UInt8]?
            switch event {
            case .grant(let g, _):
                guard bytesFromHex(g.organization).map({ !c.isOwned(by: $0) }) ?? false else { throw ClientAccessError.organizationUnknown }
                orgKey = try Self.memberEncryptionKey(db, organization: g.organization)
                if fold.consent(for: g.organization, purpose: g.purposes.sorted().first ?? .referral, on: today) != nil,
                    case .granted(let held, _) = fold.standing(of: g.organization), held.purposes.isSuperset(of: g.purposes), held.end >= g.end
                {
                    throw ClientAccessError.nothingToChange
                }
                event = .grant(g, after: fold.revokes(of: g.organization))
            case .revoke(let org, _, _, _):
                orgKey = try Self.encryptionKey(db, organization: org)
                guard case .granted = fold.standing(of: org) else { throw ClientAccessError.nothingToChange }
            }
            guard let orgKey else { throw ClientAccessError.organizationUnknown }
            let signed = try ClientKey.sign(JourneyPayload.consent(event).encoded(), scope: circle, with: key)
            // The client and everyone acting for them read it too.
            var recipients = [homeKey, orgKey] + (try Self.clientKeys(db, circle: circle).currentKeys.map(\.encryptionKey))
            if identity.signingPublicKey == bytesFromHex(home) || hexString(identity.signingPublicKey) == event.organization {
                recipients.append(identity.encryptionPublicKey)
            }
            let id = try Self.publishOwn(db, .consent, scope: circle, signed, to: recipients, identity: identity, now: now)
            try Self.refreshJourneyIndex(db, identity: identity)
            let what: String
            if case .grant = event { what = "client granted consent" } else { what = "client withdrew consent" }
            try AuditLog.record(db, "client", what, subject: circle, detail: names[event.organization] ?? event.organization, now: now)
            return id
        }
    }

    /// Signs an acknowledgement (kind 29) for every consent change a client signed that this node
    /// is a recipient of and has not yet looked at: the holder's record that it took the change in.
    /// Called after each sync session and after a change made on this node's site.
    /// - Returns: how many were acknowledged.
    @discardableResult
    public func acknowledgeClientConsents(identity: NodeIdentity, nowMilliseconds now: UInt64) throws -> Int {
        try writer.write { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT e.id, e.scope, e.clock, e.wire FROM envelope e
                    WHERE e.kind = 16 AND e.scope IN (\(Self.circlesNamingSQL(identity)))
                    AND NOT EXISTS (SELECT 1 FROM consent_checked c WHERE c.id = e.id)
                    """)
            var count = 0
            for row in rows {
                let id = [UInt8](row["id"] as Data)
                let circle: String = row["scope"]
                try db.execute(sql: "INSERT OR IGNORE INTO consent_checked (id) VALUES (?)", arguments: [Data(id)])
                guard let e = try? Envelope.decode([UInt8](row["wire"] as Data)), identity.isRecipient(of: e), let plain = try? identity.open(e),
                    Self.clientSigner(plain, circle: circle, clock: e.header.clock, keys: try Self.clientKeys(db, circle: circle)) != nil
                else { continue }
                _ = try Self.publishOwn(db, .consentAcknowledgement, scope: circle, ConsentAcknowledgement(consent: id).encoded(), to: [], identity: identity, now: now)
                count += 1
            }
            return count
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

    /// Records the client's own voice (§13.5) on this node's site: a reading on a goal's scale, or
    /// the check-in after a referral closed. Signed with the client's key and carried by this node;
    /// encrypted to the client, the home organisation and the organisations concerned: for a reading,
    /// those the client shares progress with; for a check-in, the organisation the referral went to.
    public func clientVoice(
        key: NodeIdentity, circle: String, _ voice: ClientVoice, identity: NodeIdentity, today: String, nowMilliseconds now: UInt64
    ) throws {
        try writer.write { db in
            guard try Self.mayAct(db, key: key, circle: circle) else { throw ClientAccessError.noSuchClient }
            let extra = try Self.clientCopyKeys(db, key: key, circle: circle)
            let opened = try Self.openedEnvelopes(db, identity: key, kinds: Self.journeyKinds, circle: circle, extraKeys: extra)
            let view = try Self.journey(db, circle: circle, opened: opened, names: Self.organizationNames(db), today: today)
            let recipients = try Self.voiceRecipients(db, voice, view: view, today: today)
            let signed = try ClientKey.sign(JourneyPayload.clientVoice(voice).encoded(), scope: circle, with: key)
            var to = recipients + (try Self.clientKeys(db, circle: circle).currentKeys.map(\.encryptionKey))
            if recipients.contains(identity.encryptionPublicKey) { to.append(identity.encryptionPublicKey) }
            _ = try Self.publishOwn(db, .clientVoice, scope: circle, signed, to: to, identity: identity, now: now)
            try AuditLog.record(db, "client", voice.isCheckin ? "client check-in" : "client reading", subject: circle, now: now)
        }
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

    /// A check-in the client gave on paper, written down by the home organisation's staff.
    public func recordPaperCheckin(
        clientID: String, referralID: String, score: Int, comment: String?, identity: NodeIdentity, by username: String, today: String,
        nowMilliseconds now: UInt64
    ) throws {
        try writer.write { db in
            guard let circle = try Self.circle(db, clientID: clientID) else { throw ClientAccessError.noSuchClient }
            let view = try Self.journey(db, identity: identity, circle: circle, today: today)
            let voice = ClientVoice.checkin(referralID: referralID, score: min(10, max(0, score)), comment: comment, date: today, onPaper: true)
            let recipients = try Self.voiceRecipients(db, voice, view: view, today: today)
            try Self.publishPrivate(db, .clientVoice, circle: circle, JourneyPayload.clientVoice(voice).encoded(), to: recipients, identity: identity, now: now)
            try AuditLog.record(db, username, "record paper check-in", subject: clientID, now: now)
        }
    }

    /// The check-ins clients gave about referrals this organisation received, newest first: each
    /// organisation sees its own results (§13.5).
    public func checkinsReceived(identity: NodeIdentity, today: String) throws -> [(checkin: CheckIn, service: String, clientSigned: Bool)] {
        try writer.read { db in
            let me = hexString(identity.signingPublicKey)
            var out: [(CheckIn, String, Bool)] = []
            for circle in try String.fetchAll(
                db, sql: "SELECT DISTINCT scope FROM envelope WHERE kind = 30 AND scope IN (\(Self.circlesNamingSQL(identity)))")
            {
                let view = try Self.journey(db, identity: identity, circle: circle, today: today)
                for r in view.referrals where r.recipient == me {
                    guard let c = view.checkins[r.record.id] else { continue }
                    out.append((c, r.record.serviceName ?? r.recipientName, !c.onPaper))
                }
            }
            return out.sorted { $0.0.at > $1.0.at }.map { (checkin: $0.0, service: $0.1, clientSigned: $0.2) }
        }
    }

    /// Tells the home organisation (and the client) that the record was opened on this node's site,
    /// signed with the key that opened it (§13.8). One notice per sign-in.
    public func recordClientAccess(key: NodeIdentity, circle: String, identity: NodeIdentity, today: String, nowMilliseconds now: UInt64) throws {
        try writer.write { db in
            let keys = try Self.clientKeys(db, circle: circle)
            guard let slot = keys.currentKeys.first(where: { $0.signingKey == key.signingPublicKey })?.slot,
                let home = Self.owner(ofCircle: circle, names: try Self.organizationNames(db)), let homeKey = try Self.encryptionKey(db, organization: home)
            else { return }
            let signed = try ClientKey.sign(ClientAccessNotice(openedOn: today, slot: slot).encoded(), scope: circle, with: key)
            var to = [homeKey] + keys.currentKeys.map(\.encryptionKey)
            if identity.encryptionPublicKey == homeKey { to.append(identity.encryptionPublicKey) }
            _ = try Self.publishOwn(db, .clientAccess, scope: circle, signed, to: to, identity: identity, now: now)
        }
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

    /// When one of this organisation's clients (or someone acting for them) opened their record.
    public func clientAccesses(clientID: String, identity: NodeIdentity) throws -> [(on: String, site: String, by: ProxyDetails?)] {
        try writer.read { db in
            guard let circle = try Self.circle(db, clientID: clientID) else { return [] }
            return try Self.clientAccesses(db, opener: identity, circle: circle)
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

    /// This node (not the circle's owner, and in the circle) asks the client to share with it (§13.10).
    public func requestConsent(circle: String, purposes: Set<ConsentPurpose>, reason: String, identity: NodeIdentity, by username: String, nowMilliseconds now: UInt64) throws {
        try writer.write { db in
            guard let c = Circle(scope: circle), !c.isOwned(by: identity.signingPublicKey), !purposes.isEmpty,
                !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                let home = Self.owner(ofCircle: circle, names: try Self.organizationNames(db)), let homeKey = try Self.encryptionKey(db, organization: home)
            else { throw ClientAccessError.nothingToChange }
            let request = ConsentRequest.request(organization: hexString(identity.signingPublicKey), purposes: purposes, reason: String(reason.prefix(1000)))
            let to = [homeKey, identity.encryptionPublicKey] + (try Self.clientKeys(db, circle: circle).currentKeys.map(\.encryptionKey))
            _ = try Self.publishOwn(db, .consentRequest, scope: circle, request.encoded(), to: to, identity: identity, now: now)
            try AuditLog.record(db, username, "ask client to share", subject: circle, detail: purposes.sorted().map(\.rawValue).joined(separator: ", "), now: now)
        }
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

    /// The requests of a circle as this organisation can read them, given its consents as already
    /// folded for the journey.
    public func consentRequests(circle: String, identity: NodeIdentity, consents: ConsentFold) throws -> [RequestView] {
        try writer.read { db in try Self.consentRequests(db, opener: identity, circle: circle, consents: consents) }
    }

    /// The client says no to a request: signed with their key, carried by this node.
    public func declineConsentRequest(key: NodeIdentity, circle: String, request: String, identity: NodeIdentity, nowMilliseconds now: UInt64) throws {
        try writer.write { db in
            guard try Self.mayAct(db, key: key, circle: circle), let id = bytesFromHex(request), id.count == 32,
                let home = Self.owner(ofCircle: circle, names: try Self.organizationNames(db)), let homeKey = try Self.encryptionKey(db, organization: home)
            else { throw ClientAccessError.noSuchClient }
            let extra = try Self.clientCopyKeys(db, key: key, circle: circle)
            let opened = try Self.openedEnvelopes(db, identity: key, kinds: [.consent], circle: circle, extraKeys: extra)
            let all = try Self.consentRequests(db, opener: key, circle: circle, consents: JourneyFold.consents(Circle(checkedScope: circle), opened))
            guard let r = all.first(where: { $0.id == request }), r.state == .open else { throw ClientAccessError.nothingToChange }
            var to = [homeKey] + (try Self.clientKeys(db, circle: circle).currentKeys.map(\.encryptionKey))
            if let orgKey = try Self.encryptionKey(db, organization: r.organization) { to.append(orgKey) }
            let signed = try ClientKey.sign(ConsentRequest.declined(request: id).encoded(), scope: circle, with: key)
            _ = try Self.publishOwn(db, .consentRequest, scope: circle, signed, to: to, identity: identity, now: now)
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

    /// Records a change; refuses an empty text. At most 2,000 characters are kept.
    public func addFeedbackChange(_ text: String, by username: String, today: String, nowMilliseconds now: UInt64) throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ClientAccessError.nothingToChange }
        try writer.write { db in
            try db.execute(
                sql: "INSERT INTO feedback_change (noted_on, text, username) VALUES (?, ?, ?)", arguments: [today, String(trimmed.prefix(2000)), username])
            try AuditLog.record(db, username, "record a change made because of clients' feedback", now: now)
        }
    }

    /// The changes recorded, newest first.
    public func feedbackChanges(limit: Int = 50) throws -> [FeedbackChange] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT noted_on, text, username FROM feedback_change ORDER BY id DESC LIMIT ?", arguments: [limit]).map {
                FeedbackChange(writtenOn: $0["noted_on"], text: $0["text"], username: $0["username"])
            }
        }
    }
}
