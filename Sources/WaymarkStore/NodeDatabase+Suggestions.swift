import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// The short code a resident is given for a suggestion, to follow it without an account: eight
/// characters of Crockford's base32 (40 random bits), shown as `ABCD-EFGH`. Letters that read alike
/// (O and 0, I, L and 1) are taken as the same when typed back, case and dashes ignored.
public enum SuggestionCode {
    static let alphabet = ReadableCode.alphabet

    /// A new code from 5 random bytes.
    public static func make(random: [UInt8] = SecureRandom.bytes(5)) -> String {
        var bits = random.prefix(5).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        var out: [Character] = []
        for _ in 0..<8 {
            out.append(alphabet[Int(bits & 31)])
            bits >>= 5
        }
        return String(out)
    }

    /// The code as stored (eight characters), from what someone typed; `nil` if it cannot be one.
    public static func normalized(_ typed: String) -> String? { ReadableCode.normalized(typed, length: 8) }

    /// How a code is shown: `ABCD-EFGH`.
    public static func shown(_ code: String) -> String { code.count == 8 ? "\(code.prefix(4))-\(code.suffix(4))" : code }
}

/// What a resident sees of a suggestion they made, by its code.
public struct SuggestionStatus: Sendable, Equatable {
    public var serviceID: String
    public var field: String
    public var createdAt: String
    /// The organisation that publishes the listing (its name), if it is known.
    public var publisher: String?
    /// `new` (waiting), `done` (the listing was changed) or `dismissed` (no change was made).
    public var status: String
    /// What the publisher said it changed, or why it changed nothing.
    public var reason: String?
    public var decidedOn: String?
}

extension NodeDatabase {
    /// Takes a resident's suggestion: stores it with a new code for the resident and, when the
    /// listing's publisher is a member this node can encrypt to (or this node), signs it as a
    /// suggestion (kind 22) encrypted to this node and the publisher, so that it reaches the
    /// publisher's staff by sync (`Protocol/SPEC.md` §10).
    /// - Returns: the code (eight characters, `SuggestionCode`).
    public func takeSuggestion(
        _ c: Correction, serviceName: String, identity: NodeIdentity?, nowMilliseconds now: UInt64, code: String = SuggestionCode.make()
    ) throws -> String {
        try writer.write { db in
            var envelope: [UInt8]?
            var thread: String?
            var publisher: [UInt8]?
            if let identity, let owner = try Self.ownerOfRow(db, table: "service", id: c.serviceID) {
                publisher = owner
                let recipients: [[UInt8]]? =
                    owner == identity.signingPublicKey
                    ? [identity.encryptionPublicKey]
                    : try Self.memberEncryptionKey(db, organization: hexString(owner)).map { [identity.encryptionPublicKey, $0] }
                if let recipients {
                    let t = SuggestionThread(owner: identity.signingPublicKey, random: SecureRandom.bytes(12))
                    let payload = Suggestion(
                        serviceID: c.serviceID, serviceName: serviceName, field: c.field, message: c.message, contact: c.contact,
                        suggestedOn: String(c.createdAt.prefix(10)))
                    envelope = try Self.publishOwn(db, .suggestion, scope: t.scope, payload.encoded(), to: recipients, identity: identity, now: now)
                    thread = t.scope
                }
            }
            try db.execute(
                sql: """
                    INSERT INTO correction (service_id, organization_id, field, message, contact, created_at, status, code, thread, envelope, publisher, origin)
                    VALUES (?, ?, ?, ?, ?, ?, 'new', ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    // With keys, what the resident wrote is only ever written sealed (below).
                    c.serviceID, c.organizationID, c.field, identity == nil ? c.message : "", identity == nil ? c.contact : nil, c.createdAt, code, thread,
                    envelope.map { Data($0) },
                    publisher.map { Data($0) }, identity.map { Data($0.signingPublicKey) },
                ])
            if let identity { try Self.sealCorrection(db, id: db.lastInsertedRowID, message: c.message, contact: c.contact, identity: identity) }
            return code
        }
    }

    /// Signs one envelope of this node's (encrypted when it has recipients) and takes it in.
    /// - Returns: its id.
    @discardableResult
    static func publishOwn(
        _ db: Database, _ kind: Envelope.Kind, scope: String, _ payload: [UInt8], to recipients: [[UInt8]], identity: NodeIdentity, now: UInt64
    ) throws -> [UInt8] {
        let envelopes = try signChain(
            db, planned: [PlannedEnvelope(kind: kind, scope: scope, payload: payload, recipients: recipients)], identity: identity, nowMilliseconds: now)
        var report = IngestReport()
        try admit(db, envelopes, peer: "self", nowMilliseconds: now, report: &report)
        if let problem = report.rejected.first { throw PublishError(description: "\(problem.reason.rawValue): \(problem.detail)") }
        // What it sealed is read back at once (§8.10), where it is among the recipients.
        if envelopes[0].envelope.header.kind == .sealed { try openSealedArrivals(db, identity: identity) }
        return envelopes[0].id
    }

    /// Takes in the suggestions other nodes sent this one (kind 22 envelopes it can open and does not
    /// hold a row for yet), so that its staff see them with the ones made here. Called when the
    /// suggestions are listed or counted.
    /// - Returns: how many were new.
    @discardableResult
    public func collectSuggestions(identity: NodeIdentity?) throws -> Int {
        guard let identity else { return 0 }
        // Only envelopes that came in since the last look: most suggestions a node holds are
        // between other nodes, and would otherwise be opened again on every staff page.
        let (seen, latest) = try writer.read { db in
            let seen = Int64(try Self.setting(db, Self.suggestionsSeenSetting) ?? "0") ?? 0
            return (seen, try Int64.fetchOne(db, sql: "SELECT max(seq) FROM envelope WHERE seq > ? AND kind = 22", arguments: [seen]))
        }
        guard let latest else { return 0 }
        return try writer.write { db in
            var added = 0
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT id, author, scope, wire FROM envelope WHERE seq > ? AND seq <= ? AND kind = 22 AND scope <> 'public'
                        AND id NOT IN (SELECT envelope FROM correction WHERE envelope IS NOT NULL)
                    """, arguments: [seen, latest])
            {
                let author = [UInt8](row["author"] as Data)
                guard author != identity.signingPublicKey, let e = try? Envelope.decode([UInt8](row["wire"] as Data)), identity.isRecipient(of: e),
                    let plain = try? identity.open(e), let s = try? Suggestion.decode(plain)
                else { continue }
                try db.execute(
                    sql: """
                        INSERT INTO correction (service_id, organization_id, field, message, contact, created_at, status, thread, envelope, publisher, origin)
                        VALUES (?, NULL, ?, ?, ?, ?, 'new', ?, ?, ?, ?)
                        """,
                    arguments: [
                        s.serviceID, s.field, "", nil, s.suggestedOn, row["scope"] as String, row["id"] as Data,
                        Data(identity.signingPublicKey), Data(author),
                    ])
                try Self.sealCorrection(db, id: db.lastInsertedRowID, message: s.message, contact: s.contact, identity: identity)
                added += 1
            }
            try Self.setSetting(db, Self.suggestionsSeenSetting, String(latest))
            return added
        }
    }

    /// The last envelope (`seq`) `collectSuggestions` looked at.
    static let suggestionsSeenSetting = "suggestions_seen_seq"

    /// The publisher answers a suggestion: marks it put right (`done`) or needing no change
    /// (`dismissed`, with a reason) and, when it came as a suggestion envelope, signs the answer
    /// (kind 23) in its thread, for the node the resident used and for the public count.
    /// - Returns: whether there was such a suggestion for this node to answer.
    @discardableResult
    public func answerSuggestion(
        id: Int64, _ status: String, reason: String?, by username: String, displayName: String? = nil, identity: NodeIdentity?, nowMilliseconds now: UInt64
    ) throws -> Bool {
        guard status == "done" || status == "dismissed" else { return false }
        return try writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT envelope, thread, publisher FROM correction WHERE id = ?", arguments: [id]) else { return false }
            let publisher = (row["publisher"] as Data?).map { [UInt8]($0) }
            // A suggestion sent on to another organisation is theirs to answer.
            if let publisher, let identity, publisher != identity.signingPublicKey { return false }
            if let envelope = row["envelope"] as Data?, let thread = row["thread"] as String?, let identity {
                let answer = SuggestionAnswer(
                    suggestion: [UInt8](envelope), outcome: status == "done" ? .accepted : .declined, reason: reason,
                    decidedOn: BusinessDays.isoDate(dayNumber: Int(now / 86_400_000)))
                try Self.publishOwn(db, .suggestionAnswer, scope: thread, answer.encoded(), to: [], identity: identity, now: now)
            }
            try db.execute(
                sql: "UPDATE correction SET status = ?, reason = ?, handled_by = ?, handled_at = ? WHERE id = ?",
                arguments: [status, reason, displayName ?? username, Int64(now), id])
            try AuditLog.record(db, username, "correction \(status)", subject: "correction \(id)", now: now)
            return true
        }
    }

    /// Brings the suggestions this node sent on (or the one with this code) up to date with the
    /// publishers' answers.
    public func followAnswers(code: String? = nil) throws {
        try writer.write { db in
            let rows = try Row.fetchAll(
                db,
                sql: "SELECT id, envelope, thread, publisher FROM correction WHERE envelope IS NOT NULL AND publisher IS NOT NULL AND publisher <> origin"
                    + (code == nil ? "" : " AND code = ?"), arguments: StatementArguments(code.map { [$0] } ?? []))
            guard !rows.isEmpty else { return }
            for row in rows {
                guard let thread = row["thread"] as String? else { continue }
                let envelope = [UInt8](row["envelope"] as Data)
                guard let answer = try Self.answer(db, thread: thread, to: envelope, from: [UInt8](row["publisher"] as Data)) else { continue }
                let status = answer.answer.outcome == .accepted ? "done" : "dismissed"
                try db.execute(
                    sql: "UPDATE correction SET status = ?, reason = ?, handled_by = NULL, handled_at = ? WHERE id = ? AND (status, coalesce(reason, '')) IS NOT (?, ?)",
                    arguments: [
                        status, answer.answer.reason, Int64(HybridClock.milliseconds(answer.clock)), row["id"] as Int64, status, answer.answer.reason ?? "",
                    ])
            }
        }
    }

    /// The publisher's latest answer in a thread to one suggestion.
    static func answer(_ db: Database, thread: String, to suggestion: [UInt8], from publisher: [UInt8]) throws -> SuggestionTally.Answered? {
        var best: SuggestionTally.Answered?
        for row in try Row.fetchAll(
            db, sql: "SELECT id, clock, wire FROM envelope WHERE scope = ? AND scope <> 'public' AND kind = 23 AND author = ?",
            arguments: [thread, Data(publisher)])
        {
            guard let e = try? Envelope.decode([UInt8](row["wire"] as Data)), let payload = e.payload, let a = try? SuggestionAnswer.decode(payload),
                a.suggestion == suggestion
            else { continue }
            let candidate = SuggestionTally.Answered(
                id: [UInt8](row["id"] as Data), author: publisher, authorKeyID: nil, clock: UInt64(bitPattern: row["clock"] as Int64), answer: a)
            if let b = best, !candidate.isLater(than: b) { continue }
            best = candidate
        }
        return best
    }

    /// What the resident with this code may see of their suggestion (nothing of what they wrote).
    public func suggestionStatus(code typed: String) throws -> SuggestionStatus? {
        guard let code = SuggestionCode.normalized(typed) else { return nil }
        try followAnswers(code: code)
        return try writer.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM correction WHERE code = ?", arguments: [code]) else { return nil }
            let names = try Self.organizationNames(db)
            let decided = (row["handled_at"] as Int64?).map { BusinessDays.isoDate(dayNumber: Int($0 / 86_400_000)) }
            return SuggestionStatus(
                serviceID: row["service_id"], field: row["field"], createdAt: row["created_at"],
                publisher: (row["publisher"] as Data?).map { hexString([UInt8]($0)) }.flatMap { names[$0] }, status: row["status"],
                reason: row["reason"], decidedOn: row["status"] as String == "new" ? nil : decided)
        }
    }

    /// What each organisation (signing key, hex) did about the suggestions it was sent, answered on
    /// or after `since` (YYYY-MM-DD): counted from the answers every node holds (§10.3).
    public func suggestionTally(since: String) throws -> [String: (answered: Int, changed: Int)] {
        try writer.read { db in
            var asked: [[UInt8]: SuggestionTally.Asked] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, author, wire FROM envelope WHERE kind = 22 AND scope <> 'public'") {
                guard let e = try? Envelope.decode([UInt8](row["wire"] as Data)) else { continue }
                let id = [UInt8](row["id"] as Data)
                asked[id] = SuggestionTally.Asked(id: id, author: [UInt8](row["author"] as Data), recipientKeyIDs: e.header.recipients.map(\.keyID))
            }
            guard !asked.isEmpty else { return [:] }
            var keyIDs: [[UInt8]: [UInt8]] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT author, encryption_key FROM known_node") {
                keyIDs[[UInt8](row["author"] as Data)] = PrivateEnvelope.keyID(of: [UInt8](row["encryption_key"] as Data))
            }
            var answers: [SuggestionTally.Answered] = []
            for row in try Row.fetchAll(db, sql: "SELECT id, author, clock, wire FROM envelope WHERE kind = 23 AND scope <> 'public'") {
                guard let e = try? Envelope.decode([UInt8](row["wire"] as Data)), let payload = e.payload, let a = try? SuggestionAnswer.decode(payload)
                else { continue }
                let author = [UInt8](row["author"] as Data)
                answers.append(
                    SuggestionTally.Answered(
                        id: [UInt8](row["id"] as Data), author: author, authorKeyID: keyIDs[author], clock: UInt64(bitPattern: row["clock"] as Int64),
                        answer: a))
            }
            return SuggestionTally.byOrganisation(answers, asked: asked, since: since)
        }
    }
}

extension NodeDatabase {
    /// The node (signing key) that owns a directory row by the merge rule, if any.
    public func rowOwner(table: String, id: String) throws -> [UInt8]? { try writer.read { db in try Self.ownerOfRow(db, table: table, id: id) } }

    /// Organisation names by node signing key (hex), from the node records held.
    public func organizationNames() throws -> [String: String] { try writer.read { db in try Self.organizationNames(db) } }

    /// The rows of `table` whose `foreignKey` is `value` (a service's phones, say).
    public func records(table: String, foreignKey: String, value: String) throws -> [HSDSRecord] {
        try writer.read { db in DatabaseRowSource(db).records(table: table, foreignKey: foreignKey, value: value) }
    }
}
