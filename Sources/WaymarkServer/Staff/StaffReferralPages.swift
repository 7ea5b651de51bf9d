import Foundation
import HTTPTypes
import Hummingbird
import WaymarkCore
import WaymarkCrypto
import WaymarkStore

/// Referrals: sending one from a client's page (only under a consent for referrals), the inbox of
/// referrals to this organisation, and a referral's page with its history and the status changes
/// this side may make.
extension StaffPages {
    func registerReferrals(_ routes: StaffRoutes) {
        routes.signedIn.post("clients/:id/referrals") { request, context in
            try sendReferral(request, context.staff(), context.form(ReferralForm.self), context.language, clientID: context.parameters.get("id") ?? "")
        }
        routes.signedIn.get("referrals") { request, context in try inbox(request, context.staff(), context.language) }
        routes.signedIn.get("referrals/:key") { request, context in
            try referralPage(request, context.staff(), context.language, key: context.parameters.get("key") ?? "")
        }
        routes.signedIn.post("referrals/:key/messages") { request, context in
            try sendMessage(request, context.staff(), context.form(MessageForm.self), context.language, key: context.parameters.get("key") ?? "")
        }
        routes.signedIn.post("referrals/:key") { request, context in
            try changeReferral(request, context.staff(), context.form(ReferralChangeForm.self), context.language, key: context.parameters.get("key") ?? "")
        }
    }

    func statusText(_ s: ReferralStatus, _ language: InterfaceLanguage) -> String { t("staff.status.\(s.rawValue)", language) }

    /// Who runs a directory service, as staff think of the referral's other side: the organisation
    /// named in the listing (not the node that publishes it), and the service's first contact person
    /// with their phone or email.
    func provider(serviceID: String?) -> (organization: String?, contact: String?, phone: String?) {
        guard let serviceID, let snapshot = try? pages.directory.snapshot(), let facts = snapshot.index.facts(serviceID) else { return (nil, nil, nil) }
        var contact: String?
        if let json = (try? pages.directory.documents([serviceID], full: true))?[serviceID],
            case .object(let doc)? = try? JSONParser.parse(Array(json.utf8)), let first = doc["contacts"]?.arrayValue?.first, case .object(let c) = first
        {
            let phone = c["phones"]?.arrayValue?.first.flatMap { p -> String? in if case .object(let o) = p { return o["number"]?.stringValue } else { return nil } }
            contact = [c["name"]?.stringValue, c["title"]?.stringValue, phone ?? facts.phone, c["email"]?.stringValue].compactMap { $0 }.filter { !$0.isEmpty }
                .joined(separator: " · ")
        }
        if contact?.isEmpty ?? true { contact = facts.phone }
        return (facts.organizationName, contact, facts.phone)
    }

    func referralRows(_ views: [ReferralListing], _ language: InterfaceLanguage) -> [[String: Any]] {
        var providers: [String: String?] = [:]
        return views.map { v in
            // The organisation that runs the chosen service, with the node it is on when that differs.
            var runBy: String?
            if let id = v.serviceID {
                if providers[id] == nil { providers[id] = provider(serviceID: id).organization }
                runBy = providers[id] ?? nil
            }
            let to = runBy.map { $0 == v.recipientName ? $0 : t("staff.referral.runby.on", language, ["org": $0, "node": v.recipientName]) } ?? v.recipientName
            return [
                "key": v.key, "client": v.clientName, "from": v.senderName, "to": to, "service": v.serviceName ?? "",
                // On the client's own page a referral is named by its service (the client is the page's).
                "named": (v.serviceName?.isEmpty == false ? v.serviceName : nil) ?? t("staff.referral.unnamed", language),
                "sent": when(v.sentAt), "status": statusText(v.status, language), "overdue": v.overdue,
            ]
        }
    }

    /// The referral rows and form values for a client's page.
    /// `service`: a directory service picked from the suggestions, to fill in the referral form.
    func referralContext(_ s: StaffSession, _ language: InterfaceLanguage, clientID: String, consents: [ConsentView], service: String?) throws
        -> [String: Any]
    {
        guard let identity else { return [:] }
        let views = try database.journeys.referrals(clientID: clientID, identity: identity, today: today())
        let referable = consents.filter { $0.coversToday && ($0.grant?.purposes.contains(.referral) ?? false) }
        let reroutable = views.filter { [.rejected, .cancelled, .failed].contains($0.status) }
        var picked: (id: String, name: String, owner: String)?
        if let service, let facts = try pages.directory.snapshot().index.facts(service), let owner = try database.journeys.serviceOwner(id: service) {
            picked = (service, facts.name, owner)
        }
        // The services of the organisations that may be referred to, offered as the service is typed
        // (a browser's own list: no JavaScript needed).
        let names = Dictionary(referable.map { ($0.organization, $0.organizationName) }, uniquingKeysWith: { a, _ in a })
        let services = try database.journeys.servicesPublished(by: referable.map(\.organization))
        return [
            "serviceChoices": services.map { ["name": $0.name, "organization": names[$0.organization] ?? ""] },
            "referrals": referralRows(views.map(\.listing), language), "hasReferrals": !views.isEmpty, "showTo": true, "onClient": true,
            "referable": referable.map {
                ["key": $0.organization, "name": $0.organizationName, "selected": $0.organization == picked?.owner,
                 "fingerprint": NodeIdentity.fingerprint(of: bytesFromHex($0.organization) ?? [])]
            },
            "hasReferable": !referable.isEmpty, "pickedServiceID": picked?.id ?? "", "pickedServiceName": picked?.name ?? "",
            "reroutable": reroutable.map {
                ["key": $0.record.id, "label": "\($0.recipientName): \($0.record.serviceName ?? "") (\(statusText($0.status, language)))"]
            }, "hasReroutable": !reroutable.isEmpty,
        ]
    }

    func sendReferral(_ request: Request, _ s: StaffSession, _ form: ReferralForm, _ language: InterfaceLanguage, clientID: String) throws -> Response {
        guard let identity else { return notFound(request, s, language) }
        do {
            // A service named as the chosen organisation lists it is that service (its details then
            // show on the referral), whether picked from the list or typed.
            var serviceID = form.serviceID.flatMap { $0.isEmpty ? nil : $0 }
            if serviceID == nil, let typed = form.serviceName?.trimmingCharacters(in: .whitespaces), !typed.isEmpty, let to = form.organization {
                let same = try database.journeys.servicesPublished(by: [to]).filter { $0.name.caseInsensitiveCompare(typed) == .orderedSame }
                if same.count == 1 { serviceID = same[0].id }
            }
            try database.journeys.sendReferral(
                clientID: clientID, to: form.organization ?? "", serviceID: serviceID, serviceName: form.serviceName, note: form.note ?? "",
                reroutes: form.reroutes, identity: identity,
                by: s.user.username, today: today(), nowMilliseconds: now())
        } catch let e as JourneyError {
            if e.code == .noSuchClient { return notFound(request, s, language) }
            return try clientPage(request, s, language, id: clientID, referralError: e.text(language), status: e.httpStatus)
        }
        return Self.redirect("/staff/clients/\(clientID)?lang=\(language.rawValue)#referrals-heading")
    }

    func inbox(_ request: Request, _ s: StaffSession, _ language: InterfaceLanguage) throws -> Response {
        guard let identity else { return notFound(request, s, language) }
        // A read: referrals are acknowledged as they arrive (by the sync shell), never by opening a page.
        // Two boxes: what came in, and what this organisation sent and is waiting on.
        let query = QueryParameters(rawQuery: request.uri.query)
        let sent = query.string("box") == "sent"
        // Which referrals: all, those waiting for an answer, those under way, or those closed.
        let show = query.string("show").flatMap { Self.referralFilters[$0] != nil ? $0 : nil } ?? "all"
        let statuses = Self.referralFilters[show] ?? nil
        let shown =
            sent
            ? try database.journeys.sentReferrals(identity: identity, today: today(), statuses: statuses, offset: Self.offset(request), limit: Self.pageSize)
            : try database.journeys.incomingReferrals(identity: identity, today: today(), statuses: statuses, offset: Self.offset(request), limit: Self.pageSize)
        try database.audit.record(
            s.user.username, sent ? "view sent referrals" : "view referral inbox", detail: "\(shown.items.count) of \(shown.total) referrals", nowMilliseconds: now())
        let title = t(sent ? "staff.referrals.sent" : "staff.referrals.inbox", language)
        return page("staffReferrals", base(request, language, title: title, session: s)) {
            $0["heading"] = title
            $0["sentBox"] = sent
            $0["referrals"] = referralRows(shown.items, language)
            $0["hasReferrals"] = !shown.isEmpty
            $0["showFrom"] = !sent
            $0["showTo"] = sent
            $0["none"] = t(sent ? "staff.referrals.sent.none" : "staff.referrals.none", language)
            $0["showChoices"] = Self.referralFilterOrder.map { ["value": $0, "label": t("staff.referrals.show.\($0)", language), "selected": $0 == show] }
            $0["filtered"] = show != "all"
            $0.merge(pager(path: "/staff/referrals", query: (sent ? [("box", "sent")] : []) + (show == "all" ? [] : [("show", show)]), shown, language)) {
                _, new in new
            }
        }
    }

    /// The inbox's filters by status, in the order offered.
    static let referralFilterOrder = ["all", "waiting", "open", "closed"]
    static let referralFilters: [String: Set<ReferralStatus>?] = [
        "all": nil,
        "waiting": [.requested, .received],
        "open": [.accepted, .inProgress, .onHold],
        "closed": [.rejected, .completed, .failed, .cancelled],
    ]

    func referralPage(
        _ request: Request, _ s: StaffSession, _ language: InterfaceLanguage, key: String, error: String? = nil, progressError: String? = nil,
        taskError: String? = nil, taskForm: TaskForm? = nil, taskField: String? = nil, messageError: String? = nil, message: String = "",
        status: HTTPResponse.Status = .ok, posted: ReferralChangeForm? = nil, errorField: String? = nil
    ) throws -> Response {
        guard let identity, let v = try database.journeys.referral(key: key, identity: identity, today: today()) else {
            return self.message(request, s, language, "staff.referral.notfound", back: "/staff/referrals", status: .notFound)
        }
        try database.audit.record(s.user.username, "view referral", subject: v.record.id, nowMilliseconds: now())
        let me = hexString(identity.signingPublicKey)
        let role: ReferralRole = me == v.sender ? .sender : .recipient
        let journey = try database.journeys.journey(circle: v.circle, identity: identity, today: today())
        // After the client withdrew this organisation's consent it sees nothing more of them than
        // closing the referral needs, and may only close it (SPEC §8.6).
        var withdrawn = false
        if role == .recipient, case .revoked = journey.consents.standing(of: me) { withdrawn = true }
        let choices = ReferralMachine.choices(from: v.status, for: role).filter { !withdrawn || $0.isClosed }
        var ctx = base(request, language, title: t("staff.referrals", language), session: s)
        ctx.merge(try journeyContext(journey, language, clientID: nil, referralKey: key)) { _, new in new }
        ctx["withdrawn"] = withdrawn
        ctx["progressSaved"] = QueryParameters(rawQuery: request.uri.query).string("saved") == "progress" && progressError == nil
        ctx["progressError"] = progressError
        ctx["taskError"] = taskError ?? false
        // Messages between the two sides (§8.9); seeing them here marks them read.
        try database.journeys.markMessagesRead(referral: v.key, nowMilliseconds: now())
        let other = role == .sender ? v.recipientName : v.senderName
        // The referral as folded with the whole journey, which includes its messages.
        let messages = journey.referrals.first { $0.key == v.key }?.messages ?? []
        ctx["messages"] = messages.map { m in
            ["when": when(m.at), "who": m.authorName, "text": m.text, "mine": m.author == me]
        }
        ctx["hasMessages"] = !messages.isEmpty
        ctx["messageTo"] = t("staff.message.to", language, ["org": other])
        ctx["messageError"] = messageError ?? false
        ctx["messageDraft"] = message
        var recipientRevoked = false
        if case .revoked = journey.consents.standing(of: v.recipient) { recipientRevoked = true }
        ctx["canMessage"] = !recipientRevoked
        ctx.merge(
            try taskFormContext(
                s, clientID: nil, referral: v.key, back: "/staff/referrals/\(v.key)?lang=\(language.rawValue)",
                tasks: database.caseload.tasks(.init(referral: v.key), identity: identity), language, posted: taskForm, invalid: taskField)
        ) { _, new in new }
        if let old = v.record.reroutes { ctx["reroutes"] = old }
        return page("staffReferral", ctx, status: status) {
            $0["key"] = v.key
            $0["client"] = v.record.clientName
            $0["dob"] = v.record.clientDateOfBirth
            $0["contact"] = withdrawn ? nil : v.record.clientContact
            $0["needs"] = withdrawn ? "" : v.record.needs.joined(separator: ", ")
            $0["note"] = withdrawn ? "" : v.record.note
            $0["service"] = v.record.serviceName ?? ""
            let provider = provider(serviceID: v.record.serviceID)
            $0["runBy"] = provider.organization ?? false
            $0["providerContact"] = provider.contact ?? false
            let phone = provider.phone.map { $0.filter { $0.isNumber || $0 == "+" } } ?? ""
            $0["providerPhone"] = !phone.isEmpty
            $0["providerPhoneDial"] = phone
            $0["clientLink"] = role == .sender ? ((try? database.journeys.clientID(circle: v.circle)).flatMap { $0 }.map { "/staff/clients/\($0)?lang=\(language.rawValue)" } ?? false) : false
            $0["from"] = v.senderName
            $0["to"] = v.recipientName
            $0["sent"] = when(v.sentAt)
            $0["status"] = statusText(v.status, language)
            $0["overdue"] = v.overdue
            $0["error"] = error
            $0["history"] = [["when": when(v.sentAt), "who": v.senderName, "status": statusText(.requested, language), "refused": false]]
                + v.fold.history.map { step -> [String: Any] in
                    Self.dropEmpty([
                        "when": when(HybridClock.milliseconds(step.change.clock)), "who": step.change.author == v.sender ? v.senderName : v.recipientName,
                        "status": statusText(step.change.transition.to, language),
                        "detail": Self.detail(step.change.transition, language), "refused": step.refused != nil,
                    ])
                }
            // A refused change comes back as it was typed, with the field to put right marked and focused.
            let chosen = posted?.status
            $0["choices"] = choices.map { ["value": $0.rawValue, "label": statusText($0, language), "selected": $0.rawValue == chosen] }
            $0["reason"] = posted?.reason ?? ""
            $0["canDecline"] = choices.contains(.rejected)
            $0["declineChoices"] = DeclineReason.allCases.map {
                ["value": $0.rawValue, "label": t("staff.decline.\($0.rawValue)", language), "selected": $0.rawValue == posted?.decline_reason]
            }
            $0["outcome"] = posted?.outcome ?? ""
            $0["invalid"] = errorField.map { [$0: true] } ?? [:]
            $0["hasChoices"] = !choices.isEmpty
        }
    }

    /// What a change in the history says besides its status: the decline reason from the list, in the
    /// reader's language, then the reason or outcome in the words its author wrote.
    static func detail(_ t: ReferralTransition, _ language: InterfaceLanguage) -> String {
        let words = (t.reason ?? t.outcome ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard let code = t.declineReason else { return words }
        let label = Localization.text("staff.decline.\(code.rawValue)", language)
        return words.isEmpty ? label : "\(label): \(words)"
    }

    func sendMessage(_ request: Request, _ s: StaffSession, _ form: MessageForm, _ language: InterfaceLanguage, key: String) throws -> Response {
        guard let identity else { return notFound(request, s, language) }
        do {
            try database.journeys.sendReferralMessage(
                key: key, text: form.message ?? "", identity: identity, by: s.user.username, today: today(), nowMilliseconds: now())
        } catch let e as JourneyError {
            if e.httpStatus == .notFound { return notFound(request, s, language) }
            return try referralPage(request, s, language, key: key, messageError: e.text(language), message: form.message ?? "", status: .badRequest)
        }
        return Self.redirect("/staff/referrals/\(key)?lang=\(language.rawValue)#messages-heading")
    }

    func changeReferral(_ request: Request, _ s: StaffSession, _ form: ReferralChangeForm, _ language: InterfaceLanguage, key: String) throws -> Response {
        guard let identity else { return notFound(request, s, language) }
        guard let status = ReferralStatus(rawValue: form.status ?? "") else {
            return try referralPage(
                request, s, language, key: key, error: t("staff.error.choose-status", language), status: .badRequest, posted: form, errorField: "status")
        }
        do {
            try database.journeys.changeReferral(
                key: key,
                ReferralTransition(to: status, reason: form.reason, outcome: form.outcome, declineReason: (form.decline_reason).flatMap(DeclineReason.init(rawValue:))),
                identity: identity,
                by: s.user.username, today: today(), nowMilliseconds: now())
        } catch let e as JourneyError {
            let field = e.code == .reasonRequired ? "reason" : e.code == .outcomeRequired ? "outcome" : "status"
            let text = e.code == .reasonRequired && status == .rejected ? t("staff.error.decline-reason", language) : e.text(language)
            return try referralPage(request, s, language, key: key, error: text, status: e.httpStatus, posted: form, errorField: field)
        }
        return Self.redirect("/staff/referrals/\(key)?lang=\(language.rawValue)#referral-status")
    }
}
