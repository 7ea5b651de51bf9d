import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// Clients' journeys across organisations, in their circles of private envelopes: consents,
/// referrals and their messages, progress on staged scales, the journey index staff pages read,
/// and erasure. Reached as `NodeDatabase.journeys`.
public struct Journeys: Sendable {
    let database: NodeDatabase
    var writer: any DatabaseWriter { database.writer }

    public func consentMonths() throws -> Int { Int(try database.setting("consent_months") ?? "") ?? NodeDatabase.defaultConsentMonths }

    /// Organisations a client can consent to share with: the nodes this node knows of, other than itself.
    public func partnerOrganizations(identity: NodeIdentity) throws -> [NodeDatabase.KnownNode] {
        try database.knownNodes().filter { $0.author != identity.signingPublicKey }
    }

    /// Records a grant or a revoke for one of a client's receiving organisations. A grant lists the
    /// revokes already recorded for that organisation (so it follows them, §8.5).
    public func recordConsent(
        clientID: String, _ event: ConsentEvent, identity: NodeIdentity, by username: String, nowMilliseconds now: UInt64
    ) throws {
        try writer.write { db in
            guard let client = try NodeDatabase.readClients(db, identity: identity, id: clientID).first else {
                throw NodeDatabase.noSuchClient
            }
            // A grant goes only to a current member; a withdrawal reaches even a removed one.
            let isGrant: Bool
            if case .grant = event { isGrant = true } else { isGrant = false }
            guard let encryptionKey = try isGrant
                ? NodeDatabase.memberEncryptionKey(db, organization: event.organization) : NodeDatabase.encryptionKey(db, organization: event.organization)
            else {
                throw JourneyError(.organizationUnknown, field: "organization")
            }
            guard bytesFromHex(event.organization) != identity.signingPublicKey else {
                throw JourneyError(.consentForSelf, field: "organization")
            }
            var event = event
            if case .grant(let g, _) = event {
                if g.purposes.isEmpty { throw JourneyError(.purposesMissing, field: "purposes") }
                if LocalDateTime.parseDate(g.start) == nil || LocalDateTime.parseDate(g.end) == nil || g.start > g.end {
                    throw JourneyError(.consentDates, field: "end")
                }
                let fold = try NodeDatabase.consentFold(db, circle: client.circle, identity: identity)
                event = .grant(g, after: fold.revokes(of: event.organization))
            }
            try NodeDatabase.publishPrivate(
                db, .consent, circle: client.circle, JourneyPayload.consent(event).encoded(), to: [identity.encryptionPublicKey, encryptionKey],
                identity: identity, now: now)
            let name = try NodeDatabase.organizationName(db, event.organization)
            switch event {
            case .grant(let g, _):
                try AuditLog.record(
                    db, username, "record consent", subject: clientID,
                    detail: "\(name): \(g.purposes.sorted().map(\.rawValue).joined(separator: ", ")) until \(g.end) (\(g.method.rawValue))", now: now)
            case .revoke(_, let method, _, _):
                try AuditLog.record(db, username, "revoke consent", subject: clientID, detail: "\(name) (\(method.rawValue))", now: now)
            }
        }
    }

    /// A client's consents, one line per organisation ever named, in force first.
    public func consents(clientID: String, identity: NodeIdentity, today: String) throws -> [ConsentView] {
        try writer.read { db in
            guard let circle = try NodeDatabase.circle(db, clientID: clientID) else { return [] }
            let fold = try NodeDatabase.consentFold(db, circle: circle, identity: identity)
            let names = try NodeDatabase.organizationNames(db)
            let horizon = BusinessDays.adding(NodeDatabase.consentWarningDays, to: today)
            return fold.organizations.map { org in
                let standing = fold.standing(of: org)
                var grant: ConsentGrant?
                if case .granted(let g, _) = standing { grant = g }
                let covers = grant?.covers(day: today) ?? false
                return ConsentView(
                    organization: org, organizationName: names[org] ?? org, standing: standing, grant: grant, coversToday: covers,
                    expiringSoon: covers && (grant?.end ?? "") <= horizon)
            }.sorted { ($0.coversToday ? 0 : 1, $0.organizationName) < ($1.coversToday ? 0 : 1, $1.organizationName) }
        }
    }

    /// Sends a referral for a client to an organisation their consent covers. What is shared follows
    /// the consent's data classes (contact details, needs).
    @discardableResult
    public func sendReferral(
        clientID: String, to organization: String, serviceID: String?, serviceName: String?, note: String, reroutes: String? = nil, identity: NodeIdentity,
        by username: String,
        today: String, nowMilliseconds now: UInt64
    ) throws -> String {
        let said = [serviceID, serviceName, note].compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }
        if reroutes == nil, said.allSatisfy(\.isEmpty) { throw JourneyError(.referralEmpty, field: "service") }
        return try writer.write { db in
            guard let client = try NodeDatabase.readClients(db, identity: identity, id: clientID).first else {
                throw NodeDatabase.noSuchClient
            }
            let fold = try NodeDatabase.consentFold(db, circle: client.circle, identity: identity)
            guard let consent = fold.consent(for: organization, purpose: .referral, on: today) else {
                throw JourneyError(.noReferralConsent, field: "organization")
            }
            guard let key = try NodeDatabase.memberEncryptionKey(db, organization: organization) else {
                throw JourneyError(.organizationUnknown, field: "organization")
            }
            let record = ReferralPolicy.record(
                id: "referral-" + Tokens.random(bytes: 8), to: organization, serviceID: serviceID, serviceName: serviceName, client: client.record,
                consent: consent, note: note, reroutes: reroutes)
            if let reroutes, try !NodeDatabase.referralViews(db, identity: identity, circle: client.circle, today: today).contains(where: { $0.record.id == reroutes }) {
                throw JourneyError(.rerouteNotThisClient, field: "reroutes")
            }
            try NodeDatabase.publishPrivate(
                db, .referral, circle: client.circle, JourneyPayload.referral(record).encoded(), to: [identity.encryptionPublicKey, key], identity: identity,
                now: now)
            try AuditLog.record(db, username, "send referral", subject: clientID, detail: "to \(try NodeDatabase.organizationName(db, organization)): \(serviceName ?? "")", now: now)
            return record.id
        }
    }

    /// The referrals of one client (sent from this node).
    public func referrals(clientID: String, identity: NodeIdentity, today: String) throws -> [ReferralView] {
        try writer.read { db in
            guard let circle = try NodeDatabase.circle(db, clientID: clientID) else { return [] }
            return try NodeDatabase.referralViews(db, identity: identity, circle: circle, today: today)
        }
    }

    /// Referrals addressed to this organisation, newest first: `limit` of them from `offset`, read
    /// from the journey index (only those on the page are opened).
    /// `statuses`: only referrals whose status is one of these (all when nil).
    public func incomingReferrals(
        identity: NodeIdentity, today: String, statuses: Set<ReferralStatus>? = nil, offset: Int = 0, limit: Int = .max
    ) throws -> Page<ReferralListing> {
        try database.referralList(identity: identity, sent: false, today: today, statuses: statuses, offset: offset, limit: limit)
    }

    /// Referrals this organisation sent, newest first, whatever their status (what it is waiting on,
    /// and how the others ended).
    public func sentReferrals(
        identity: NodeIdentity, today: String, statuses: Set<ReferralStatus>? = nil, offset: Int = 0, limit: Int = .max
    ) throws -> Page<ReferralListing> {
        try database.referralList(identity: identity, sent: true, today: today, statuses: statuses, offset: offset, limit: limit)
    }

    /// One referral by its key, as either side.
    public func referral(key: String, identity: NodeIdentity, today: String) throws -> ReferralView? {
        try writer.read { db in try NodeDatabase.referralView(db, key: key, identity: identity, today: today) }
    }

    /// Changes a referral's status as this organisation's side of it; refused (naming why) when the
    /// state machine does not allow it.
    public func changeReferral(
        key: String, _ transition: ReferralTransition, identity: NodeIdentity, by username: String, today: String, nowMilliseconds now: UInt64
    ) throws {
        try writer.write { db in
            guard let (view, journey) = try NodeDatabase.referralInJourney(db, key: key, identity: identity, today: today) else {
                throw JourneyError(.noSuchReferral, field: "referral")
            }
            let me = hexString(identity.signingPublicKey)
            let role: ReferralRole = me == view.sender ? .sender : .recipient
            guard me == view.sender || me == view.recipient else { throw JourneyError(.notASide, field: "referral") }
            if let refusal = ReferralMachine.check(from: view.status, transition, by: role) { throw refusal.journeyError }
            let other = role == .sender ? view.recipient : view.sender
            guard let key = try NodeDatabase.encryptionKey(db, organization: other) else { throw JourneyError(.otherSideUnknown, field: "referral") }
            // §8.6: after a revoke nothing new is encrypted to that organisation, and it writes nothing more into the circle.
            var recipients = [identity.encryptionPublicKey]
            switch ReferralPolicy.sharing(role: role, consents: journey.consents, me: me, other: other, closing: transition.to.isClosed) {
            case .refused: throw NodeDatabase.consentWithdrawn
            case .authorOnly: break
            case .bothSides: recipients.append(key)
            }
            try NodeDatabase.publishPrivate(
                db, .referralStatus, circle: view.circle, JourneyPayload.referralStatus(referralID: view.record.id, transition).encoded(),
                to: recipients, identity: identity, now: now)
            try AuditLog.record(db, username, "referral \(transition.to.rawValue)", subject: view.circle, detail: "referral \(view.record.id)", now: now)
        }
    }

    /// Marks every referral addressed to this organisation that it has not yet acknowledged as
    /// `received` (called after each sync session and when the inbox is opened).
    /// - Returns: how many were marked.
    @discardableResult
    public func acknowledgeReferrals(identity: NodeIdentity, nowMilliseconds now: UInt64) throws -> Int {
        try writer.write { db in
            let me = hexString(identity.signingPublicKey)
            var marked = 0
            // Only circles where a referral arrived since the last pass (envelopes are numbered as stored).
            let through = Int64(try NodeDatabase.setting(db, "referrals_acknowledged_through") ?? "") ?? 0
            let newest = try Int64.fetchOne(db, sql: "SELECT max(seq) FROM envelope") ?? 0
            let circles = try String.fetchAll(
                db, sql: NodeDatabase.circlesWithNewSQL(identity), arguments: [Int(Envelope.Kind.referral.rawValue), through])
            try NodeDatabase.setSetting(db, "referrals_acknowledged_through", String(newest))
            for circle in circles {
                let journey = try NodeDatabase.referralJourney(db, circle: circle, identity: identity, today: "")
                if case .revoked = journey.consents.standing(of: me) { continue }
                for v in journey.referrals where v.recipient == me && v.status == .requested {
                    guard !v.fold.history.contains(where: { $0.change.author == me }), let key = try NodeDatabase.encryptionKey(db, organization: v.sender) else { continue }
                    try NodeDatabase.publishPrivate(
                        db, .referralStatus, circle: v.circle, JourneyPayload.referralStatus(referralID: v.record.id, ReferralTransition(to: .received)).encoded(),
                        to: [identity.encryptionPublicKey, key], identity: identity, now: now)
                    marked += 1
                }
            }
            return marked
        }
    }

    /// The instruments staff may measure goals with (node setting `instruments`; the standard one
    /// until an admin sets a list).
    public func instruments() throws -> [Instrument] { try writer.read { db in try NodeDatabase.instruments(db) } }

    /// Replaces the node's instruments (`waymark instrument set`). Readings already taken keep their
    /// area names and stages.
    public func setInstruments(_ list: [Instrument]) throws {
        for i in list { if let p = i.problem { throw JourneyError(.instrumentInvalid, field: "instrument", ["id": i.id, "problem": p]) } }
        guard Set(list.map(\.id)).count == list.count else { throw JourneyError(.instrumentIDsRepeat, field: "instrument") }
        try database.setSetting("instruments", String(decoding: Instrument.encode(list), as: UTF8.self))
    }

    /// Records a goal, reading, milestone or correction in a circle this organisation may write to.
    @discardableResult
    public func recordProgress(
        circle: String, _ event: ProgressEvent, identity: NodeIdentity, by username: String, today: String, nowMilliseconds now: UInt64
    ) throws -> String {
        try writer.write { db in
            guard let c = Circle(scope: circle) else { throw JourneyError(.notACircle, field: "circle") }
            let me = hexString(identity.signingPublicKey)
            let journey = try NodeDatabase.journey(db, identity: identity, circle: circle, today: today)
            var recipients = [identity.encryptionPublicKey]
            let clientID = try String.fetchOne(db, sql: "SELECT id FROM client WHERE circle = ?", arguments: [circle])
            if c.isOwned(by: identity.signingPublicKey) {
                guard clientID != nil else { throw JourneyError(.clientErased, field: "circle") }
                for org in journey.consents.organizations(consentingTo: .progress, on: today) {
                    if let key = try NodeDatabase.memberEncryptionKey(db, organization: org) { recipients.append(key) }
                }
            } else {
                guard journey.consents.consent(for: me, purpose: .progress, on: today) != nil else {
                    if case .revoked = journey.consents.standing(of: me) { throw JourneyError(.consentWithdrawn, field: "consent") }
                    throw JourneyError(.noProgressConsent, field: "consent")
                }
                guard let home = try NodeDatabase.homeEncryptionKey(db, circle: c) else {
                    throw JourneyError(.homeUnknown, field: "circle")
                }
                recipients.append(home)
            }
            try NodeDatabase.check(event, in: journey, by: me, instruments: try NodeDatabase.instruments(db))
            try NodeDatabase.publishPrivate(db, .progress, circle: circle, JourneyPayload.progress(event).encoded(), to: recipients, identity: identity, now: now)
            try AuditLog.record(db, username, "record progress", subject: clientID ?? circle, detail: NodeDatabase.describe(event), now: now)
            return event.goalID
        }
    }

    /// Writes a message on a referral this organisation is a side of. Refused once the client has
    /// withdrawn the receiving organisation's consent (§8.6: nothing new reaches it, and it writes
    /// nothing more but the referral's closing).
    public func sendReferralMessage(key: String, text: String, identity: NodeIdentity, by username: String, today: String, nowMilliseconds now: UInt64)
        throws
    {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.utf8.count <= 4000 else { throw JourneyError(.messageEmpty, field: "message") }
        try writer.write { db in
            guard let (view, journey) = try NodeDatabase.referralInJourney(db, key: key, identity: identity, today: today) else {
                throw JourneyError(.noSuchReferral, field: "referral")
            }
            let me = hexString(identity.signingPublicKey)
            guard me == view.sender || me == view.recipient else { throw JourneyError(.notASide, field: "referral") }
            if case .revoked = journey.consents.standing(of: view.recipient) { throw NodeDatabase.consentWithdrawn }
            let other = me == view.sender ? view.recipient : view.sender
            guard let otherKey = try NodeDatabase.encryptionKey(db, organization: other) else { throw JourneyError(.otherSideUnknown, field: "referral") }
            try NodeDatabase.publishPrivate(
                db, .referralMessage, circle: view.circle, JourneyPayload.referralMessage(referralID: view.record.id, text: trimmed).encoded(),
                to: [identity.encryptionPublicKey, otherKey], identity: identity, now: now)
            try AuditLog.record(db, username, "send referral message", subject: view.key, now: now)
        }
    }

    /// Notes the messages from other organisations that arrived since the last pass (called after each
    /// sync session with the other arrivals).
    /// - Returns: how many were new.
    @discardableResult
    public func noteArrivedMessages(identity: NodeIdentity) throws -> Int {
        try writer.write { db in
            let through = Int64(try NodeDatabase.setting(db, "messages_noted_through") ?? "") ?? 0
            let newest = try Int64.fetchOne(db, sql: "SELECT max(seq) FROM envelope") ?? 0
            guard newest > through else { return 0 }
            try NodeDatabase.setSetting(db, "messages_noted_through", String(newest))
            let circles = try String.fetchAll(
                db, sql: NodeDatabase.circlesWithNewSQL(identity), arguments: [Int(Envelope.Kind.referralMessage.rawValue), through])
            let me = hexString(identity.signingPublicKey)
            var added = 0
            for circle in circles {
                let opened = try NodeDatabase.openedEnvelopes(db, identity: identity, kinds: [.consent, .referral, .referralStatus, .referralMessage], circle: circle)
                let journey = try NodeDatabase.journey(db, circle: circle, opened: opened, names: [:], today: "")
                for r in journey.referrals where r.sender == me || r.recipient == me {
                    for m in r.messages where m.author != me {
                        try db.execute(
                            sql: "INSERT OR IGNORE INTO referral_message_seen (id, referral, author, at) VALUES (?, ?, ?, ?)",
                            arguments: [m.id, r.key, m.author, Int64(m.at)])
                        added += db.changesCount
                    }
                }
            }
            return added
        }
    }

    /// Referrals with messages from the other side nobody here has read yet, newest first.
    public func unreadMessages(identity: NodeIdentity? = nil) throws -> [ArrivedMessage] {
        try writer.read { db in
            let names = try NodeDatabase.organizationNames(db)
            let read = try db.cachedStatement(sql: "SELECT wire FROM envelope WHERE id = ?")
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT referral, author, max(at) AS at, count(*) AS n FROM referral_message_seen WHERE read_at IS NULL
                    GROUP BY referral ORDER BY at DESC LIMIT 50
                    """
            ).map { row in
                var m = ArrivedMessage(referral: row["referral"], fromName: names[row["author"] as String] ?? row["author"], at: UInt64(row["at"] as Int64), count: row["n"])
                if let identity, let id = bytesFromHex(m.referral), let wire = try Data.fetchOne(read, arguments: [Data(id)]),
                    case (_, _, .referral(let record))? = NodeDatabase.open(wire, kind: .referral, identity: identity)
                {
                    (m.clientName, m.serviceName) = (record.clientName, record.serviceName)
                }
                return m
            }
        }
    }

    /// A referral's messages have been seen by someone here.
    public func markMessagesRead(referral: String, nowMilliseconds now: UInt64) throws {
        try writer.write { db in
            try db.execute(sql: "UPDATE referral_message_seen SET read_at = ? WHERE referral = ? AND read_at IS NULL", arguments: [Int64(now), referral])
        }
    }

    /// The journey of one of this organisation's clients.
    public func journey(clientID: String, identity: NodeIdentity, today: String) throws -> JourneyView? {
        try writer.read { db in
            guard let circle = try NodeDatabase.circle(db, clientID: clientID) else { return nil }
            return try NodeDatabase.journey(db, identity: identity, circle: circle, today: today)
        }
    }

    /// The client of this organisation whose circle this is, if any.
    public func clientID(circle: String) throws -> String? {
        try writer.read { db in try String.fetchOne(db, sql: "SELECT id FROM client WHERE circle = ?", arguments: [circle]) }
    }

    /// The circle of one of this organisation's clients.
    public func circle(clientID: String) throws -> String? { try writer.read { db in try NodeDatabase.circle(db, clientID: clientID) } }

    /// The journey of a circle as this organisation sees it (a partner sees what was shared with it).
    public func journey(circle: String, identity: NodeIdentity, today: String) throws -> JourneyView {
        try writer.read { db in try NodeDatabase.journey(db, identity: identity, circle: circle, today: today) }
    }

    /// The node (signing key, hex) that publishes a directory service: where a referral to it goes.
    public func serviceOwner(id: String) throws -> String? {
        try writer.read { db in try NodeDatabase.ownerOfRow(db, table: "service", id: id).map(hexString) }
    }

    /// The organisations whose nodes publish these services (by service id): each one's name, and
    /// whether it is the node with this signing key.
    public func publishers(ofServices ids: [String], me: [UInt8]?) throws -> [String: (name: String, isMe: Bool)] {
        try writer.read { db in
            let names = try NodeDatabase.organizationNames(db)
            var out: [String: (name: String, isMe: Bool)] = [:]
            for id in Set(ids) {
                guard let owner = try NodeDatabase.ownerOfRow(db, table: "service", id: id) else { continue }
                let key = hexString(owner)
                out[id] = (names[key] ?? key, owner == me)
            }
            return out
        }
    }

    /// The active services these organisations publish (by signing key, hex), each with its id and
    /// name, by organisation then name: what a referral to one of them may name.
    public func servicesPublished(by organizations: [String]) throws -> [(id: String, name: String, organization: String)] {
        guard !organizations.isEmpty else { return [] }
        return try writer.read { db in
            let marks = organizations.map { _ in "?" }.joined(separator: ", ")
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT id, json_extract(body, '$.name') AS name, publisher FROM record
                    WHERE tbl = 'service' AND publisher IN (\(marks)) AND coalesce(json_extract(body, '$.status'), 'active') = 'active'
                    ORDER BY publisher, name
                    """, arguments: StatementArguments(organizations)
            ).compactMap { row in (row["name"] as String?).map { (row["id"], $0, row["publisher"]) } }
        }
    }

    /// One service an organisation's node publishes (id and name), if any: for sample referrals.
    public func partnerService(of author: [UInt8]) throws -> (id: String, name: String)? {
        try writer.read { db in
            guard let id = try String.fetchOne(
                db, sql: "SELECT row_id FROM envelope WHERE author = ? AND row_table = 'service' AND kind = 2 ORDER BY clock LIMIT 1", arguments: [Data(author)]),
                let body = try String.fetchOne(db, sql: "SELECT body FROM record WHERE tbl = 'service' AND id = ?", arguments: [id]),
                let name = (try? JSONParser.parse(Array(body.utf8)))?["name"]?.stringValue
            else { return nil }
            return (id, name)
        }
    }

    /// The directory's taxonomies with how many terms each has (for `waymark needs`).
    public func taxonomies() throws -> [(id: String, name: String, terms: Int)] {
        try writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT t.id, json_extract(t.body, '$.name') AS name,
                        (SELECT count(*) FROM record r WHERE r.tbl = 'taxonomy_term' AND json_extract(r.body, '$.taxonomy_id') = t.id) AS terms
                    FROM record t WHERE t.tbl = 'taxonomy' ORDER BY terms DESC, t.id
                    """
            ).map { ($0["id"], $0["name"] ?? "", $0["terms"]) }
        }
    }

    /// Folds again every circle listed as changed and rewrites its rows (called after arrivals and
    /// by the node's own writes; cheap when nothing changed).
    /// - Returns: how many circles were folded.
    @discardableResult
    public func refreshJourneyIndex(identity: NodeIdentity) throws -> Int {
        try writer.write { db in try NodeDatabase.refreshJourneyIndex(db, identity: identity) }
    }

    /// Erases one of this organisation's clients everywhere: signs the erasure for their circle
    /// (which drops the circle's payloads here at once), then deletes the client's record and key.
    public func requestErasure(clientID: String, identity: NodeIdentity, by username: String, today: String, nowMilliseconds now: UInt64) throws {
        try writer.write { db in
            guard let circle = try NodeDatabase.circle(db, clientID: clientID) else {
                throw NodeDatabase.noSuchClient
            }
            let secret = SealedEnvelope.ownTagSecret(circle: circle, identity: identity)
            try NodeDatabase.publishPrivate(
                db, .erasure, circle: circle, JourneyPayload.erasure(Erasure(circle: circle, requestedOn: today, tagSecret: secret)).encoded(), to: [],
                identity: identity, now: now)
        }
        try database.caseload.eraseClient(id: clientID, by: username, nowMilliseconds: now)
    }

    /// After envelopes arrive: the journey index is brought up to date, referrals for this
    /// organisation are marked `received` and erasures acknowledged.
    public func acknowledgeArrivals(identity: NodeIdentity, nowMilliseconds now: UInt64) throws {
        try refreshJourneyIndex(identity: identity)
        try acknowledgeReferrals(identity: identity, nowMilliseconds: now)
        try acknowledgeErasures(identity: identity, nowMilliseconds: now)
        try database.clientAccess.acknowledgeClientConsents(identity: identity, nowMilliseconds: now)
        try noteArrivedMessages(identity: identity)
    }

    /// Signs an acknowledgement for every erasure this node carried out and has not yet acknowledged
    /// (called after each sync session, like the `received` of referrals), then moves the erased
    /// pages out of the write-ahead log.
    /// - Returns: how many were acknowledged.
    @discardableResult
    public func acknowledgeErasures(identity: NodeIdentity, nowMilliseconds now: UInt64) throws -> Int {
        let count = try writer.write { db -> Int in
            var count = 0
            for row in try Row.fetchAll(db, sql: "SELECT circle, erasure FROM erased_circle WHERE acknowledged = 0") {
                let circle: String = row["circle"]
                try NodeDatabase.publishPrivate(
                    db, .erasureAcknowledgement, circle: circle,
                    JourneyPayload.erasureAcknowledgement(erasureID: [UInt8](row["erasure"] as Data)).encoded(), to: [], identity: identity, now: now)
                try db.execute(sql: "UPDATE erased_circle SET acknowledged = 1 WHERE circle = ?", arguments: [circle])
                count += 1
            }
            return count
        }
        if count > 0 { try database.ledger.truncateLog() }
        return count
    }

    /// Every erasure this node holds, newest first, with the acknowledgements it has received.
    public func erasures() throws -> [ErasureView] {
        try writer.read { db in
            let names = try NodeDatabase.organizationNames(db)
            // Every encryption key each known organisation has published (a node that handed over to a
            // new key has more than one, §9.6), as recipient key ids.
            var keyIDs: [ByteKey: [Data]] = [:]
            for k in try Row.fetchAll(db, sql: "SELECT author, encryption_key FROM known_node") {
                keyIDs[ByteKey([UInt8](k["author"] as Data)), default: []].append(Data(PrivateEnvelope.keyID(of: [UInt8](k["encryption_key"] as Data))))
            }
            for r in try Row.fetchAll(db, sql: "SELECT author, wire FROM envelope WHERE kind = 1 AND author IN (SELECT author FROM known_node)") {
                guard let e = try? Envelope.decode([UInt8](r["wire"] as Data)), let p = e.payload, let n = try? NodeRecord.decode(p) else { continue }
                let id = Data(PrivateEnvelope.keyID(of: n.encryptionKey))
                let author = ByteKey([UInt8](r["author"] as Data))
                if keyIDs[author]?.contains(id) == false { keyIDs[author]?.append(id) }
            }
            return try Row.fetchAll(
                db, sql: "SELECT e.id, e.scope, e.author, e.wire, c.erased_at FROM erased_circle c JOIN envelope e ON e.id = c.erasure ORDER BY c.erased_at DESC"
            ).map { row in
                let circle: String = row["scope"]
                let author = hexString([UInt8](row["author"] as Data))
                var requested = ""
                if let e = try? Envelope.decode([UInt8](row["wire"] as Data)), let p = e.payload,
                    case .erasure(let x)? = try? JourneyPayload.decode(p, kind: .erasure)
                {
                    requested = x.requestedOn
                }
                let id = [UInt8](row["id"] as Data)
                let acks = try Row.fetchAll(
                    db, sql: "SELECT author, clock, wire FROM envelope WHERE scope = ? AND scope <> 'public' AND kind = ? ORDER BY clock",
                    arguments: [circle, Int(Envelope.Kind.erasureAcknowledgement.rawValue)]
                ).compactMap { a -> (String, UInt64)? in
                    guard let e = try? Envelope.decode([UInt8](a["wire"] as Data)), let p = e.payload,
                        case .erasureAcknowledgement(let target)? = try? JourneyPayload.decode(p, kind: .erasureAcknowledgement), target == id
                    else { return nil }
                    let org = hexString([UInt8](a["author"] as Data))
                    return (names[org] ?? org, HybridClock.milliseconds(UInt64(bitPattern: a["clock"] as Int64)))
                }
                // Who held records of the circle: the organisations its envelopes were encrypted to.
                let eraser = ByteKey([UInt8](row["author"] as Data))
                let holders = try keyIDs.filter { $0.key != eraser }.compactMap { author, ids -> String? in
                    let held = try ids.contains { keyID in
                        try Int.fetchOne(
                            db.cachedStatement(sql: "SELECT count(*) FROM circle_recipient WHERE key_id = ? AND circle = ?"), arguments: [keyID, circle]) == 1
                    }
                    guard held else { return nil }
                    let org = hexString(author.bytes)
                    return names[org] ?? org
                }
                let confirmed = Set(acks.map(\.0))
                return ErasureView(
                    id: hexString(id), circle: circle, requestedOn: requested, requestedBy: names[author] ?? author,
                    erasedAt: UInt64(row["erased_at"] as Int64), acknowledgements: acks, waiting: holders.filter { !confirmed.contains($0) }.sorted())
            }
        }
    }
}

extension NodeDatabase {
    public var journeys: Journeys { Journeys(database: self) }
}
