import GRDB
import WaymarkCore
import WaymarkCrypto

/// The directory's rows, for rebuilding every service document at once. Which rows exist, who
/// published them and which rows name which are held in memory (a few dozen bytes a row); a row's
/// body is read and parsed only when the assembler asks for it, and only the most recent few
/// thousand stay parsed.
///
/// Why not the alternatives: parsing the whole directory up front (`InMemoryRows`) held about
/// 400 MiB while a node took in a 10,000-service directory, because a node doing that rebuilds
/// everything at every refresh; answering each look-up with a query (`DatabaseRowSource`) kept
/// memory low but made a local import half as slow again, since most look-ups (a service's
/// fundings, its capacities…) find nothing and each one still ran a query. Here a look-up that
/// finds nothing costs one dictionary probe.
///
/// Answers exactly as `InMemoryRows` built from every row with its publisher would: a row is nested
/// under another only when the same publisher published both; rows in the byte order of their ids.
/// Ids are told apart by their bytes, as SQLite does (keys hash the UTF-8 bytes): two ids that Swift's `String`
/// calls equal (é composed and decomposed) are two rows. A database error while reading a body is
/// kept in `failure` (the row source protocol cannot throw) and the rebuild rethrows it.
final class LinkedRows: HSDSRowSource {
    private struct Entry {
        var rowid: Int64
        var publisher: Int32
    }

    /// A row's (table, id), or a link's (table, field, value), as 16 bytes of BLAKE2b: the strings
    /// themselves, two per row and two per link, were most of this index's memory (about 30 MiB for
    /// a 10,000-service directory, held while the node was also taking the directory in).
    private struct Key: Hashable, Comparable {
        var high: UInt64
        var low: UInt64
        static func < (a: Key, b: Key) -> Bool { (a.high, a.low) < (b.high, b.low) }
    }

    private let db: Database
    /// (tbl, id) → where the row is and who published it.
    private var rows: [Key: Entry] = [:]
    /// (tbl, field, value) → the rows of `tbl` whose `field` holds `value`: `linkKeys` sorted, and
    /// for each the row in `linkEntries` at the same place; one key's rows are in id order.
    private var linkKeys: [Key] = []
    private var linkEntries: [Entry] = []
    /// The first error met while reading a row.
    private(set) var failure: (any Error)?
    private var parsed: [Int64: HSDSRecord] = [:]
    private static let parsedLimit = 4_096
    /// Where a key's bytes are put together before hashing.
    private var scratch: [UInt8] = []

    init(_ db: Database) throws {
        self.db = db
        var publishers: [String: Int32] = [:]
        let all = try Row.fetchCursor(db, sql: "SELECT rowid, tbl, id, publisher FROM record")
        while let row = try all.next() {
            let publisher: String = row[3]
            let number: Int32
            if let known = publishers[publisher] {
                number = known
            } else {
                number = Int32(publishers.count)
                publishers[publisher] = number
            }
            rows[key(row[1], row[2])] = Entry(rowid: row[0], publisher: number)
        }
        // The table's own order (its primary key) puts the rows of each link in id order; the sort
        // by key keeps that order among a key's rows (ties are broken by position).
        var named: [(key: Key, position: Int32, entry: Entry)] = []
        named.reserveCapacity(try Int.fetchOne(db, sql: "SELECT count(*) FROM record_link") ?? 0)
        let links = try Row.fetchCursor(db, sql: "SELECT tbl, field, value, id FROM record_link ORDER BY value, tbl, field, id")
        while let row = try links.next() {
            let table: String = row[0]
            guard let entry = rows[key(table, row[3])] else { continue }
            named.append((key(table, row[1], row[2]), Int32(named.count), entry))
        }
        named.sort { ($0.key, $0.position) < ($1.key, $1.position) }
        linkKeys = named.map(\.key)
        linkEntries = named.map(\.entry)
    }

    /// The key of a row (`table`, `id`), or of a link (`table`, `field`, `value`): their UTF-8 bytes,
    /// each followed by a byte no UTF-8 text holds, hashed.
    private func key(_ parts: String...) -> Key {
        scratch.removeAll(keepingCapacity: true)
        for part in parts {
            scratch.append(contentsOf: part.utf8)
            scratch.append(0xFF)
        }
        let (high, low) = scratch.withUnsafeBytes { Blake2b.words128($0) }
        return Key(high: high, low: low)
    }

    func record(table: String, id: String) -> HSDSRecord? {
        rows[key(table, id)].flatMap { load($0.rowid) }
    }

    /// The row stored at this rowid.
    func record(rowid: Int64) -> HSDSRecord? { load(rowid) }

    func records(table: String, foreignKey: String, value: String) -> [HSDSRecord] {
        let wanted = key(table, foreignKey, value)
        var i = lowerBound(wanted)
        var entries: [Entry] = []
        while i < linkKeys.count && linkKeys[i] == wanted {
            entries.append(linkEntries[i])
            i += 1
        }
        return entries.compactMap { entry in
            guard let child = load(entry.rowid), samePublisher(child, entry.publisher, field: foreignKey, value: value) else { return nil }
            return child
        }
    }

    /// As `InMemoryRows.samePublisher`: the row the field names, in the table it names; when that
    /// table holds no such row (or none is named), any row with that id by the same publisher.
    private func samePublisher(_ child: HSDSRecord, _ mine: Int32, field: String, value: String) -> Bool {
        if let parent = HSDSSchema.parentTable(of: child, via: field), let theirs = rows[key(parent, value)] {
            return theirs.publisher == mine
        }
        return HSDSSchema.tables.keys.contains { rows[key($0, value)]?.publisher == mine }
    }

    /// The first place in `linkKeys` whose key is not below `wanted`.
    private func lowerBound(_ wanted: Key) -> Int {
        var low = 0, high = linkKeys.count
        while low < high {
            let mid = (low + high) / 2
            if linkKeys[mid] < wanted { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private func load(_ rowid: Int64) -> HSDSRecord? {
        if let record = parsed[rowid] { return record }
        do {
            let statement = try db.cachedStatement(sql: "SELECT tbl, id, body FROM record WHERE rowid = ?")
            // Bodies are canonical JSON objects (checked when their envelopes were admitted).
            guard let row = try Row.fetchOne(statement, arguments: [rowid]), case .object(let fields) = try JSONParser.parse(row["body"] as String)
            else { return nil }
            let record = HSDSRecord(table: row["tbl"], id: row["id"], fields: fields)
            if parsed.count >= Self.parsedLimit { parsed.removeAll(keepingCapacity: true) }
            parsed[rowid] = record
            return record
        } catch {
            if failure == nil { failure = error }
            return nil
        }
    }
}
