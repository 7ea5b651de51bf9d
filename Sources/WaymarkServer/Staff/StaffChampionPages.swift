import Foundation
import Hummingbird
import WaymarkCore
import WaymarkCrypto
import WaymarkStore

/// Local champions (`Protocol/SPEC.md` §11): volunteers and community workers an organisation admits
/// (a staff account with the role `champion`, which opens nothing else of the staff area). A
/// champion finds any listing in the district's directory and says they saw the service in person
/// on a day; the check is signed by this organisation's node and shown on every node's service page.
extension StaffPages {
    func checksPage(
        _ request: Request, _ s: StaffSession, _ language: InterfaceLanguage, error: String? = nil, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let query = QueryParameters(rawQuery: request.uri.query)
        let text = String((query.string("q") ?? "").prefix(200))
        let today = pages.clock.now()
        var ctx = base(request, language, title: t("staff.checks", language), session: s)
        ctx["query"] = text
        ctx["today"] = today.dateString
        ctx["earliest"] = PublicPages.yearAgo(today)
        if let error { ctx["error"] = error }
        let snap = try pages.directory.snapshot()
        if let checked = query.string("checked"), let name = snap.index.facts(checked)?.name {
            ctx["notice"] = t("staff.checks.done", language, ["service": name])
        }
        var ids: [String] = []
        if !text.trimmingCharacters(in: .whitespaces).isEmpty {
            var q = SearchQuery()
            q.text = text
            q.perPage = 20
            q.countFacets = false
            ids = try pages.directory.search(q, now: today).hits.map(\.id)
        }
        let checks = try database.latestChecks(of: ids, today: today.dateString)
        ctx["hits"] = ids.compactMap { id -> [String: Any]? in
            guard let facts = snap.index.facts(id) else { return nil }
            let last = checks[id].map { c in
                t("staff.checks.last", language, ["date": PublicPages.shownDate(c.checkedOn, language), "who": c.champion, "org": c.organization])
            }
            return [
                "id": id, "name": facts.name, "organization": facts.organizationName ?? "", "address": facts.addressLine.map { $0 as Any } ?? false,
                "last": last ?? t("staff.checks.never", language),
            ]
        }
        ctx["searched"] = !text.isEmpty
        ctx["none"] = !text.isEmpty && ids.isEmpty
        return page("staffChecks", ctx, status: status)
    }

    func recordCheck(_ request: Request, _ s: StaffSession, _ form: ListingCheckForm, _ language: InterfaceLanguage) throws -> Response {
        let today = pages.clock.now().dateString
        let day = (form.date ?? "").trimmingCharacters(in: .whitespaces)
        let note = (form.note ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let back = "/staff/checks?lang=\(language.rawValue)&q=\(Self.queryEscaped(form.q ?? ""))"
        guard let identity, let id = form.service, try pages.directory.snapshot().index.facts(id) != nil else {
            return message(request, s, language, "staff.checks.notfound", back: "/staff/checks", status: .notFound)
        }
        guard day.utf8.count == 10, BusinessDays.dayNumber(day) != nil, day <= today, day >= PublicPages.yearAgo(pages.clock.now()) else {
            return try checksPage(request, s, language, error: t("staff.checks.error.date", language), status: .badRequest)
        }
        guard note.utf8.count <= ListingCheck.longestNote else {
            return try checksPage(request, s, language, error: t("staff.checks.error.note", language), status: .badRequest)
        }
        try database.publishListingCheck(
            ListingCheck(serviceID: id, checkedOn: day, champion: String(s.user.displayName.prefix(ListingCheck.longestName)), note: note.isEmpty ? nil : note),
            identity: identity, by: s.user.username, nowMilliseconds: now())
        return Self.redirect(back + "&checked=\(Self.queryEscaped(id))")
    }
}
