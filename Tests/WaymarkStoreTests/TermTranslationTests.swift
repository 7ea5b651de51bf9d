import Foundation
import Testing
import WaymarkCore
import WaymarkStore
import WaymarkTestKit

/// Category names in another language come from the directory's own data: HSDS `taxonomy_term` rows
/// with the same taxonomy and code and another `language` (not from a catalogue compiled into the node).
struct TermTranslationTests {
    static func term(_ id: String, code: String, name: String, language: String?, parent: String? = nil, taxonomy: String = "tax-1") -> HSDSRecord {
        var o = JSONObject([("id", .string(id)), ("code", .string(code)), ("name", .string(name)), ("description", .string(name)), ("taxonomy_id", .string(taxonomy))])
        if let language { o["language"] = .string(language) }
        if let parent { o["parent_id"] = .string(parent) }
        return HSDSRecord(table: "taxonomy_term", id: id, fields: o)
    }

    @Test func aTermsNameInIrishIsItsIrishRowsAndTheIrishRowIsNoCategoryOfItsOwn() throws {
        let db = try NodeDatabase.inTestFederation()
        try db.ledger.publish(
            [
                Self.term("health", code: "health", name: "Health & Wellbeing", language: "en"),
                Self.term("health-ga", code: "health", name: "Sláinte & Folláine", language: "ga"),
                Self.term("food", code: "health.food", name: "Food banks", language: nil, parent: "health"),
                Self.term("food-ga", code: "health.food", name: "Bainc bhia", language: "ga", parent: "health-ga"),
                Self.term("sport", code: "sport", name: "Sport", language: "en"),
                // Another taxonomy whose only row for its code is in Irish: a category of its own.
                Self.term("gaeilge", code: "sport", name: "Spórt", language: "ga", taxonomy: "tax-2"),
            ], identity: Fixtures.publisher, nowMilliseconds: Fixtures.publishedAt)
        let snap = try Directory(database: db).snapshot()
        #expect(Set(snap.terms.keys) == ["health", "food", "sport", "gaeilge"], "translations are not categories")
        let health = try #require(snap.terms["health"]), food = try #require(snap.terms["food"]), sport = try #require(snap.terms["sport"])
        #expect(snap.termName(health, language: "ga") == "Sláinte & Folláine")
        #expect(snap.termName(food, language: "ga") == "Bainc bhia")
        #expect(snap.termName(sport, language: "ga") == "Sport", "no Irish row: the term's own name")
        #expect(snap.termName(health, language: "en") == "Health & Wellbeing")
        #expect(snap.termName(try #require(snap.terms["gaeilge"]), language: "ga") == "Spórt")
    }
}
