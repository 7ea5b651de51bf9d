import Testing
import WaymarkCore

/// Row ids bound to their publisher's key (`Protocol/SPEC.md` §3.2): the id form, who may publish
/// which id, the admission rule that refuses the rest, and how imported rows move into a namespace.
struct RowNamespaceTests {
    let alice: [UInt8] = [0x3f, 0x2a, 0x91, 0xc0, 0x55, 0x10, 0xab, 0xcd, 0xef] + [UInt8](repeating: 7, count: 23)
    let mallory: [UInt8] = [0x3f, 0x2a, 0x91, 0xc0, 0x55, 0x10, 0xab, 0xcd, 0xee] + [UInt8](repeating: 7, count: 23)

    @Test func anIdCarriesItsPublishersKey() {
        let id = RowNamespace.id(author: alice, local: 0xDEAD_BEEF)
        #expect(id == "3f2a91c0-5510-8abc-8def-0000deadbeef")
        #expect(RowNamespace.keyPrefix(of: id).map { String(decoding: $0, as: UTF8.self) } == "3f2a91c05510abcdef")
        #expect(RowNamespace.mayPublish(id, author: alice))
        // A key that differs in the 72nd bit only may not.
        #expect(!RowNamespace.mayPublish(id, author: mallory))
        // Ids of another form belong to no namespace: a version 4 UUID, upper-case digits, other text.
        for other in ["3f2a91c0-5510-4abc-8def-0000deadbeef", id.uppercased(), "svc-1", "3f2a91c0-5510-8abc-8def-0000deadbeeg", id + "0"] {
            #expect(!RowNamespace.isNamespaced(other), "\(other)")
            #expect(RowNamespace.mayPublish(other, author: mallory), "\(other)")
        }
        // The low 48 bits of `local` are the row's own part.
        #expect(RowNamespace.id(author: alice, local: 0xFFFF_0000_0000_0001).hasSuffix("-000000000001"))
    }

    @Test func admissionRefusesAnotherKeysRowsAndOrganisations() {
        let id = RowNamespace.id(author: alice, local: 1)
        func envelope(_ kind: Envelope.Kind, _ payload: DirectoryPayload, by author: [UInt8]) -> Envelope {
            let bytes = payload.encoded()
            let header = Envelope.Header(
                kind: kind, scope: "public", author: author, sequence: 1, dependencies: [], clock: 1, payloadHash: [UInt8](repeating: 0, count: 32),
                payloadSize: UInt64(bytes.count), recipients: [])
            return Envelope(header: header, signature: Array(repeating: 0, count: 64), payload: bytes)
        }
        func reason(_ e: Envelope) -> RejectionReason? {
            if case .failure(let p) = AdmissionRules.read(e).problem { return p.reason }
            return nil
        }
        let record = DirectoryPayload(table: "service", id: id, fields: JSONObject([("id", .string(id)), ("name", .string("Homework club"))]))
        let tombstone = DirectoryPayload(table: "service", id: id, fields: nil)
        #expect(reason(envelope(.directoryRecord, record, by: alice)) == nil)
        #expect(reason(envelope(.directoryTombstone, tombstone, by: alice)) == nil)
        #expect(reason(envelope(.directoryRecord, record, by: mallory)) == .notOwner)
        #expect(reason(envelope(.directoryTombstone, tombstone, by: mallory)) == .notOwner)
        // Mallory's own service may not be listed under Alice's organisation.
        let own = RowNamespace.id(author: mallory, local: 2)
        let aliceOrg = RowNamespace.id(author: alice, local: 3)
        let underAlice = DirectoryPayload(
            table: "service", id: own, fields: JSONObject([("id", .string(own)), ("name", .string("X")), ("organization_id", .string(aliceOrg))]))
        #expect(reason(envelope(.directoryRecord, underAlice, by: mallory)) == .notOwner)
        #expect(reason(envelope(.directoryRecord, underAlice, by: alice)) == .notOwner, "the row's id is Mallory's")
        // Ids of another form follow the earliest-claim rule of the fold, as before.
        let legacy = DirectoryPayload(table: "service", id: "svc-1", fields: JSONObject([("id", .string("svc-1")), ("name", .string("Y"))]))
        #expect(reason(envelope(.directoryRecord, legacy, by: mallory)) == nil)
    }

    @Test func importedRowsMoveIntoTheNamespaceWithTheirReferences() throws {
        func rec(_ table: String, _ fields: [(String, String)]) -> HSDSRecord {
            HSDSRecord(table: table, id: fields[0].1, fields: JSONObject(fields.map { ($0.0, .string($0.1)) }))
        }
        let records = [
            rec("organization", [("id", "org-1"), ("name", "Library")]),
            rec("service", [("id", "svc-1"), ("organization_id", "org-1"), ("name", "Homework club")]),
            rec("taxonomy_term", [("id", "term-1"), ("name", "Education")]),
            rec("attribute", [("id", "att-1"), ("link_id", "svc-1"), ("taxonomy_term_id", "term-1")]),
            rec("service", [("id", "svc-2"), ("organization_id", "org-elsewhere"), ("name", "Elsewhere")]),
        ]
        let adopted = try RowNamespace.adopt(records, author: alice)
        let byOld = Dictionary(uniqueKeysWithValues: zip(records.map(\.id), adopted))
        let org = byOld["org-1"]!, svc = byOld["svc-1"]!, term = byOld["term-1"]!, att = byOld["att-1"]!
        #expect(RowNamespace.mayPublish(org.id, author: alice) && RowNamespace.isNamespaced(org.id))
        #expect(org.string("id") == org.id)
        #expect(svc.string("organization_id") == org.id)
        #expect(term.id == "term-1", "the shared vocabulary keeps its ids")
        #expect(att.string("link_id") == svc.id && att.string("taxonomy_term_id") == "term-1")
        #expect(byOld["svc-2"]!.string("organization_id") == "org-elsewhere", "a reference to a row not imported is kept")
        // Importing the same rows again, or what was exported after the import, changes the same rows.
        #expect(try RowNamespace.adopt(records, author: alice) == adopted)
        #expect(try RowNamespace.adopt(adopted, author: alice) == adopted)
        // Another organisation importing the same file gets rows of its own.
        let theirs = try RowNamespace.adopt(records, author: mallory)
        #expect(theirs[1].id != svc.id && RowNamespace.mayPublish(theirs[1].id, author: mallory))
        // Every adopted row passes the admission rule for its importer.
        for r in adopted where !RowNamespace.sharedTables.contains(r.table) {
            #expect(RowNamespace.problem(DirectoryPayload(table: r.table, id: r.id, fields: r.fields), author: alice) == nil)
            #expect(RowNamespace.problem(DirectoryPayload(table: r.table, id: r.id, fields: r.fields), author: mallory) != nil)
        }
    }
}
