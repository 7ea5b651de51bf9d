import Foundation
import Hummingbird
import WaymarkCore
import WaymarkStore

extension PublicPages {
    /// `/freshness`: how up to date the directory is — for each category, the share of its listings
    /// that someone checked within the last year (the publisher, HSDS `assured_date`, or a local
    /// champion in person, §11), and overall.
    func freshness(_ request: Request) throws -> Response {
        let p = QueryParameters(rawQuery: request.uri.query)
        let language = PageRenderer.language(request, p)
        let snap = try directory.snapshot()
        let today = clock.now()
        let services = snap.index.services.filter { $0.status == "active" }
        let seen = try directory.database.championCheckedServices(since: Self.yearAgo(today), today: today.dateString)
        func row(_ name: String, _ group: [ServiceFacts]) -> [String: Any] {
            let checked = group.filter { $0.checkedRecently(today: today) || seen.contains($0.id) }.count
            let share = group.isEmpty ? 0 : Int((Double(checked) * 100 / Double(group.count)).rounded())
            return [
                "name": name, "total": group.count, "checked": checked,
                "share": t("freshness.share", language, ["n": String(share), "checked": String(checked), "total": String(group.count)]),
            ]
        }
        let rows = Self.named(snap.terms.values.filter { $0.parentID == nil }, language, in: snap).compactMap { term, name -> [String: Any]? in
            let group = services.filter { $0.termIDs.contains(term.id) }
            return group.isEmpty ? nil : row(name, group)
        }
        var ctx = base(request, language: language, title: t("freshness.title", language))
        ctx["rows"] = rows
        ctx["overall"] = row(t("freshness.all", language), services)
        let tally = try directory.database.suggestionTally(since: Self.yearAgo(today))
        let names = try directory.database.organizationNames()
        let said = tally.map { key, n in (name: names[key] ?? key, answered: n.answered, changed: n.changed) }
            .sorted { ($0.answered, $1.name) > ($1.answered, $0.name) }
        ctx["said"] = said.map { ["name": $0.name, "answered": $0.answered, "changed": $0.changed] as [String: Any] }
        ctx["saidEmpty"] = said.isEmpty
        return renderer.page("freshness", ctx, language: p.string("lang") != nil ? language : nil)
    }

    /// The day a year before `today` (YYYY-MM-DD): "in the last 12 months".
    static func yearAgo(_ today: LocalDateTime) -> String {
        BusinessDays.isoDate(dayNumber: (BusinessDays.dayNumber(today.dateString) ?? 0) - 365)
    }
}
