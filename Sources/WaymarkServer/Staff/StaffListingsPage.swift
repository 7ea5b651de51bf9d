import Foundation
import Hummingbird
import WaymarkCore
import WaymarkCrypto
import WaymarkStore

extension StaffPages {
    /// This organisation's own listings, those not checked for a year first, each with a button to
    /// say it was checked today (publishes `assured_date`, signed by this node, to every node).
    func listingsPage(_ request: Request, _ s: StaffSession, _ language: InterfaceLanguage) throws -> Response {
        let snap = try pages.directory.snapshot()
        let today = pages.clock.now()
        let own = try ownListings()
        var ctx = base(request, language, title: t("staff.listings", language), session: s)
        let query = QueryParameters(rawQuery: request.uri.query)
        if let checked = query.string("checked"), let name = snap.index.facts(checked)?.name {
            ctx["notice"] = t("staff.listings.marked", language, ["service": name])
        }
        if let edited = query.string("edited"), let name = snap.index.facts(edited)?.name {
            ctx["notice"] = t("staff.listing.saved", language, ["service": name])
        }
        let rows = own.compactMap { id -> (ServiceFacts, Bool)? in snap.index.facts(id).map { ($0, !$0.checkedRecently(today: today)) } }
            .sorted { a, b in a.1 != b.1 ? a.1 : (a.0.assuredDay ?? .min, a.0.sortKey) < (b.0.assuredDay ?? .min, b.0.sortKey) }
        ctx["listings"] = rows.map { facts, due -> [String: Any] in
            [
                "id": facts.id, "name": facts.name, "due": due, "csrf": s.csrf,
                "checked": facts.assuredDay.map { LocalDateTime(day: $0, minute: 0).dateString } ?? t("staff.listings.never", language),
            ]
        }
        ctx["hasListings"] = !rows.isEmpty
        ctx["dueCount"] = t("staff.listings.due.count", language, ["n": String(rows.filter(\.1).count), "total": String(rows.count)])
        return page("staffListings", ctx)
    }

    func markChecked(_ request: Request, _ s: StaffSession, id: String, _ language: InterfaceLanguage) throws -> Response {
        guard let identity, try database.journeys.publishers(ofServices: [id], me: identity.signingPublicKey)[id]?.isMe == true,
            let current = try database.record(table: "service", id: id)
        else {
            return message(request, s, language, "staff.listings.notfound", back: "/staff/listings", status: .notFound)
        }
        var fields = current.fields
        fields["assured_date"] = .string(pages.clock.now().dateString)
        var flattener = HSDSFlattener()
        try flattener.add(.object(fields), table: "service", path: "service")
        try database.ledger.publish(flattener.records, identity: identity, nowMilliseconds: now())
        pages.directory.noteChange()
        try database.audit.record(s.user.username, "mark listing checked", subject: id, nowMilliseconds: now())
        return Self.redirect("/staff/listings?lang=\(language.rawValue)&checked=\(Self.queryEscaped(id))")
    }

    /// Ids of the services this node publishes.
    func ownListings() throws -> [String] {
        guard let identity else { return [] }
        return try database.services(publisher: hexString(identity.signingPublicKey), limit: 100_000).map(\.id)
    }

    /// How many of this node's listings nobody checked within a year (for the staff home).
    func dueListingsCount() throws -> Int {
        let snap = try pages.directory.snapshot()
        let today = pages.clock.now()
        return try ownListings().filter { snap.index.facts($0).map { !$0.checkedRecently(today: today) } ?? false }.count
    }
}
