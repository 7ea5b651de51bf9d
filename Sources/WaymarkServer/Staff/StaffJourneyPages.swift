import Foundation
import HTTPTypes
import Hummingbird
import WaymarkCore
import WaymarkCrypto
import WaymarkStore

/// A client's journey on the staff pages: goals and progress (recorded here, shared under consent),
/// the timeline across organisations, suggested services from the federated directory, the subject
/// access export, erasure, and the caseload on the staff home.
extension StaffPages {
    func registerJourney(_ routes: StaffRoutes) {
        routes.signedIn.post("progress") { request, context in try recordProgress(request, context.staff(), context.form(ProgressForm.self), context.language) }
        routes.signedIn.post("consent-requests") { request, context in
            try requestConsent(request, context.staff(), context.form(ConsentRequestForm.self), context.language)
        }
        routes.signedIn.get("clients/:id/access") { request, context in
            try accessPage(request, context.staff(), context.language, id: context.parameters.get("id") ?? "")
        }
        routes.signedIn.get("clients/:id/access.json") { request, context in
            try accessJSON(request, context.staff(), context.language, id: context.parameters.get("id") ?? "")
        }
        routes.admin.post("clients/:id/erase") { request, context in
            try erase(request, context.staff(), context.form(ErasureForm.self), context.language, id: context.parameters.get("id") ?? "")
        }
        routes.admin.get("erasures") { request, context in try erasuresPage(request, context.staff(), context.language) }
    }

    // MARK: Progress and the timeline

    /// The goals, progress forms and timeline of a journey, for a client's page (`clientID`) or a
    /// referral's page (`referralKey`).
    func journeyContext(_ journey: JourneyView, _ language: InterfaceLanguage, clientID: String?, referralKey: String?) throws -> [String: Any] {
        guard let identity else { return [:] }
        let me = hexString(identity.signingPublicKey)
        let home = Circle(scope: journey.circle)?.isOwned(by: identity.signingPublicKey) ?? false
        let canRecord = home || journey.consents.consent(for: me, purpose: .progress, on: today()) != nil
        var withdrawn = false
        if !home, case .revoked = journey.consents.standing(of: me) { withdrawn = true }
        let instruments = try database.journeys.instruments()
        let stagesOf = Dictionary(instruments.map { ($0.id, $0.stages) }, uniquingKeysWith: { a, _ in a })
        var own: [[String: Any]] = []
        let goals = journey.goals.map { g -> [String: Any] in
            let stages = g.instrumentID.flatMap { stagesOf[$0] } ?? 10
            for e in g.events where e.author == me {
                switch e.event {
                case .reading(_, let area, let stage, let date):
                    own.append(["id": hexString(e.originalID), "label": "\(g.title): \(area) \(stage)/\(stages), \(date)"])
                case .milestone(_, let label, let date):
                    own.append(["id": hexString(e.originalID), "label": "\(g.title): \(label), \(date)"])
                default: break
                }
            }
            return [
                "id": g.id, "title": g.title, "by": t("staff.progress.setby", language, ["org": g.organizationName]),
                "readings": g.readings.map { r -> [String: Any] in
                    // The client's own view beside the worker's, and the gap between them (§13.5).
                    var row: [String: Any] = ["area": r.area, "stage": r.stage, "stages": stages, "date": r.date, "width": r.stage * 100 / stages, "client": "–"]
                    if let own = journey.clientReadings[g.id]?[r.area] {
                        row["client"] = "\(own.stage) / \(stages)"
                        let gap = own.stage - r.stage
                        row["gap"] = gap == 0 ? t("staff.progress.gap.none", language) : t("staff.progress.gap", language, ["n": gap > 0 ? "+\(gap)" : "\(gap)"])
                    }
                    return row
                },
                "hasReadings": !g.readings.isEmpty, "measured": g.instrumentID != nil,
                "milestones": g.milestones.map { ["label": $0.label, "date": $0.date, "corrected": $0.corrected] }, "hasMilestones": !g.milestones.isEmpty,
            ]
        }
        // Requests to the client to share (§13.10): where each stands; a partner without a progress
        // consent may ask, from a referral's page, once at a time.
        let requests = (try? database.clientAccess.consentRequests(circle: journey.circle, identity: identity, consents: journey.consents)) ?? []
        let openRequest = requests.contains { $0.organization == me && $0.state == .open }
        let measured = journey.goals.filter { g in g.instrumentID.map { id in instruments.contains { $0.id == id } } ?? false }
        let areas = Array(Set(measured.compactMap { g in instruments.first { $0.id == g.instrumentID }?.areas }.flatMap { $0 })).sorted()
        return [
            "today": today(), "journeyGoals": goals, "hasGoals": !goals.isEmpty, "canRecord": canRecord, "progressClient": clientID ?? "", "progressReferral": referralKey ?? "",
            "instruments": instruments.map { ["id": $0.id, "name": $0.name] }, "goalChoices": journey.goals.map { ["id": $0.id, "title": $0.title] },
            "measuredGoals": measured.map { ["id": $0.id, "title": $0.title] }, "hasMeasured": !measured.isEmpty, "areas": areas,
            "stageChoices": (1...10).map { ["n": $0] }, "scores": (0...10).map { ["n": $0] }, "ownEvents": own, "hasOwnEvents": !own.isEmpty,
            "timeline": journey.timeline.map { timelineRow($0, language) }, "hasTimeline": !journey.timeline.isEmpty,
            // A flag and a text, not an optional: a nil in this dictionary is a value, and showed as "nil".
            "checkins": journey.referrals.compactMap { r -> [String: Any]? in
                guard let c = journey.checkins[r.record.id] else { return nil }
                return [
                    "service": r.record.serviceName ?? r.recipientName, "score": c.score, "comment": c.comment ?? false, "date": c.date,
                    "how": t(c.onPaper ? "staff.checkin.paper" : "staff.checkin.own", language),
                ]
            },
            "hasCheckins": !journey.checkins.isEmpty,
            "paperCheckins": home ? journey.referrals.filter { $0.status.isClosed && $0.status != .enteredInError && journey.checkins[$0.record.id] == nil }
                .map { ["id": $0.record.id, "service": $0.record.serviceName ?? $0.recipientName] } : [],
            "hasPaperCheckins": home && clientID != nil && journey.referrals.contains { $0.status.isClosed && $0.status != .enteredInError && journey.checkins[$0.record.id] == nil },
            "consentRequests": requests.map { r -> [String: Any] in
                [
                    "text": t("staff.request.\(r.state.rawValue)", language, ["org": r.organizationName, "date": when(r.at)]),
                    "reason": r.reason,
                ]
            },
            "hasConsentRequests": !requests.isEmpty,
            "canRequest": !home && !canRecord && !openRequest && !withdrawn && referralKey != nil,
            "progressWithdrawn": withdrawn,
            "hasHiddenNote": journey.hiddenCount > 0, "hiddenNote": t("staff.timeline.hidden", language, ["n": String(journey.hiddenCount)]),
        ]
    }

    func timelineRow(_ e: TimelineEntry, _ language: InterfaceLanguage) -> [String: Any] {
        var subject = e.subject
        if e.event == "referral-status", let s = ReferralStatus(rawValue: e.subject) { subject = statusText(s, language) }
        if e.event == "consent-granted" {
            // The purposes, as the consent form names them.
            subject = e.subject.split(separator: ",").map { p in
                let purpose = p.trimmingCharacters(in: .whitespaces)
                return ConsentPurpose(rawValue: purpose).map { t("staff.consent.purpose.\($0.rawValue)", language).lowercased() } ?? purpose
            }.joined(separator: ", ")
        }
        // A consent change the client made themselves (§13) names the member that carried it.
        var text = t("staff.timeline.\(e.event)\(e.byClient ? ".client" : "")", language, ["other": e.otherName, "subject": subject, "detail": e.detail])
        // Irish puts the verb first: "Thaifead <organisation> toiliú…", the organisation standing for
        // the pronoun some lines carry ("bhreac sé síos…" → "Bhreac <organisation> síos…").
        var verb = ""
        if language == .irish, let space = text.firstIndex(of: " ") {
            verb = text[..<space].prefix(1).uppercased() + text[..<space].dropFirst()
            text = String(text[text.index(after: space)...])
            if text.hasPrefix("sé ") { text = String(text.dropFirst(3)) }
        }
        return Self.dropEmpty([
            "when": when(e.at), "org": e.organizationName, "text": text, "verb": verb, "detail": e.event == "referral-status" ? e.detail : "", "refused": e.refused,
            "corrected": e.corrected,
        ])
    }

    /// Leaves out empty strings, which Mustache sections would treat as present.
    static func dropEmpty(_ row: [String: Any]) -> [String: Any] { row.filter { ($0.value as? String)?.isEmpty != true } }

    func recordProgress(_ request: Request, _ s: StaffSession, _ form: ProgressForm, _ language: InterfaceLanguage) throws -> Response {
        guard let identity else { return notFound(request, s, language) }
        // The circle comes from a client of this node or a referral this node is a side of, never from the form.
        let clientID = form.client ?? ""
        let referralKey = form.referral ?? ""
        let circle: String
        let back: String
        if !clientID.isEmpty {
            guard let c = try database.journeys.circle(clientID: clientID) else { return notFound(request, s, language) }
            circle = c
            back = "/staff/clients/\(clientID)"
        } else {
            guard let v = try database.journeys.referral(key: referralKey, identity: identity, today: today()) else { return notFound(request, s, language) }
            circle = v.circle
            back = "/staff/referrals/\(referralKey)"
        }
        func failed(_ message: String) throws -> Response {
            if !clientID.isEmpty { return try clientPage(request, s, language, id: clientID, progressError: message, status: .badRequest) }
            return try referralPage(request, s, language, key: referralKey, progressError: message, status: .badRequest)
        }
        let date = form.date ?? today()
        let event: ProgressEvent
        switch form.type ?? "" {
        case "goal":
            let instrument = form.instrument.flatMap { $0 == "none" ? nil : $0 }
            event = .goal(id: "goal-" + Tokens.random(bytes: 6), title: form.title ?? "", instrumentID: instrument)
        case "reading":
            guard let stage = form.stage.flatMap(Int.init) else { return try failed(t("staff.error.choose-stage", language)) }
            event = .reading(goalID: form.goal ?? "", area: form.area ?? "", stage: stage, date: date)
        case "milestone":
            event = .milestone(goalID: form.goal ?? "", label: form.label ?? "", date: date)
        case "correction":
            guard let target = form.supersedes.flatMap(bytesFromHex),
                let original = try database.journeys.journey(circle: circle, identity: identity, today: today()).goals.flatMap(\.events).first(where: {
                    $0.originalID == target
                })
            else { return try failed(t("staff.error.choose-correction", language)) }
            switch original.event {
            case .reading(let g, let area, _, _):
                guard let stage = form.stage.flatMap(Int.init) else { return try failed(t("staff.error.choose-stage", language)) }
                event = .correction(supersedes: target, with: .reading(goalID: g, area: area, stage: stage, date: date))
            case .milestone(let g, let label, _):
                let newLabel = form.label ?? label
                event = .correction(supersedes: target, with: .milestone(goalID: g, label: newLabel, date: date))
            default: return try failed(t("staff.error.correction-of-correction", language))
            }
        default:
            return try failed(t("staff.error.choose-record", language))
        }
        do {
            try database.journeys.recordProgress(circle: circle, event, identity: identity, by: s.user.username, today: today(), nowMilliseconds: now())
        } catch let e as JourneyError {
            return try failed(e.text(language))
        }
        // Back with the forms still open, for the next reading or milestone.
        return Self.redirect("\(back)?lang=\(language.rawValue)&saved=progress#progress-heading")
    }

    /// A partner asks the client to let it record progress (§13.10). The circle comes from a referral
    /// this node received, never from the form; the client answers on their own page.
    func requestConsent(_ request: Request, _ s: StaffSession, _ form: ConsentRequestForm, _ language: InterfaceLanguage) throws -> Response {
        guard let identity, let v = try database.journeys.referral(key: form.referral ?? "", identity: identity, today: today()) else {
            return notFound(request, s, language)
        }
        let reason = (form.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else {
            return try referralPage(request, s, language, key: form.referral ?? "", progressError: t("staff.request.noreason", language), status: .badRequest)
        }
        do {
            try database.clientAccess.requestConsent(
                circle: v.circle, purposes: [.progress], reason: reason, identity: identity, by: s.user.username, nowMilliseconds: now())
        } catch is NodeDatabase.ClientAccessError {
            return try referralPage(request, s, language, key: form.referral ?? "", progressError: t("staff.request.cannot", language), status: .badRequest)
        }
        return Self.redirect("/staff/referrals/\(form.referral ?? "")?lang=\(language.rawValue)#requests-heading")
    }

    // MARK: The needs list

    /// The node's needs list: the terms of one directory taxonomy (node setting `needs_taxonomy`,
    /// `waymark needs --taxonomy ID`; by default the taxonomy with the most terms), parents before
    /// their children. A need chosen from it is searched by its taxonomy term, children included.
    func needTerms() throws -> [TermInfo] {
        let terms = try pages.directory.snapshot().terms.values
        let chosen = try database.setting("needs_taxonomy")
        let counts = Dictionary(grouping: terms.compactMap(\.taxonomyID), by: { $0 }).mapValues(\.count)
        guard let taxonomy = chosen.flatMap({ counts[$0] != nil ? $0 : nil }) ?? counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else {
            return []
        }
        let mine = terms.filter { $0.taxonomyID == taxonomy }
        let byID = Dictionary(mine.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func path(_ t: TermInfo) -> [String] { (t.parentID.flatMap { byID[$0] }.map(path) ?? []) + [t.name] }
        return mine.sorted { path($0).lexicographicallyPrecedes(path($1)) }
    }

    /// Checkboxes for the client form: every need of the list, ticked when the client has it.
    func needChoices(_ terms: [TermInfo], chosen: [String], language: InterfaceLanguage = .english) -> [[String: Any]] {
        let have = Set(chosen.map { $0.lowercased() })
        let snap = try? pages.directory.snapshot()
        return terms.enumerated().map { i, t in
            ["n": i, "name": t.name, "label": snap?.termName(t, language: language.rawValue) ?? t.name, "child": t.parentID != nil,
             "checked": have.contains(t.name.lowercased())]
        }
    }

    /// Needs as the page's language names them: a need from the directory's categories in its label
    /// for the language (the record keeps the category's own name); free text as it was typed.
    func needLabels(_ needs: [String], _ language: InterfaceLanguage) -> [String] {
        guard language != .english, let snap = try? pages.directory.snapshot(), let terms = try? needTerms() else { return needs }
        let byName = Dictionary(terms.map { ($0.name.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        return needs.map { n in byName[n.lowercased()].map { snap.termName($0, language: language.rawValue) } ?? n }
    }

    // MARK: Suggested services (signposting)

    /// Services from the federated directory that fit the client's needs, age and language, ranked;
    /// open now counts a little. Those run by an organisation the client consented to for referrals
    /// can be referred to straight away.
    func suggestions(_ client: ClientSummary, referable: Set<String>, language: InterfaceLanguage) throws -> [[String: Any]] {
        let directory = pages.directory
        let snap = try directory.snapshot()
        let now = pages.clock.now()
        var score: [String: Double] = [:]
        var open: Set<String> = []
        var age: Double?
        if let born = BusinessDays.dayNumber(client.record.dateOfBirth) { age = Double(now.day - born) / 365.25 }
        let termByName = Dictionary(try needTerms().map { ($0.name.lowercased(), $0.id) }, uniquingKeysWith: { a, _ in a })
        for need in client.record.needs.prefix(6) {
            var q = SearchQuery()
            if let term = termByName[need.lowercased()] { q.taxonomyTermIDs = [term] } else { q.text = need }
            q.countFacets = false
            q.perPage = 10
            if let age {
                q.minimumAge = age.rounded(.down)
                q.maximumAge = age.rounded(.down)
            }
            for (rank, hit) in try directory.search(q, now: now).hits.enumerated() {
                score[hit.id, default: 0] += 1 / Double(rank + 1)
                if hit.openNow { open.insert(hit.id) }
            }
        }
        let spoken = client.record.language.lowercased().trimmingCharacters(in: .whitespaces)
        var ranked: [(id: String, score: Double, facts: ServiceFacts, speaks: Bool)] = []
        for (id, base) in score {
            guard let facts = snap.index.facts(id) else { continue }
            let speaks = !spoken.isEmpty && facts.languages.contains(spoken)
            ranked.append((id, base + (speaks ? 0.3 : 0) + (open.contains(id) ? 0.1 : 0), facts, speaks))
        }
        ranked.sort { ($0.score, $1.facts.name) > ($1.score, $0.facts.name) }
        return try ranked.prefix(6).map { r in
            let owner = try database.journeys.serviceOwner(id: r.id)
            var v: [String: Any] = [
                "id": r.id, "name": r.facts.name, "open": open.contains(r.id), "speaks": r.speaks,
                "clientLanguage": languageShown(client.record.language, language),
            ]
            if let o = r.facts.organizationName { v["organization"] = o }
            if let owner, referable.contains(owner) { v["referURL"] = "/staff/clients/\(client.id)?service=\(r.id)&lang=\(language.rawValue)#referral-form" }
            return v
        }
    }

    // MARK: Subject access

    func accessPage(_ request: Request, _ s: StaffSession, _ language: InterfaceLanguage, id: String) throws -> Response {
        guard let identity, let a = try database.caseload.subjectAccess(clientID: id, identity: identity, by: s.user.username, today: today(), nowMilliseconds: now())
        else { return notFound(request, s, language) }
        return page("staffAccess", base(request, language, title: t("staff.access.title", language), session: s)) {
            $0["id"] = id
            $0["name"] = a.client.record.name
            $0["intro"] = t("staff.access.intro", language, ["client": a.client.record.name, "home": a.organizationName])
            $0["dob"] = a.client.record.dateOfBirth
            $0["contact"] = a.client.record.contact
            $0["clientLanguage"] = languageShown(a.client.record.language, language)
            $0["needs"] = needLabels(a.client.record.needs, language).joined(separator: ", ")
            $0["goalsText"] = a.client.record.goals.joined(separator: ", ")
            $0["notes"] = a.client.record.notes
            $0["timeline"] = a.journey.timeline.map { timelineRow($0, language) }
            $0["hasTimeline"] = !a.journey.timeline.isEmpty
            $0["disclosures"] = a.disclosures.map { d -> [String: Any] in
                ["when": when(d.at), "kind": t("staff.access.kind.\(d.kind)", language), "recipients": d.recipients.joined(separator: ", ")]
            }
            $0["hasDisclosures"] = !a.disclosures.isEmpty
            $0["accessNotes"] = a.caseNotes.map { ["when": when($0.at), "by": $0.username, "text": $0.text] }
            $0["accessTasks"] = a.tasks.map { ["due": $0.dueOn, "text": $0.text, "done": $0.doneAt != nil] }
            $0["accessFiles"] = a.attachments.map { ["name": $0.name, "when": when($0.addedAt)] }
            $0["accessMessages"] = a.messages.map { ["when": when($0.message.at), "by": $0.message.authorName, "text": $0.message.text, "referral": $0.service] }
            $0["hasOwnRecords"] = !(a.caseNotes.isEmpty && a.tasks.isEmpty && a.attachments.isEmpty && a.messages.isEmpty)
            $0["audit"] = a.audit.map { a -> [String: Any] in
                var row: [String: Any] = ["when": when(a.at), "user": a.user, "action": a.action]
                if !a.detail.isEmpty { row["detail"] = a.detail }
                return row
            }
        }
    }

    func accessJSON(_ request: Request, _ s: StaffSession, _ language: InterfaceLanguage, id: String) throws -> Response {
        guard let identity, let a = try database.caseload.subjectAccess(clientID: id, identity: identity, by: s.user.username, today: today(), nowMilliseconds: now())
        else { return notFound(request, s, language) }
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"]
        headers[.contentDisposition] = "attachment; filename=\"subject-access-\(id).json\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: JSONWriter().string(a.json))))
    }

    // MARK: Erasure

    func erase(_ request: Request, _ s: StaffSession, _ form: ErasureForm, _ language: InterfaceLanguage, id: String) throws -> Response {
        guard let identity else { return notFound(request, s, language) }
        guard form.confirm else {
            return try clientPage(request, s, language, id: id, eraseError: t("staff.erase.confirm.needed", language), status: .badRequest)
        }
        do {
            try database.journeys.requestErasure(clientID: id, identity: identity, by: s.user.username, today: today(), nowMilliseconds: now())
        } catch let e as JourneyError where e.code == .noSuchClient {
            return notFound(request, s, language)
        }
        return Self.redirect("/staff/erasures?done=1&lang=\(language.rawValue)")
    }

    func erasuresPage(_ request: Request, _ s: StaffSession, _ language: InterfaceLanguage) throws -> Response {
        let list = try database.journeys.erasures()
        return page("staffErasures", base(request, language, title: t("staff.erasures", language), session: s)) {
            // Numbered oldest first; no name: the client is gone, and the list says only whether every
            // organisation that held their records has confirmed.
            $0["erasures"] = list.enumerated().map { i, e -> [String: Any] in
                [
                    "number": t("staff.erasures.number", language, ["n": String(list.count - i)]), "requested": e.requestedOn, "by": e.requestedBy,
                    "erased": when(e.erasedAt),
                    "acks": e.acknowledgements.isEmpty ? t("staff.erasures.noneyet", language) : e.acknowledgements.map { "\($0.organization) (\(when($0.at)))" }.joined(separator: "; "),
                    "waiting": e.waiting.isEmpty ? t("staff.erasures.nowaiting", language) : e.waiting.joined(separator: "; "), "complete": e.waiting.isEmpty,
                ]
            }
            $0["hasErasures"] = !list.isEmpty
            $0["erasedNotice"] = QueryParameters(rawQuery: request.uri.query).string("done") == "1"
        }
    }

    // MARK: The caseload

    func caseloadContext(_ language: InterfaceLanguage) throws -> [String: Any] {
        guard let identity else { return [:] }
        let c = try database.caseload.needingAttention(identity: identity, today: today())
        func more<T>(_ page: Page<T>, inbox: Bool) -> [String: Any] {
            guard page.total > page.items.count else { return [:] }
            return [
                "more": t("staff.caseload.more", language, ["shown": String(page.items.count), "total": String(page.total)]), "inbox": inbox,
            ]
        }
        // One list: its rows, the columns it shows (each leaves out the side that is always this
        // organisation), and how many more there are.
        func list(_ page: Page<ReferralListing>, showFrom: Bool, showTo: Bool, inbox: Bool) -> [String: Any] {
            ["referrals": referralRows(page.items, language), "showFrom": showFrom, "showTo": showTo].merging(more(page, inbox: inbox)) { a, _ in a }
        }
        return [
            "awaiting": list(c.awaiting, showFrom: true, showTo: false, inbox: true), "hasAwaiting": !c.awaiting.isEmpty,
            "overdueList": list(c.overdue, showFrom: true, showTo: true, inbox: false), "hasOverdue": !c.overdue.isEmpty,
            "active": list(c.active, showFrom: true, showTo: false, inbox: true), "hasActive": !c.active.isEmpty,
            "sent": list(c.sent, showFrom: false, showTo: true, inbox: false), "hasSent": !c.sent.isEmpty,
            "expiring": c.expiring.items.map { ["id": $0.clientID, "client": $0.clientName, "org": $0.organizationName, "end": $0.end] },
            "expiringMore": more(c.expiring, inbox: false),
            "hasExpiring": !c.expiring.isEmpty, "caseload": true,
        ]
    }
}
