import GRDB
import WaymarkCore

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
/// Ids are told apart by their bytes, as SQLite does (`RowKey`): two ids that Swift's `String`
/// calls equal (é composed and decomposed) are two rows. A database error while reading a body is
/// kept in `failure` (the row source protocol cannot throw) and the rebuild rethrows it.
final class LinkedRows: HSDSRowSource {
    private struct Entry {
        var rowid: Int64
        var publisher: Int32
    }

    private let db: Database
    /// (tbl, id) → where the row is and who published it.
    private var rows: [RowKey: Entry] = [:]
    /// (`tbl|field`, value) → the rows of `tbl` whose `field` holds `value`, in id order.
    private var links: [RowKey: [Entry]] = [:]
    /// The first error met while reading a row.
    private(set) var failure: (any Error)?
    private var parsed: [Int64: HSDSRecord] = [:]
    private static let parsedLimit = 4_096

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
            rows[RowKey(table: row[1], id: row[2])] = Entry(rowid: row[0], publisher: number)
        }
        // The table's own order (its primary key) puts the rows of each link in id order.
        let named = try Row.fetchCursor(db, sql: "SELECT tbl, field, value, id FROM record_link ORDER BY value, tbl, field, id")
        while let row = try named.next() {
            let table: String = row[0]
            guard let entry = rows[RowKey(table: table, id: row[3])] else { continue }
            links[RowKey(table: "\(table)|\(row[1] as String)", id: row[2]), default: []].append(entry)
        }
    }

    func record(table: String, id: String) -> HSDSRecord? {
        rows[RowKey(table: table, id: id)].flatMap { load($0.rowid) }
    }

    /// The row stored at this rowid.
    func record(rowid: Int64) -> HSDSRecord? { load(rowid) }

    func records(table: String, foreignKey: String, value: String) -> [HSDSRecord] {
        guard let entries = links[RowKey(table: "\(table)|\(foreignKey)", id: value)] else { return [] }
        return entries.compactMap { entry in
            guard let child = load(entry.rowid), samePublisher(child, entry.publisher, field: foreignKey, value: value) else { return nil }
            return child
        }
    }

    /// As `InMemoryRows.samePublisher`: the row the field names, in the table it names; when that
    /// table holds no such row (or none is named), any row with that id by the same publisher.
    private func samePublisher(_ child: HSDSRecord, _ mine: Int32, field: String, value: String) -> Bool {
        if let parent = HSDSSchema.parentTable(of: child, via: field), let theirs = rows[RowKey(table: parent, id: value)] {
            return theirs.publisher == mine
        }
        return HSDSSchema.tables.keys.contains { rows[RowKey(table: $0, id: value)]?.publisher == mine }
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
