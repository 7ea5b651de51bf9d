import Foundation
import HTTPTypes
import Hummingbird
import WaymarkCore
import WaymarkStore

/// Printable summaries: a client's (details, key worker, consents, referrals, goals, open tasks) on
/// one page without forms, for a case conference or a client who asks; a referral's is its own page,
/// printed without its forms. Each print view is audited; the sheet says it holds personal data.
extension StaffPages {
    func registerSummaries(_ routes: StaffRoutes) {
        routes.signedIn.get("clients/:id/summary") { request, context in
            try clientSummary(request, context.staff(), context.language, id: context.parameters.get("id") ?? "")
        }
    }

    func clientSummary(_ request: Request, _ s: StaffSession, _ language: InterfaceLanguage, id: String) throws -> Response {
        guard let identity, let c = try database.caseload.client(id: id, identity: identity, by: s.user.username, nowMilliseconds: now()),
            let journey = try database.journeys.journey(clientID: id, identity: identity, today: today())
        else { return notFound(request, s, language) }
        try database.audit.record(s.user.username, "print client summary", subject: id, nowMilliseconds: now())
        var ctx = base(request, language, title: t("staff.summary.title", language, ["name": c.record.name]), session: s)
        let consents = try database.journeys.consents(clientID: id, identity: identity, today: today())
        ctx.merge(try consentContext(s, language, consents: consents)) { _, new in new }
        ctx.merge(try referralContext(s, language, clientID: id, consents: consents, service: nil)) { _, new in new }
        ctx.merge(try journeyContext(journey, language, clientID: id, referralKey: nil)) { _, new in new }
        let tasks = try database.caseload.tasks(.init(clientID: id), identity: identity)
        let people = Dictionary(try database.staff.all().map { ($0.username, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        return page("staffClientSummary", ctx) {
            $0["id"] = c.id
            $0["name"] = c.record.name
            $0["dob"] = c.record.dateOfBirth
            $0["contact"] = c.record.contact
            $0["needs"] = needLabels(c.record.needs, language).joined(separator: ", ")
            $0["clientLanguage"] = languageShown(c.record.language, language)
            $0["keyWorker"] = c.worker.map { people[$0] ?? $0 } ?? t("staff.client.worker.none", language)
            $0["summaryTasks"] = tasks.map { ["text": $0.text, "due": $0.dueOn, "who": people[$0.assignee] ?? $0.assignee] }
            $0["hasSummaryTasks"] = !tasks.isEmpty
            $0["printed"] = t("staff.summary.printed", language, ["date": when(now()), "name": s.user.displayName, "org": organization])
        }
    }
}
