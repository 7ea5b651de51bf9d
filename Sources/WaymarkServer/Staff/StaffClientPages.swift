import Foundation
import HTTPTypes
import Hummingbird
import WaymarkCore
import WaymarkCrypto
import WaymarkStore

/// Client pages for caseworkers and admins: the list and search, registering a client (with the
/// duplicate warning), a client's page, and editing. Every read and change is audited by the store.
extension StaffPages {
    func registerClients(_ routes: StaffRoutes) {
        registerConsents(routes)
        registerReferrals(routes)
        registerJourney(routes)
        registerTasks(routes)
        registerAccount(routes)
        registerAttachments(routes)
        registerSummaries(routes)
        registerListingEditor(routes)
        routes.signedIn.get("clients") { request, context in try clientList(request, context.staff(), context.language) }
        routes.signedIn.get("clients/new") { request, context in
            try clientForm(request, context.staff(), context.language, id: nil, record: ClientRecord(name: ""))
        }
        routes.signedIn.post("clients") { request, context in try createClient(request, context.staff(), context.form(ClientForm.self), context.language) }
        routes.signedIn.get("clients/:id") { request, context in
            try clientPage(request, context.staff(), context.language, id: context.parameters.get("id") ?? "")
        }
        routes.signedIn.get("clients/:id/edit") { request, context in
            let s = try context.staff(), id = context.parameters.get("id") ?? ""
            guard let identity, let c = try database.caseload.client(id: id, identity: identity, by: s.user.username, nowMilliseconds: now()) else {
                return notFound(request, s, context.language)
            }
            return try clientForm(request, s, context.language, id: id, record: c.record)
        }
        routes.signedIn.post("clients/:id") { request, context in
            try updateClient(request, context.staff(), context.form(ClientForm.self), context.language, id: context.parameters.get("id") ?? "")
        }
        routes.signedIn.post("clients/:id/worker") { request, context in
            try setWorker(request, context.staff(), context.form(WorkerForm.self), context.language, id: context.parameters.get("id") ?? "")
        }
        routes.signedIn.post("clients/:id/notes") { request, context in
            try addNote(request, context.staff(), context.form(CaseNoteForm.self), context.language, id: context.parameters.get("id") ?? "")
        }
    }

    /// A case note (or a correction of one) on a client's page.
    func addNote(_ request: Request, _ s: StaffSession, _ form: CaseNoteForm, _ language: InterfaceLanguage, id: String) throws -> Response {
        guard let identity else { return notFound(request, s, language) }
        do {
            try database.caseload.addCaseNote(
                clientID: id, text: form.note ?? "", supersedes: form.supersedes.flatMap { Int64($0) }, identity: identity, by: s.user.username,
                nowMilliseconds: now())
        } catch let e as JourneyError {
            if e.code == .noSuchClient { return notFound(request, s, language) }
            return try clientPage(request, s, language, id: id, noteError: e.text(language), status: .badRequest)
        }
        return Self.redirect("/staff/clients/\(id)?lang=\(language.rawValue)#notes-heading")
    }

    func notFound(_ request: Request, _ s: StaffSession, _ language: InterfaceLanguage) -> Response {
        message(request, s, language, "staff.client.notfound", back: "/staff/clients", status: .notFound)
    }

    /// Referral states grouped as the caseload filter offers them.
    static let statusGroups: [(String, Set<ReferralStatus>)] = [
        ("waiting", [.requested, .received]), ("active", [.accepted, .inProgress, .onHold]),
        ("closed", [.completed, .rejected, .failed, .cancelled]),
    ]

    /// The client list, searched by name or date of birth and filtered as a caseload: by key worker,
    /// need, where their referrals stand and whether a task about them is due.
    func clientList(_ request: Request, _ s: StaffSession, _ language: InterfaceLanguage) throws -> Response {
        let p = QueryParameters(rawQuery: request.uri.query)
        let q = (p.string("q") ?? "").trimmingCharacters(in: .whitespaces)
        var ctx = base(request, language, title: t("staff.clients", language), session: s)
        guard let identity else {
            ctx["unavailable"] = true
            return page("staffClients", ctx, status: .serviceUnavailable)
        }
        let worker = p.string("worker").flatMap { $0.isEmpty ? nil : $0 }
        let need = p.string("need").flatMap { $0.isEmpty ? nil : $0 }
        let statusGroup = p.string("status").flatMap { g in Self.statusGroups.first { $0.0 == g } }
        let due = p.string("due") == "1"
        var query: [(String, String)] = []
        if !q.isEmpty { query.append(("q", q)) }
        if let worker { query.append(("worker", worker)) }
        if let need { query.append(("need", need)) }
        if let statusGroup { query.append(("status", statusGroup.0)) }
        if due { query.append(("due", "1")) }
        let needle = ClientMatching.normalize(q)
        let matching: ((ClientRecord) -> Bool)? =
            needle.isEmpty && need == nil
            ? nil
            : { r in
                (needle.isEmpty || ClientMatching.matches(query: q, name: r.name, dateOfBirth: r.dateOfBirth))
                    && (need.map { n in r.needs.contains { $0.caseInsensitiveCompare(n) == .orderedSame } } ?? true)
            }
        let only = try database.caseload.clientIDs(worker: worker, statuses: statusGroup?.1 ?? [], taskDueBy: due ? today() : nil)
        let shown = try database.caseload.clients(
            identity: identity, by: s.user.username, nowMilliseconds: now(), matching: matching, only: only, offset: Self.offset(request), limit: Self.pageSize)
        let staff = try database.staff.all().filter { $0.role.worksWithClients }
        let people = Dictionary(staff.map { ($0.username, $0.displayName) }, uniquingKeysWith: { a, _ in a })
        return page("staffClients", ctx) {
            $0["q"] = q
            $0["count"] = t(shown.total == 1 ? "staff.clients.count.one" : "staff.clients.count", language, ["n": String(shown.total)])
            $0["clients"] = shown.items.map { c -> [String: Any] in
                [
                    "id": c.id, "name": c.record.name, "dob": c.record.dateOfBirth, "needs": needLabels(c.record.needs, language).joined(separator: ", "),
                    "worker": c.worker.map { people[$0] ?? $0 } ?? "",
                ]
            }
            $0["hasClients"] = !shown.items.isEmpty
            $0["empty"] = shown.items.isEmpty
            $0["emptyText"] =
                query.isEmpty
                ? t(shown.isEmpty ? "staff.clients.none" : "staff.clients.pastend", language)
                : needle.isEmpty ? t("staff.clients.nofilter", language) : t("staff.clients.nomatch", language, ["q": q])
            $0["workerChoices"] = [["value": "", "name": t("staff.clients.worker.any", language), "selected": worker == nil]]
                + staff.map { u in
                    ["value": u.username, "name": u.username == s.user.username ? t("staff.clients.worker.mine", language) : u.displayName, "selected": u.username == worker]
                }
            let snap = try? pages.directory.snapshot()
            $0["needFilter"] = ((try? needTerms()) ?? []).map { ["name": $0.name, "label": snap?.termName($0, language: language.rawValue) ?? $0.name, "selected": $0.name == need] }
            $0["statusChoices"] = Self.statusGroups.map { ["value": $0.0, "name": t("staff.clients.status.\($0.0)", language), "selected": $0.0 == statusGroup?.0] }
            $0["dueChecked"] = due
            $0["isFiltered"] = worker != nil || need != nil || statusGroup != nil || due
            $0["myCaseload"] = "/staff/clients?worker=\(s.user.username.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&lang=\(language.rawValue)"
            $0.merge(pager(path: "/staff/clients", query: query, shown, language)) { _, new in new }
        }
    }

    /// Puts the client on a member of staff's caseload (or on no one's).
    func setWorker(_ request: Request, _ s: StaffSession, _ form: WorkerForm, _ language: InterfaceLanguage, id: String) throws -> Response {
        do {
            try database.caseload.setClientWorker(id: id, worker: form.worker.flatMap { $0.isEmpty ? nil : $0 }, by: s.user.username, nowMilliseconds: now())
        } catch let e as JourneyError {
            if e.code == .noSuchClient { return notFound(request, s, language) }
            return try clientPage(request, s, language, id: id, workerError: e.text(language), status: .badRequest)
        }
        return Self.redirect("/staff/clients/\(id)?saved=worker&lang=\(language.rawValue)#key-worker-term")
    }

    func clientForm(
        _ request: Request, _ s: StaffSession, _ language: InterfaceLanguage, id: String?, record: ClientRecord, error: String? = nil,
        duplicates: [ClientSummary] = [], status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let heading = id == nil ? t("staff.clients.new", language) : t("staff.client.edit", language)
        let terms = try needTerms()
        let listed = Set(terms.map { $0.name.lowercased() })
        let choices = needChoices(terms, chosen: record.needs, language: language)
        let areas = try areaChoices(chosen: record.area, language)
        return page("staffClientForm", base(request, language, title: heading, session: s), status: status) {
            $0["heading"] = heading
            $0["action"] = id.map { "/staff/clients/\($0)" } ?? "/staff/clients"
            $0["name"] = record.name
            $0["dob"] = record.dateOfBirth
            $0["contact"] = record.contact
            $0["needChoices"] = choices
            $0["hasNeedChoices"] = !choices.isEmpty
            $0["needs"] = record.needs.filter { !listed.contains($0.lowercased()) }.joined(separator: "\n")
            // Chosen from a list, by name; a value typed before the list (not in it) is kept as it was.
            let irish = language == .irish
            var codes = LanguageNames.codes
            if !record.language.isEmpty, !codes.contains(record.language) { codes.append(record.language) }
            $0["languageChoices"] = codes.map { ($0, LanguageNames.name($0, irish: irish)) }
                .sorted { ($0.0 == "en" ? 0 : $0.0 == "ga" ? 1 : 2, $0.1) < ($1.0 == "en" ? 0 : $1.0 == "ga" ? 1 : 2, $1.1) }
                .map { ["code": $0.0, "name": $0.1, "selected": $0.0 == record.language] }
            $0["areaChoices"] = areas
            $0["goals"] = record.goals.joined(separator: "\n")
            $0["notes"] = record.notes
            $0["error"] = error
            $0["duplicates"] = duplicates.map { ["id": $0.id, "name": $0.record.name, "dob": $0.record.dateOfBirth] }
            $0["hasDuplicates"] = !duplicates.isEmpty
        }
    }

    static func record(_ form: ClientForm) -> ClientRecord {
        func lines(_ text: String?) -> [String] {
            (text ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        var needs: [String] = []
        for n in (form.need ?? []) + lines(form.needs) where !needs.contains(where: { $0.caseInsensitiveCompare(n) == .orderedSame }) { needs.append(n) }
        // A value that is no area is kept as sent, so that the record's check names it.
        let area = ClientRecord.area(form.area ?? "") ?? (form.area ?? "")
        return ClientRecord(
            name: (form.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines), dateOfBirth: form.dateOfBirth ?? "", contact: form.contact ?? "",
            needs: needs, language: form.language ?? "", goals: lines(form.goals), notes: form.notes ?? "", area: area)
    }

    /// The areas a client may be recorded in: the district's postal areas by routing key (`D11 ·
    /// Dublin 11`), then "somewhere else"; an area recorded before that is not in the list stays
    /// choosable as it was.
    func areaChoices(chosen: String, _ language: InterfaceLanguage) throws -> [[String: Any]] {
        var keys = Set(try database.district().gazetteer.routingKeys.keys)
        if !chosen.isEmpty { keys.insert(chosen) }
        keys.remove("other")
        return (keys.sorted() + ["other"]).map { ["code": $0, "name": areaName($0, language), "selected": $0 == chosen] as [String: Any] }
    }

    /// How an area is shown to staff: `D11 · Dublin 11`, or "Somewhere else".
    func areaName(_ area: String, _ language: InterfaceLanguage) -> String {
        if area == "other" { return t("staff.client.area.other", language) }
        guard let place = (try? database.district())?.gazetteer.routingKeys[area], place.name != area else { return area }
        return "\(area) · \(place.name)"
    }

    func createClient(_ request: Request, _ s: StaffSession, _ form: ClientForm, _ language: InterfaceLanguage) throws -> Response {
        guard let identity else { return try clientList(request, s, language) }
        let record = Self.record(form)
        if let p = record.problem { return try clientForm(request, s, language, id: nil, record: record, error: p.text(language), status: .badRequest) }
        // The duplicate warning: shown once; registering anyway is a deliberate second step.
        if !form.confirm {
            let duplicates = try database.caseload.possibleDuplicates(of: record, identity: identity)
            if !duplicates.isEmpty {
                try database.audit.record(s.user.username, "duplicate warning", detail: "\(duplicates.count) possible", nowMilliseconds: now())
                return try clientForm(request, s, language, id: nil, record: record, duplicates: duplicates, status: .conflict)
            }
        }
        do {
            let id = try database.caseload.createClient(record, identity: identity, by: s.user.username, nowMilliseconds: now())
            return Self.redirect("/staff/clients/\(id)?lang=\(language.rawValue)")
        } catch let e as JourneyError {
            return try clientForm(request, s, language, id: nil, record: record, error: e.text(language), status: e.httpStatus)
        }
    }

    func updateClient(_ request: Request, _ s: StaffSession, _ form: ClientForm, _ language: InterfaceLanguage, id: String) throws -> Response {
        guard let identity else { return try clientList(request, s, language) }
        let record = Self.record(form)
        do {
            try database.caseload.updateClient(id: id, record, identity: identity, by: s.user.username, nowMilliseconds: now())
        } catch let e as JourneyError {
            if e.code == .noSuchClient { return notFound(request, s, language) }
            return try clientForm(request, s, language, id: id, record: record, error: e.text(language), status: e.httpStatus)
        }
        return Self.redirect("/staff/clients/\(id)?lang=\(language.rawValue)")
    }

    func clientPage(
        _ request: Request, _ s: StaffSession, _ language: InterfaceLanguage, id: String, consentError: String? = nil,
        referralError: String? = nil, progressError: String? = nil, eraseError: String? = nil, noteError: String? = nil, taskError: String? = nil,
        taskForm: TaskForm? = nil, taskField: String? = nil, workerError: String? = nil, fileError: String? = nil, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        guard let identity, let c = try database.caseload.client(id: id, identity: identity, by: s.user.username, nowMilliseconds: now()),
            let journey = try database.journeys.journey(clientID: id, identity: identity, today: today())
        else {
            return notFound(request, s, language)
        }
        var ctx = base(request, language, title: c.record.name, session: s)
        let consents = try database.journeys.consents(clientID: id, identity: identity, today: today())
        ctx.merge(try consentContext(s, language, consents: consents)) { _, new in new }
        let referrals = try referralContext(s, language, clientID: id, consents: consents, service: QueryParameters(rawQuery: request.uri.query).string("service"))
        ctx.merge(referrals) { _, new in new }
        ctx.merge(try journeyContext(journey, language, clientID: id, referralKey: nil)) { _, new in new }
        let referable = Set(consents.filter { $0.coversToday && ($0.grant?.purposes.contains(.referral) ?? false) }.map(\.organization))
        let suggested = try suggestions(c, referable: referable, language: language)
        ctx["suggestions"] = suggested
        ctx["hasSuggestions"] = !suggested.isEmpty
        ctx["hasNeeds"] = !c.record.needs.isEmpty
        ctx["consentError"] = consentError
        ctx["noteError"] = noteError ?? false
        ctx["taskError"] = taskError ?? false
        // A key worker whose account was since disabled stays chosen, and says so, until someone changes it.
        let everyone = try database.staff.all().filter { $0.role.worksWithClients }
        let caseloads = everyone.filter { !$0.disabled || $0.username == c.worker }
        func label(_ u: StaffUser) -> String { u.disabled ? t("staff.client.worker.disabled", language, ["name": u.displayName]) : u.displayName }
        ctx["keyWorker"] = c.worker.map { w in everyone.first { $0.username == w }.map(label) ?? w } ?? t("staff.client.worker.none", language)
        ctx["workerChoices"] = [["value": "", "name": t("staff.client.worker.none", language), "selected": c.worker == nil]]
            + caseloads.map { ["value": $0.username, "name": label($0), "selected": $0.username == c.worker] }
        ctx["workerError"] = workerError ?? false
        ctx.merge(try attachmentsContext(clientID: id, language)) { _, new in new }
        ctx["fileError"] = fileError ?? (QueryParameters(rawQuery: request.uri.query).string("file") == "toobig" ? t("staff.attachment.toobig", language) : false)
        ctx["fileSaved"] = QueryParameters(rawQuery: request.uri.query).string("saved") == "file"
        ctx["fileRemoved"] = QueryParameters(rawQuery: request.uri.query).string("saved") == "file-removed"
        ctx["workerSaved"] = QueryParameters(rawQuery: request.uri.query).string("saved") == "worker"
        ctx.merge(
            try taskFormContext(
                s, clientID: id, referral: nil, back: "/staff/clients/\(id)?lang=\(language.rawValue)", tasks: database.caseload.tasks(.init(clientID: id), identity: identity),
                language, posted: taskForm, invalid: taskField)
        ) { _, new in new }
        let notes = try database.caseload.caseNotes(clientID: id, identity: identity)
        let byID = Dictionary(uniqueKeysWithValues: notes.map { ($0.id, $0) })
        // The notes as they stand, newest first, each correction with the versions it replaced.
        ctx["caseNotes"] = notes.filter { !$0.corrected }.map { n -> [String: Any] in
            var earlier: [[String: Any]] = []
            var next = n.supersedes
            while let sid = next, let old = byID[sid] {
                earlier.append(["text": old.text, "when": when(old.at), "by": old.username])
                next = old.supersedes
            }
            return ["id": n.id, "text": n.text, "when": when(n.at), "by": n.username, "earlier": earlier, "hasEarlier": !earlier.isEmpty]
        }
        ctx["hasNotes"] = !notes.isEmpty
        ctx["noteChoices"] = notes.filter { !$0.corrected }.map { ["id": $0.id, "label": "\(when($0.at)) · \(String($0.text.prefix(40)))"] }
        let asked = QueryParameters(rawQuery: request.uri.query)
        // "Track as a goal" beside one of the client's own goals fills in the goal form.
        // Only a goal someone asked for (a suggested step): a missing value must not render as text.
        if let goal = asked.string("goal"), !goal.isEmpty { ctx["goalDraft"] = String(goal.prefix(200)) }
        ctx["progressSaved"] = asked.string("saved") == "progress" && progressError == nil
        if asked.string("done") == "withdrawn", let v = consents.first(where: { $0.organization == asked.string("org") }) {
            ctx["notice"] = t("staff.withdraw.done", language, ["org": v.organizationName])
        }
        ctx["referralError"] = referralError
        ctx["progressError"] = progressError
        ctx["eraseError"] = eraseError
        let proxies = try database.clientAccess.proxies(clientID: id, identity: identity)
        ctx["proxies"] = proxies.map {
            ["slot": $0.slot, "name": $0.name, "relationship": t("client.relationship.\($0.relationship)", language), "authority": $0.authority]
        }
        ctx["hasProxies"] = !proxies.isEmpty
        let accesses = try database.clientAccess.clientAccesses(clientID: id, identity: identity)
        ctx["accesses"] = accesses.prefix(20).map { a -> String in
            let who = a.by.map { "\($0.name) (\(t("client.relationship.\($0.relationship)", language)))" } ?? t("staff.access.client", language)
            return t("staff.access.line", language, ["date": a.on, "site": a.site, "who": who])
        }
        ctx["hasAccesses"] = !accesses.isEmpty
        ctx["relationships"] = ProxyDetails.relationships.map { ["value": $0, "label": t("client.relationship.\($0)", language)] }
        return page("staffClient", ctx, status: status) {
            $0["id"] = c.id
            $0["name"] = c.record.name
            $0["dob"] = c.record.dateOfBirth
            // An empty field is left out, so the page can say "Not given".
            if !c.record.contact.isEmpty { $0["contact"] = c.record.contact }
            $0["needs"] = needLabels(c.record.needs, language)
            if !c.record.language.isEmpty { $0["clientLanguage"] = languageShown(c.record.language, language) }
            if !c.record.area.isEmpty { $0["clientArea"] = areaName(c.record.area, language) }
            $0["hasOwnGoals"] = !c.record.goals.isEmpty
            $0["ownGoals"] = c.record.goals.map { ["text": $0, "query": $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""] }
            if !c.record.notes.isEmpty { $0["notes"] = c.record.notes }
            $0["registered"] = t("staff.client.registered", language, ["date": when(c.createdAt), "changed": when(c.updatedAt)])
        }
    }
}
