import Foundation
import Testing
import WaymarkCore
import WaymarkCrypto
@testable import WaymarkStore
import WaymarkTestKit

/// Clients on a real SQLite file: sealed at rest under keys of their own, the duplicate warning,
/// the audit trail of every read and change, and erasure that leaves nothing in the file.
struct ClientStoreTests {
    static let now: UInt64 = 1_795_305_600_000
    static let me = Fixtures.identity(1)

    static func fileDatabase() throws -> (NodeDatabase, URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-clients-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("waymark.sqlite")
        return (try NodeDatabase(path: path.path), dir)
    }

    /// Every byte SQLite keeps for the node: the database file and its write-ahead log.
    static func fileBytes(_ dir: URL) throws -> [UInt8] {
        var out: [UInt8] = []
        for name in ["waymark.sqlite", "waymark.sqlite-wal"] {
            if let d = FileManager.default.contents(atPath: dir.appendingPathComponent(name).path) { out += d }
        }
        return out
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { haystack[$0] == needle[0] && Array(haystack[$0..<($0 + needle.count)]) == needle }
    }

    @Test func clientsAreSealedAtRestAndEveryReadIsLogged() throws {
        let (db, dir) = try Self.fileDatabase()
        defer { try? FileManager.default.removeItem(at: dir) }
        let record = ClientRecord(
            name: "Saoirse Ní Bhriain", dateOfBirth: "1991-03-14", contact: "087 123 4567", needs: ["housing"], goals: ["a job"], notes: "prefers mornings")
        let id = try db.caseload.createClient(record, identity: Self.me, by: "ciaran", nowMilliseconds: Self.now)
        let read = try #require(try db.caseload.client(id: id, identity: Self.me, by: "ciaran", nowMilliseconds: Self.now + 1))
        #expect(read.record == record)
        #expect(Circle(scope: read.circle)?.isOwned(by: Self.me.signingPublicKey) == true)
        #expect(try db.caseload.clients(identity: Self.me, by: "aoife", nowMilliseconds: Self.now + 2).map(\.id) == [id])
        #expect(try db.audit.lines().map(\.action) == ["list clients", "view client", "create client"])
        let bytes = try Self.fileBytes(dir)
        for secret in ["Saoirse", "Bhriain", "087 123 4567", "prefers mornings"] {
            #expect(!Self.contains(bytes, Array(secret.utf8)), "\(secret) is in the database file in the clear")
        }
        // Another node's keys read nothing.
        #expect(throws: SecretBox.DoesNotOpen.self) { try db.caseload.client(id: id, identity: Fixtures.identity(2), by: "x", nowMilliseconds: Self.now) }
        try db.caseload.updateClient(id: id, ClientRecord(name: "Saoirse Ní Bhriain", dateOfBirth: "1991-03-14"), identity: Self.me, by: "ciaran", nowMilliseconds: Self.now + 3)
        #expect(try db.caseload.client(id: id, identity: Self.me, by: "ciaran", nowMilliseconds: Self.now + 4)?.record.notes == "")
    }

    @Test func badRecordsNameTheField() throws {
        let db = try NodeDatabase()
        #expect(throws: JourneyError(.nameMissing, field: "name")) {
            try db.caseload.createClient(ClientRecord(name: "  "), identity: Self.me, by: "c", nowMilliseconds: Self.now)
        }
        #expect(throws: JourneyError.self) { try db.caseload.createClient(ClientRecord(name: "A", dateOfBirth: "14/03/1991"), identity: Self.me, by: "c", nowMilliseconds: Self.now) }
        #expect(throws: JourneyError.self) { try db.caseload.updateClient(id: "client-none", ClientRecord(name: "A"), identity: Self.me, by: "c", nowMilliseconds: Self.now) }
        #expect(try db.audit.lines().isEmpty, "nothing was saved, nothing logged")
    }

    @Test func similarNamesWithTheSameBirthdayAreFlagged() throws {
        let db = try NodeDatabase()
        _ = try db.caseload.createClient(ClientRecord(name: "Seán Ó Briain", dateOfBirth: "1980-01-02"), identity: Self.me, by: "c", nowMilliseconds: Self.now)
        _ = try db.caseload.createClient(ClientRecord(name: "Mary Byrne", dateOfBirth: "1975-06-30"), identity: Self.me, by: "c", nowMilliseconds: Self.now)
        #expect(try db.caseload.possibleDuplicates(of: ClientRecord(name: "sean o'briain", dateOfBirth: "1980-01-02"), identity: Self.me).map(\.record.name) == ["Seán Ó Briain"])
        #expect(try db.caseload.possibleDuplicates(of: ClientRecord(name: "Sean O Brien", dateOfBirth: "1980-01-02"), identity: Self.me).count == 1)
        #expect(try db.caseload.possibleDuplicates(of: ClientRecord(name: "Seán Ó Briain", dateOfBirth: "1980-01-03"), identity: Self.me).isEmpty)
        #expect(try db.caseload.possibleDuplicates(of: ClientRecord(name: "Byrne Mary", dateOfBirth: "1975-06-30"), identity: Self.me).count == 1)
        #expect(try db.caseload.possibleDuplicates(of: ClientRecord(name: "Martin Burke", dateOfBirth: "1975-06-30"), identity: Self.me).isEmpty)
    }

    @Test func erasureLeavesNothingOfTheClientInTheFile() throws {
        let (db, dir) = try Self.fileDatabase()
        defer { try? FileManager.default.removeItem(at: dir) }
        let id = try db.caseload.createClient(ClientRecord(name: "Erin Example", dateOfBirth: "2000-02-02"), identity: Self.me, by: "aoife", nowMilliseconds: Self.now)
        let keep = try db.caseload.createClient(ClientRecord(name: "Kept Client", dateOfBirth: "2001-01-01"), identity: Self.me, by: "aoife", nowMilliseconds: Self.now + 1)
        // The sealed record, as the file holds it.
        let sealedHex = try #require(try db.rawClientColumns(id: id))
        #expect(Self.contains(try Self.fileBytes(dir), sealedHex.sealed))
        try db.caseload.eraseClient(id: id, by: "aoife", nowMilliseconds: Self.now + 2)
        #expect(try db.caseload.client(id: id, identity: Self.me, by: "aoife", nowMilliseconds: Self.now + 3) == nil)
        let after = try Self.fileBytes(dir)
        #expect(!Self.contains(after, sealedHex.sealed), "the sealed record is still in the file")
        #expect(!Self.contains(after, sealedHex.wrappedKey), "the wrapped key is still in the file")
        #expect(try db.caseload.clients(identity: Self.me, by: "aoife", nowMilliseconds: Self.now + 4).map(\.id) == [keep])
        #expect(throws: JourneyError.self) { try db.caseload.eraseClient(id: id, by: "aoife", nowMilliseconds: Self.now + 5) }
        #expect(try db.audit.lines(limit: 3).map(\.action).contains("erase client"))
    }
}

struct ClientMatchingTests {
    @Test func namesAreComparedLikePeopleWouldCompareThem() {
        #expect(ClientMatching.normalize("  Ó Briain-MURPHY, Seán ") == "o briain murphy sean")
        #expect(ClientMatching.similar("Aoife Byrne", "aoife  byrne"))
        #expect(ClientMatching.similar("Aoife Byrne", "Byrne Aoife"))
        #expect(ClientMatching.similar("Aoife Byrne", "Aoife Burne"))
        #expect(ClientMatching.similar("Catherine Doyle", "Kathrine Doyle"))
        #expect(!ClientMatching.similar("Aoife Byrne", "Niamh Byrne"))
        #expect(!ClientMatching.similar("", ""))
        #expect(!ClientMatching.isPossibleDuplicate(ClientRecord(name: "A B"), ClientRecord(name: "A B")), "no birthday, no warning")
    }

    /// The client list's search finds people by what staff type: part of a name, a name with a
    /// slip in one word, a date of birth; and does not find everyone.
    @Test func searchForgivesSmallSlips() {
        func finds(_ query: String, _ name: String, _ dob: String = "") -> Bool { ClientMatching.matches(query: query, name: name, dateOfBirth: dob) }
        #expect(finds("Kely", "Siobhán Kelly") && finds("Shiobhan", "Siobhán Kelly") && finds("siobhan kely", "Siobhán Kelly"))
        #expect(finds("Popesku", "Ana Popescu") && finds("Murphey", "Cian Murphy") && finds("o suil", "Caoimhe Ó Súilleabháin"))
        #expect(finds("1990-03-14", "Anyone", "1990-03-14") && !finds("1990-03-15", "Anyone", "1990-03-14"))
        #expect(!finds("Kely", "Cian Murphy") && !finds("Ana", "Cian Murphy") && !finds("Bob", "Rob Byrne"), "short words must match as typed")
        #expect(!finds("Siobhan Murphy", "Siobhán Kelly"), "every word must match")
    }

    @Test func recordsRoundTripAndAreChecked() throws {
        let r = ClientRecord(name: "Zoë", dateOfBirth: "1999-12-31", contact: "x", needs: ["a", "b"], goals: ["c"], notes: "n")
        #expect(try ClientRecord.decode(r.encoded()) == r)
        #expect(ClientRecord(name: "Z", dateOfBirth: "1999-02-30").problem?.field == "date_of_birth")
        #expect(ClientRecord(name: String(repeating: "x", count: 201)).problem?.field == "name")
        #expect(r.problem == nil)
    }
}
