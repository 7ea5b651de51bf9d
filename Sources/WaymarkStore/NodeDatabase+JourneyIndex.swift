import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// A referral as the lists show it (the staff home, the inbox, a client's page).
public struct ReferralListing: Sendable, Equatable {
    /// The referral envelope's id, hex.
    public var key: String
    public var circle: String
    public var clientName: String
    public var serviceName: String?
    /// Node signing keys (hex) and organisation names of the two sides.
    public var sender: String
    public var senderName: String
    public var recipient: String
    public var recipientName: String
    /// Milliseconds, from the referral envelope's clock.
    public var sentAt: UInt64
    public var status: ReferralStatus
    public var overdue: Bool
    /// The directory service it was made for, when one was chosen.
    public var serviceID: String? = nil
}

extension ReferralView {
    public var listing: ReferralListing {
        ReferralListing(
            key: key, circle: circle, clientName: record.clientName, serviceName: record.serviceName, sender: sender, senderName: senderName,
            recipient: recipient, recipientName: recipientName, sentAt: sentAt, status: status, overdue: overdue, serviceID: record.serviceID)
    }
}

/// One page of a longer list, and how long the whole list is.
public struct Page<Item: Sendable>: Sendable {
    public var items: [Item]
    public var total: Int
    /// Items skipped before this page.
    public var offset: Int
    public var isEmpty: Bool { total == 0 }

    public init(items: [Item], total: Int, offset: Int) {
        self.items = items
        self.total = total
        self.offset = offset
    }
}

/// The journey index: for every circle this node is a recipient in, each referral's two sides,
/// sending time and current status, and for each organisation holding a consent, the end of that
/// consent. It holds no client data (no names, notes, needs or reasons) and nothing a page could not
/// recompute: each circle's rows are the fold the client page uses (`referralJourney`), redone
/// whenever a consent, referral or status change of that circle is stored, stripped or dropped.
///
/// Storing such an envelope (`store`), and triggers on stripping or dropping one, list such circles
/// in `journey_dirty`; the circles are folded again with
/// the node's key after every arrival (`acknowledgeArrivals`) and every write of the node's own.
/// A read never writes: a circle still listed is folded on the spot, so pages are exact between
/// arrival and re-indexing too. The staff home and inbox then open only the referrals they show,
/// instead of every private envelope of every circle (which took seconds at 5,000 clients).
extension NodeDatabase {
    /// A referral's row in the index.
    struct IndexedReferral: Equatable {
        var key: String
        var circle: String
        var sender: String
        var recipient: String
        var sentAt: UInt64
        var status: ReferralStatus
    }

    /// A consent in force (or ended, not withdrawn) in the index: who holds it and until when.
    struct IndexedConsent: Equatable {
        var circle: String
        var organization: String
        var end: String
    }

    /// The kinds whose arrival, stripping or removal changes a circle's rows in the index.
    static let journeyIndexKindSet: Set<Envelope.Kind> = [.consent, .referral, .referralStatus]
    /// The same, as SQL's list of numbers (`16, 17, 18`), for the triggers and queries.
    static let journeyIndexKinds = journeyIndexKindSet.map(\.rawValue).sorted().map { String($0) }.joined(separator: ", ")

    /// Schema of the index (migration v19).
    static func createJourneyIndex(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE referral_index (
                    referral BLOB PRIMARY KEY, circle TEXT NOT NULL, sender TEXT NOT NULL, recipient TEXT NOT NULL,
                    sent_at INTEGER NOT NULL, status TEXT NOT NULL);
                CREATE INDEX referral_index_by_circle ON referral_index (circle);
                CREATE INDEX referral_index_by_recipient ON referral_index (recipient, sent_at);
                CREATE TABLE consent_index (
                    circle TEXT NOT NULL, organization TEXT NOT NULL, end TEXT NOT NULL, PRIMARY KEY (circle, organization)) WITHOUT ROWID;
                CREATE TABLE journey_dirty (circle TEXT PRIMARY KEY) WITHOUT ROWID;
                CREATE TRIGGER journey_dirty_on_insert AFTER INSERT ON envelope
                    WHEN NEW.kind IN (\(journeyIndexKinds)) AND NEW.scope <> 'public'
                    BEGIN INSERT OR IGNORE INTO journey_dirty (circle) VALUES (NEW.scope); END;
                CREATE TRIGGER journey_dirty_on_update AFTER UPDATE OF wire ON envelope
                    WHEN NEW.kind IN (\(journeyIndexKinds)) AND NEW.scope <> 'public'
                    BEGIN INSERT OR IGNORE INTO journey_dirty (circle) VALUES (NEW.scope); END;
                CREATE TRIGGER journey_dirty_on_delete AFTER DELETE ON envelope
                    WHEN OLD.kind IN (\(journeyIndexKinds)) AND OLD.scope <> 'public'
                    BEGIN INSERT OR IGNORE INTO journey_dirty (circle) VALUES (OLD.scope); END;
                INSERT OR IGNORE INTO journey_dirty (circle)
                    SELECT DISTINCT scope FROM envelope WHERE kind IN (\(journeyIndexKinds)) AND scope <> 'public';
                """)
    }

    @discardableResult
    static func refreshJourneyIndex(_ db: Database, identity: NodeIdentity) throws -> Int {
        try openSealedArrivals(db, identity: identity)
        let dirty = try String.fetchAll(db, sql: "SELECT circle FROM journey_dirty")
        guard !dirty.isEmpty else { return 0 }
        let mine = try circlesToFold(db, identity: identity)
        var folded = 0
        for circle in dirty {
            try db.execute(sql: "DELETE FROM referral_index WHERE circle = ?", arguments: [circle])
            try db.execute(sql: "DELETE FROM consent_index WHERE circle = ?", arguments: [circle])
            if mine.contains(circle) {
                let (referrals, consents) = try foldForIndex(db, circle: circle, identity: identity)
                for r in referrals {
                    guard let id = bytesFromHex(r.key) else { continue }
                    try db.cachedStatement(
                        sql: "INSERT OR REPLACE INTO referral_index (referral, circle, sender, recipient, sent_at, status) VALUES (?, ?, ?, ?, ?, ?)"
                    ).execute(arguments: [Data(id), r.circle, r.sender, r.recipient, Int64(r.sentAt), r.status.rawValue])
                }
                for c in consents {
                    try db.cachedStatement(sql: "INSERT OR REPLACE INTO consent_index (circle, organization, end) VALUES (?, ?, ?)")
                        .execute(arguments: [c.circle, c.organization, c.end])
                }
                folded += 1
            }
        }
        try db.execute(sql: "DELETE FROM journey_dirty")
        return folded
    }

    /// Changed circles this node is a recipient in (the others have nothing it could fold).
    static func circlesToFold(_ db: Database, identity: NodeIdentity) throws -> Set<String> {
        Set(
            try String.fetchAll(
                db, sql: "SELECT circle FROM journey_dirty WHERE circle IN (\(circlesNamingSQL(identity)))"))
    }

    /// One circle's index rows, by the fold the client page uses.
    static func foldForIndex(_ db: Database, circle: String, identity: NodeIdentity) throws -> ([IndexedReferral], [IndexedConsent]) {
        let opened = try openedEnvelopes(db, identity: identity, kinds: [.consent, .referral, .referralStatus], circle: circle)
        guard !opened.isEmpty else { return ([], []) }
        let journey = try journey(db, circle: circle, opened: opened, names: [:], today: "")
        let referrals = journey.referrals.map {
            IndexedReferral(key: $0.key, circle: circle, sender: $0.sender, recipient: $0.recipient, sentAt: $0.sentAt, status: $0.status)
        }
        let consents = journey.consents.organizations.compactMap { org -> IndexedConsent? in
            guard case .granted(let g, _) = journey.consents.standing(of: org) else { return nil }
            return IndexedConsent(circle: circle, organization: org, end: g.end)
        }
        return (referrals, consents)
    }

    /// The indexed referrals that `condition` (SQL over `referral_index`) and `matches` (the same
    /// test in Swift) accept, newest first: `limit` of them from `offset`, and how many there are.
    /// Circles not yet re-indexed are folded on the spot; when there are none (as after every
    /// arrival), SQLite does the counting and the paging.
    static func indexedReferrals(
        _ db: Database, identity: NodeIdentity, where condition: String, _ arguments: StatementArguments, matches: (IndexedReferral) -> Bool,
        offset: Int = 0, limit: Int = .max
    ) throws -> (rows: [IndexedReferral], total: Int) {
        let changed = try circlesToFold(db, identity: identity)
        let filter = "circle NOT IN (SELECT circle FROM journey_dirty) AND (\(condition))"
        func read(_ sql: String, _ arguments: StatementArguments) throws -> [IndexedReferral] {
            try Row.fetchAll(db, sql: sql, arguments: arguments).compactMap { row in
                guard let status = ReferralStatus(rawValue: row["status"]) else { return nil }
                return IndexedReferral(
                    key: hexString([UInt8](row["referral"] as Data)), circle: row["circle"], sender: row["sender"], recipient: row["recipient"],
                    sentAt: UInt64(row["sent_at"] as Int64), status: status)
            }
        }
        let columns = "SELECT referral, circle, sender, recipient, sent_at, status FROM referral_index"
        if changed.isEmpty {
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM referral_index WHERE \(filter)", arguments: arguments) ?? 0
            var paged = arguments
            paged += [Int64(clamping: max(0, limit)), Int64(clamping: max(0, offset))]
            return (try read("\(columns) WHERE \(filter) ORDER BY sent_at DESC, referral DESC LIMIT ? OFFSET ?", paged), total)
        }
        var rows = try read("\(columns) WHERE \(filter)", arguments)
        for circle in changed { rows += try foldForIndex(db, circle: circle, identity: identity).0.filter(matches) }
        rows.sort { ($0.sentAt, $0.key) > ($1.sentAt, $1.key) }
        return (Array(slice(rows, offset: offset, limit: limit)), rows.count)
    }

    /// The indexed consents of this organisation's own clients ending between `from` and `through`
    /// (ISO dates), soonest first, with the client's id: `limit` of them, and how many there are.
    static func indexedConsentsOfClients(_ db: Database, identity: NodeIdentity, endingFrom from: String, through: String, limit: Int) throws
        -> (rows: [(clientID: String, consent: IndexedConsent)], total: Int)
    {
        let sql = """
            SELECT c.id, i.circle, i.organization, i.end FROM consent_index i JOIN client c ON c.circle = i.circle
            WHERE i.circle NOT IN (SELECT circle FROM journey_dirty) AND i.end >= ? AND i.end <= ?
            """
        func read(_ sql: String, _ arguments: StatementArguments) throws -> [(clientID: String, consent: IndexedConsent)] {
            try Row.fetchAll(db, sql: sql, arguments: arguments).map {
                ($0["id"], IndexedConsent(circle: $0["circle"], organization: $0["organization"], end: $0["end"]))
            }
        }
        let changed = try circlesToFold(db, identity: identity)
        var byCircle: [String: String] = [:]
        if !changed.isEmpty {
            for row in try Row.fetchAll(db, sql: "SELECT id, circle FROM client") { byCircle[row["circle"]] = row["id"] }
        }
        let ownChanged = changed.filter { byCircle[$0] != nil }
        if ownChanged.isEmpty {
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(sql))", arguments: [from, through]) ?? 0
            return (try read("\(sql) ORDER BY i.end, c.id, i.organization LIMIT ?", [from, through, Int64(clamping: max(0, limit))]), total)
        }
        var rows = try read(sql, [from, through])
        for circle in ownChanged {
            for c in try foldForIndex(db, circle: circle, identity: identity).1 where c.end >= from && c.end <= through {
                rows.append((byCircle[circle]!, c))
            }
        }
        rows.sort { ($0.consent.end, $0.clientID, $0.consent.organization) < ($1.consent.end, $1.clientID, $1.consent.organization) }
        return (Array(rows.prefix(max(0, limit))), rows.count)
    }

    /// The first moment (milliseconds) from which a referral still awaiting an answer is not yet
    /// overdue today: a referral is overdue when more than `days` working days passed between the
    /// day it was sent and today (`JourneyFold.isOverdue`), and that only grows the earlier it was sent.
    static func overdueBefore(today: String, days: Int) -> Int64 {
        guard let t = BusinessDays.dayNumber(today) else { return 0 }
        var d = t
        while d > t - 400 {
            if BusinessDays.between(BusinessDays.isoDate(dayNumber: d), today) > days { return Int64(d + 1) * 86_400_000 }
            d -= 1
        }
        return 0
    }

    /// The listings of these indexed referrals: each referral envelope is opened for the client's
    /// name and the service (one envelope per listing). `days`: the node's response time.
    static func listings(_ db: Database, _ rows: [IndexedReferral], identity: NodeIdentity, names: [String: String], today: String, days: Int) throws
        -> [ReferralListing]
    {
        let read = try db.cachedStatement(sql: "SELECT wire FROM envelope WHERE id = ?")
        return try rows.compactMap { r in
            guard let id = bytesFromHex(r.key), let wire = try Data.fetchOne(read, arguments: [Data(id)]),
                case (_, _, .referral(let record))? = open(wire, kind: .referral, identity: identity)
            else { return nil }
            return ReferralListing(
                key: r.key, circle: r.circle, clientName: record.clientName, serviceName: record.serviceName, sender: r.sender,
                senderName: names[r.sender] ?? r.sender, recipient: r.recipient, recipientName: names[r.recipient] ?? r.recipient, sentAt: r.sentAt,
                status: r.status, overdue: JourneyFold.isOverdue(r.status, sentAt: r.sentAt, today: today, days: days), serviceID: record.serviceID)
        }
    }

    /// The rows of one page of a list.
    static func slice<T>(_ all: [T], offset: Int, limit: Int) -> ArraySlice<T> {
        let start = min(max(0, offset), all.count)
        return all[start..<min(all.count, start + max(0, limit))]
    }
}
