import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// Clients in control of their consent (`Protocol/SPEC.md` §13): receipts and client keys,
/// proxies, consent changes the client signs, requests from organisations, check-ins and what
/// was changed because of them. Reached as `NodeDatabase.clientAccess`.
public struct ClientAccess: Sendable {
    let database: NodeDatabase
    var writer: any DatabaseWriter { database.writer }

    /// Issues a new receipt for one of this organisation's clients: a new code and key. A receipt
    /// issued before stops working (its key is no longer the circle's client key).
    /// With `proxy` (name, relationship, authority), the receipt is for a person acting for the client
    /// (§13.7), paired with that person's own date of birth; the client's own code is untouched.
    public func issueClientReceipt(
        clientID: String, dateOfBirth given: String? = nil, proxy: (name: String, relationship: String, authority: String)? = nil,
        identity: NodeIdentity, by username: String, nowMilliseconds now: UInt64, random: [UInt8] = SecureRandom.bytes(ClientCode.randomBytes)
    ) throws -> IssuedReceipt {
        guard let client = try writer.read({ db in try NodeDatabase.readClients(db, identity: identity, id: clientID).first }) else {
            throw NodeDatabase.ClientAccessError.noSuchClient
        }
        let dob = (given?.isEmpty == false ? given : nil) ?? (proxy == nil ? client.record.dateOfBirth : "")
        guard LocalDateTime.parseDate(dob) != nil else { throw NodeDatabase.ClientAccessError.dateOfBirthMissing }
        var details: ProxyDetails?
        if let proxy {
            let name = proxy.name.trimmingCharacters(in: .whitespacesAndNewlines), authority = proxy.authority.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty, !authority.isEmpty, ProxyDetails.relationships.contains(proxy.relationship) else { throw NodeDatabase.ClientAccessError.proxyDetails }
            details = ProxyDetails(slot: "proxy-" + hexString(SecureRandom.bytes(6)), name: name, relationship: proxy.relationship, authority: authority)
        }
        let code = ClientCode.make(random: random)
        let key = try ClientKey.derive(code: code, dateOfBirth: dob)
        try writer.write { db in
            var record = ClientKey.record(of: key)
            if let details { record.slot = details.slot }
            record.tagKeyBox = try SealedEnvelope.sealTagKey(NodeDatabase.circleTagKey(db, circle: client.circle, identity: identity), to: key.encryptionPublicKey)
            _ = try NodeDatabase.publishOwn(db, .clientKey, scope: client.circle, record.encoded(), to: [], identity: identity, now: now)
            // The content keys of what the circle holds so far, for the client to read it all (what
            // arrived and is not opened yet, opened first).
            try NodeDatabase.openSealedArrivals(db, identity: identity)
            var keys: [ClientCopy.Key] = []
            for row in try Row.fetchAll(db, sql: NodeDatabase.circleEnvelopesSQL(kinds: [.consent, .referral, .referralStatus, .progress]), arguments: [client.circle]) {
                guard let e = try? Envelope.decode([UInt8](row["wire"] as Data)), identity.isRecipient(of: e), e.payload != nil,
                    let k = try? identity.contentKey(of: e)
                else { continue }
                keys.append(ClientCopy.Key(envelope: [UInt8](row["id"] as Data), key: k))
            }
            // A proxy's copy names them, and goes to the client too, who sees who may act for them.
            var to = [identity.encryptionPublicKey, key.encryptionPublicKey]
            if details != nil, let own = try NodeDatabase.clientKeys(db, circle: client.circle).current { to.append(own.encryptionKey) }
            var start = 0
            repeat {
                let part = Array(keys[start..<min(keys.count, start + ClientCopy.keysPerCopy)])
                _ = try NodeDatabase.publishOwn(
                    db, .clientCopy, scope: client.circle, ClientCopy(keys: part, proxy: start == 0 ? details : nil).encoded(), to: to, identity: identity, now: now)
                start += ClientCopy.keysPerCopy
            } while start < keys.count
            try NodeDatabase.refreshJourneyIndex(db, identity: identity)
            if let details {
                try AuditLog.record(db, username, "issue proxy receipt", subject: clientID, detail: "\(details.relationship): \(details.name)", now: now)
            } else {
                try AuditLog.record(db, username, "issue client receipt", subject: clientID, detail: "a new code; any earlier one stops working", now: now)
            }
        }
        return IssuedReceipt(code: code, circle: client.circle, clientName: client.record.name, dateOfBirth: dob, issuedAt: now)
    }

    /// The circle this client key belongs to, if it is the circle's current client key: the key is
    /// found as a recipient (its client copy, and what was written since), and a replaced key finds
    /// nothing. Nothing tells a wrong code from a code of a replaced receipt.
    ///
    /// Sealed records name no circle (§8.10): the circle's client-key record (kind 27, in the clear)
    /// gives the key its circle and, sealed to it, the circle's tag key; the sealed records whose tags
    /// it explains and that the key opens are then noted as the circle's here (the kind and circle,
    /// never their content), so that this member's pages can show them to the client.
    public func clientCircle(key: NodeIdentity) throws -> String? {
        try writer.write { db in
            try NodeDatabase.findSealed(db, for: key)
            for circle in try String.fetchAll(db, sql: NodeDatabase.circlesNamingRecipientSQL, arguments: [Data(key.encryptionKeyID)]) {
                if try NodeDatabase.mayAct(db, key: key, circle: circle) { return circle }
            }
            return nil
        }
    }

    /// The client's record as their key opens it.
    public func clientRecord(key: NodeIdentity, circle: String, today: String) throws -> ClientRecordView {
        // What arrived since the client signed in, found as at sign-in (`clientCircle`).
        try writer.write { db in try NodeDatabase.findSealed(db, for: key) }
        return try writer.read { db in
            let extra = try NodeDatabase.clientCopyKeys(db, key: key, circle: circle)
            let opened = try NodeDatabase.openedEnvelopes(db, identity: key, kinds: NodeDatabase.journeyKinds, circle: circle, extraKeys: extra)
            let names = try NodeDatabase.organizationNames(db)
            let journey = try NodeDatabase.journey(db, circle: circle, opened: opened, names: names, today: today)
            // The disclosure log: who each record was encrypted to, from the headers.
            let keyIDs = try NodeDatabase.organizationsByKeyID(db)
            var holders: [String: [String: Int]] = [:]
            for row in try Row.fetchAll(db, sql: NodeDatabase.circleEnvelopesSQL(kinds: NodeDatabase.journeyKinds), arguments: [circle]) {
                guard let e = try? Envelope.decode([UInt8](row["wire"] as Data)) else { continue }
                let kind = Envelope.Kind(rawValue: UInt16(row["kind"] as Int))
                for keyID in NodeDatabase.recipientKeyIDs(row, e) {
                    guard let org = keyIDs[ByteKey(keyID)] else { continue }
                    holders[org, default: [:]][kind.description, default: 0] += 1
                }
            }
            let owner = NodeDatabase.owner(ofCircle: circle, names: names)
            let proxies = try NodeDatabase.proxies(db, opener: key, circle: circle)
            let changes = try NodeDatabase.clientChanges(db, circle: circle, opened: opened, names: names, proxies: proxies)
            return ClientRecordView(
                circle: circle, journey: journey,
                holders: holders.map { ($0.key, names[$0.key] ?? $0.key, $0.value) }.sorted { $0.name < $1.name }, changes: changes, home: owner ?? "",
                homeName: owner.flatMap { names[$0] } ?? "", proxies: proxies.map(\.details),
                actingAs: proxies.first { $0.key == key.signingPublicKey }?.details, accesses: try NodeDatabase.clientAccesses(db, opener: key, circle: circle),
                requests: try NodeDatabase.consentRequests(db, opener: key, circle: circle, consents: journey.consents))
        }
    }

    /// The people acting for one of this organisation's clients.
    public func proxies(clientID: String, identity: NodeIdentity) throws -> [ProxyDetails] {
        try writer.read { db in
            guard let circle = try NodeDatabase.circle(db, clientID: clientID) else { return [] }
            return try NodeDatabase.proxies(db, opener: identity, circle: circle).map(\.details)
        }
    }

    /// Ends a proxy's authority: their code stops working and nothing new is encrypted to them.
    public func endProxy(clientID: String, slot: String, identity: NodeIdentity, by username: String, nowMilliseconds now: UInt64) throws {
        try writer.write { db in
            guard let circle = try NodeDatabase.circle(db, clientID: clientID),
                var record = try NodeDatabase.clientKeys(db, circle: circle).currentKeys.first(where: { $0.slot == slot && $0.isProxy })
            else { throw NodeDatabase.ClientAccessError.noSuchClient }
            record.ended = true
            _ = try NodeDatabase.publishOwn(db, .clientKey, scope: circle, record.encoded(), to: [], identity: identity, now: now)
            try AuditLog.record(db, username, "end proxy", subject: clientID, detail: slot, now: now)
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
            // What arrived since the client signed in, found as at sign-in (`clientCircle`).
            try NodeDatabase.findSealed(db, for: key)
            guard let c = Circle(scope: circle), try NodeDatabase.mayAct(db, key: key, circle: circle) else { throw NodeDatabase.ClientAccessError.noSuchClient }
            let names = try NodeDatabase.organizationNames(db)
            guard let home = NodeDatabase.owner(ofCircle: circle, names: names), let homeKey = try NodeDatabase.encryptionKey(db, organization: home) else {
                throw NodeDatabase.ClientAccessError.noSuchClient
            }
            let extra = try NodeDatabase.clientCopyKeys(db, key: key, circle: circle)
            let opened = try NodeDatabase.openedEnvelopes(db, identity: key, kinds: [.consent], circle: circle, extraKeys: extra)
            let fold = JourneyFold.consents(c, opened)
            var event = event
            let orgKey: [UInt8]?
            switch event {
            case .grant(let g, _):
                guard bytesFromHex(g.organization).map({ !c.isOwned(by: $0) }) ?? false else { throw NodeDatabase.ClientAccessError.organizationUnknown }
                orgKey = try NodeDatabase.memberEncryptionKey(db, organization: g.organization)
                if fold.consent(for: g.organization, purpose: g.purposes.sorted().first ?? .referral, on: today) != nil,
                    case .granted(let held, _) = fold.standing(of: g.organization), held.purposes.isSuperset(of: g.purposes), held.end >= g.end
                {
                    throw NodeDatabase.ClientAccessError.nothingToChange
                }
                event = .grant(g, after: fold.revokes(of: g.organization))
            case .revoke(let org, _, _, _):
                orgKey = try NodeDatabase.encryptionKey(db, organization: org)
                guard case .granted = fold.standing(of: org) else { throw NodeDatabase.ClientAccessError.nothingToChange }
            }
            guard let orgKey else { throw NodeDatabase.ClientAccessError.organizationUnknown }
            let signed = try ClientKey.sign(JourneyPayload.consent(event).encoded(), scope: circle, with: key)
            // The client and everyone acting for them read it too.
            var recipients = [homeKey, orgKey] + (try NodeDatabase.clientKeys(db, circle: circle).currentKeys.map(\.encryptionKey))
            if identity.signingPublicKey == bytesFromHex(home) || hexString(identity.signingPublicKey) == event.organization {
                recipients.append(identity.encryptionPublicKey)
            }
            let id = try NodeDatabase.publishOwn(db, .consent, scope: circle, signed, to: recipients, identity: identity, now: now)
            try NodeDatabase.refreshJourneyIndex(db, identity: identity)
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
                    WHERE e.kind = 16 AND e.scope <> 'public' AND e.scope IN (\(NodeDatabase.circlesNamingSQL(identity)))
                    AND NOT EXISTS (SELECT 1 FROM consent_checked c WHERE c.id = e.id)
                    UNION ALL
                    SELECT e.id, s.circle AS scope, e.clock, e.wire FROM sealed_envelope s JOIN envelope e ON e.id = s.id
                    WHERE s.kind = 16 AND NOT EXISTS (SELECT 1 FROM consent_checked c WHERE c.id = e.id)
                    """)
            var count = 0
            for row in rows {
                let id = [UInt8](row["id"] as Data)
                let circle: String = row["scope"]
                try db.execute(sql: "INSERT OR IGNORE INTO consent_checked (id) VALUES (?)", arguments: [Data(id)])
                guard let e = try? Envelope.decode([UInt8](row["wire"] as Data)), identity.isRecipient(of: e), let plain = try? identity.open(e),
                    NodeDatabase.clientSigner(plain, circle: circle, clock: e.header.clock, keys: try NodeDatabase.clientKeys(db, circle: circle)) != nil
                else { continue }
                _ = try NodeDatabase.publishOwn(db, .consentAcknowledgement, scope: circle, ConsentAcknowledgement(consent: id).encoded(), to: [], identity: identity, now: now)
                count += 1
            }
            return count
        }
    }

    /// Records the client's own voice (§13.5) on this node's site: a reading on a goal's scale, or
    /// the check-in after a referral closed. Signed with the client's key and carried by this node;
    /// encrypted to the client, the home organisation and the organisations concerned: for a reading,
    /// those the client shares progress with; for a check-in, the organisation the referral went to.
    public func clientVoice(
        key: NodeIdentity, circle: String, _ voice: ClientVoice, identity: NodeIdentity, today: String, nowMilliseconds now: UInt64
    ) throws {
        try writer.write { db in
            // What arrived since the client signed in, found as at sign-in (`clientCircle`).
            try NodeDatabase.findSealed(db, for: key)
            guard try NodeDatabase.mayAct(db, key: key, circle: circle) else { throw NodeDatabase.ClientAccessError.noSuchClient }
            let extra = try NodeDatabase.clientCopyKeys(db, key: key, circle: circle)
            let opened = try NodeDatabase.openedEnvelopes(db, identity: key, kinds: NodeDatabase.journeyKinds, circle: circle, extraKeys: extra)
            let view = try NodeDatabase.journey(db, circle: circle, opened: opened, names: NodeDatabase.organizationNames(db), today: today)
            let recipients = try NodeDatabase.voiceRecipients(db, voice, view: view, today: today)
            let signed = try ClientKey.sign(JourneyPayload.clientVoice(voice).encoded(), scope: circle, with: key)
            var to = recipients + (try NodeDatabase.clientKeys(db, circle: circle).currentKeys.map(\.encryptionKey))
            if recipients.contains(identity.encryptionPublicKey) { to.append(identity.encryptionPublicKey) }
            _ = try NodeDatabase.publishOwn(db, .clientVoice, scope: circle, signed, to: to, identity: identity, now: now)
            try AuditLog.record(db, "client", voice.isCheckin ? "client check-in" : "client reading", subject: circle, now: now)
        }
    }

    /// A check-in the client gave on paper, written down by the home organisation's staff.
    public func recordPaperCheckin(
        clientID: String, referralID: String, score: Int, comment: String?, identity: NodeIdentity, by username: String, today: String,
        nowMilliseconds now: UInt64
    ) throws {
        try writer.write { db in
            guard let circle = try NodeDatabase.circle(db, clientID: clientID) else { throw NodeDatabase.ClientAccessError.noSuchClient }
            let view = try NodeDatabase.journey(db, identity: identity, circle: circle, today: today)
            let voice = ClientVoice.checkin(referralID: referralID, score: min(10, max(0, score)), comment: comment, date: today, onPaper: true)
            let recipients = try NodeDatabase.voiceRecipients(db, voice, view: view, today: today)
            try NodeDatabase.publishPrivate(db, .clientVoice, circle: circle, JourneyPayload.clientVoice(voice).encoded(), to: recipients, identity: identity, now: now)
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
                db,
                sql: """
                    SELECT DISTINCT scope FROM envelope WHERE kind = 30 AND scope IN (\(NodeDatabase.circlesNamingSQL(identity)))
                    UNION SELECT DISTINCT circle FROM sealed_envelope WHERE kind = 30
                    """)
            {
                let view = try NodeDatabase.journey(db, identity: identity, circle: circle, today: today)
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
            let keys = try NodeDatabase.clientKeys(db, circle: circle)
            guard let slot = keys.currentKeys.first(where: { $0.signingKey == key.signingPublicKey })?.slot,
                let home = NodeDatabase.owner(ofCircle: circle, names: try NodeDatabase.organizationNames(db)), let homeKey = try NodeDatabase.encryptionKey(db, organization: home)
            else { return }
            let signed = try ClientKey.sign(ClientAccessNotice(openedOn: today, slot: slot).encoded(), scope: circle, with: key)
            var to = [homeKey] + keys.currentKeys.map(\.encryptionKey)
            if identity.encryptionPublicKey == homeKey { to.append(identity.encryptionPublicKey) }
            _ = try NodeDatabase.publishOwn(db, .clientAccess, scope: circle, signed, to: to, identity: identity, now: now)
        }
    }

    /// When one of this organisation's clients (or someone acting for them) opened their record.
    public func clientAccesses(clientID: String, identity: NodeIdentity) throws -> [(on: String, site: String, by: ProxyDetails?)] {
        try writer.read { db in
            guard let circle = try NodeDatabase.circle(db, clientID: clientID) else { return [] }
            return try NodeDatabase.clientAccesses(db, opener: identity, circle: circle)
        }
    }

    /// This node (not the circle's owner, and in the circle) asks the client to share with it (§13.10).
    public func requestConsent(circle: String, purposes: Set<ConsentPurpose>, reason: String, identity: NodeIdentity, by username: String, nowMilliseconds now: UInt64) throws {
        try writer.write { db in
            guard let c = Circle(scope: circle), !c.isOwned(by: identity.signingPublicKey), !purposes.isEmpty,
                !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                let home = NodeDatabase.owner(ofCircle: circle, names: try NodeDatabase.organizationNames(db)), let homeKey = try NodeDatabase.encryptionKey(db, organization: home)
            else { throw NodeDatabase.ClientAccessError.nothingToChange }
            let request = ConsentRequest.request(organization: hexString(identity.signingPublicKey), purposes: purposes, reason: String(reason.prefix(1000)))
            let to = [homeKey, identity.encryptionPublicKey] + (try NodeDatabase.clientKeys(db, circle: circle).currentKeys.map(\.encryptionKey))
            _ = try NodeDatabase.publishOwn(db, .consentRequest, scope: circle, request.encoded(), to: to, identity: identity, now: now)
            try AuditLog.record(db, username, "ask client to share", subject: circle, detail: purposes.sorted().map(\.rawValue).joined(separator: ", "), now: now)
        }
    }

    /// The requests of a circle as this organisation can read them, given its consents as already
    /// folded for the journey.
    public func consentRequests(circle: String, identity: NodeIdentity, consents: ConsentFold) throws -> [NodeDatabase.RequestView] {
        try writer.read { db in try NodeDatabase.consentRequests(db, opener: identity, circle: circle, consents: consents) }
    }

    /// The client says no to a request: signed with their key, carried by this node.
    public func declineConsentRequest(key: NodeIdentity, circle: String, request: String, identity: NodeIdentity, nowMilliseconds now: UInt64) throws {
        try writer.write { db in
            // What arrived since the client signed in, found as at sign-in (`clientCircle`).
            try NodeDatabase.findSealed(db, for: key)
            guard try NodeDatabase.mayAct(db, key: key, circle: circle), let id = bytesFromHex(request), id.count == 32,
                let home = NodeDatabase.owner(ofCircle: circle, names: try NodeDatabase.organizationNames(db)), let homeKey = try NodeDatabase.encryptionKey(db, organization: home)
            else { throw NodeDatabase.ClientAccessError.noSuchClient }
            let extra = try NodeDatabase.clientCopyKeys(db, key: key, circle: circle)
            let opened = try NodeDatabase.openedEnvelopes(db, identity: key, kinds: [.consent], circle: circle, extraKeys: extra)
            let all = try NodeDatabase.consentRequests(db, opener: key, circle: circle, consents: JourneyFold.consents(Circle(checkedScope: circle), opened))
            guard let r = all.first(where: { $0.id == request }), r.state == .open else { throw NodeDatabase.ClientAccessError.nothingToChange }
            var to = [homeKey] + (try NodeDatabase.clientKeys(db, circle: circle).currentKeys.map(\.encryptionKey))
            if let orgKey = try NodeDatabase.encryptionKey(db, organization: r.organization) { to.append(orgKey) }
            let signed = try ClientKey.sign(ConsentRequest.declined(request: id).encoded(), scope: circle, with: key)
            _ = try NodeDatabase.publishOwn(db, .consentRequest, scope: circle, signed, to: to, identity: identity, now: now)
        }
    }

    /// Records a change; refuses an empty text. At most 2,000 characters are kept.
    public func addFeedbackChange(_ text: String, by username: String, today: String, nowMilliseconds now: UInt64) throws {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw NodeDatabase.ClientAccessError.nothingToChange }
        try writer.write { db in
            try db.execute(
                sql: "INSERT INTO feedback_change (noted_on, text, username) VALUES (?, ?, ?)", arguments: [today, String(trimmed.prefix(2000)), username])
            try AuditLog.record(db, username, "record a change made because of clients' feedback", now: now)
        }
    }

    /// The changes recorded, newest first.
    public func feedbackChanges(limit: Int = 50) throws -> [NodeDatabase.FeedbackChange] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT noted_on, text, username FROM feedback_change ORDER BY id DESC LIMIT ?", arguments: [limit]).map {
                NodeDatabase.FeedbackChange(writtenOn: $0["noted_on"], text: $0["text"], username: $0["username"])
            }
        }
    }
}

extension NodeDatabase {
    public var clientAccess: ClientAccess { ClientAccess(database: self) }
}
