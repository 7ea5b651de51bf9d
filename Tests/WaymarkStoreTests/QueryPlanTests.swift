import Foundation
import GRDB
import Testing
import WaymarkCore
import WaymarkTestKit
@testable import WaymarkStore

/// The look-ups staff pages make once per client use an index, not a scan of the whole ledger.
struct QueryPlanTests {
    @Test func oneCirclesEnvelopesAreFoundThroughTheCircleIndex() throws {
        let db = try NodeDatabase()
        let plan = try db.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + NodeDatabase.circleEnvelopesSQL(kinds: [.consent, .referral]), arguments: ["circle-x"])
                .map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("envelope_by_circle") }, "\(plan)")
        #expect(!plan.contains { $0.hasPrefix("SCAN envelope") }, "\(plan)")
    }

    /// After envelopes arrive, the circles where a referral or a message arrived are found through an
    /// index: a scan of everything stored since read (and mapped) the whole ledger after a node took
    /// in a whole directory.
    @Test func circlesWithNewArrivalsAreFoundThroughAnIndex() throws {
        let db = try NodeDatabase()
        let plan = try db.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + NodeDatabase.circlesWithNewSQL(Fixtures.identity(1)), arguments: [17, 0])
                .map { $0["detail"] as String }
        }
        #expect(!plan.contains { $0.hasPrefix("SCAN envelope") }, "\(plan)")
        #expect(plan.contains { $0.contains("SEARCH envelope USING") }, "\(plan)")
    }
}
