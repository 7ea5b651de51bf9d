import Foundation
import HTTPTypes
import Hummingbird
import WaymarkCore
import WaymarkCrypto
import WaymarkStore

/// Consents on a client's page: recording and withdrawing them (each a private envelope to the
/// receiving organisation, `Protocol/SPEC.md` §8), and the printable receipt for the client.
extension StaffPages {
    func registerConsents(_ routes: StaffRoutes) {
        routes.signedIn.post("clients/:id/consents") { request, context in
            try grantConsent(request, context.staff(), context.form(ConsentForm.self), context.language, id: context.parameters.get("id") ?? "")
        }
        routes.signedIn.post("clients/:id/consents/revoke") { request, context in
            try revokeConsent(request, context.staff(), context.form(ConsentWithdrawalForm.self), context.language, id: context.parameters.get("id") ?? "")
        }
        routes.signedIn.post("clients/:id/checkin") { request, context in
            try paperCheckin(request, context.staff(), context.form(PaperCheckinForm.self), context.language, id: context.parameters.get("id") ?? "")
        }
        routes.signedIn.post("clients/:id/proxy") { request, context in
            try clientCode(request, context.staff(), ClientCodeForm(dob: nil), context.language, id: context.parameters.get("id") ?? "",
                proxy: context.form(ProxyForm.self))
        }
        routes.signedIn.post("clients/:id/proxy/end") { request, context in
            let id = context.parameters.get("id") ?? ""
            guard let identity else { return notFound(request, try context.staff(), context.language) }
            try database.clientAccess.endProxy(clientID: id, slot: try context.form(ProxyForm.self).slot ?? "", identity: identity, by: try context.staff().user.username,
                nowMilliseconds: now())
            changed()
            return Self.redirect("/staff/clients/\(id)?lang=\(context.language.rawValue)#proxies-heading")
        }
        routes.signedIn.get("checkins") { request, context in try checkinsPage(request, context.staff(), context.language) }
        routes.signedIn.post("checkins/changes") { request, context in
            try feedbackChange(request, context.staff(), context.form(FeedbackChangeForm.self), context.language)
        }
        routes.signedIn.post("clients/:id/client-code") { request, context in
            try clientCode(request, context.staff(), context.form(ClientCodeForm.self), context.language, id: context.parameters.get("id") ?? "")
        }
        routes.signedIn.get("clients/:id/consents/:org/receipt") { request, context in
            try receipt(request, context.staff(), context.language, id: context.parameters.get("id") ?? "", org: context.parameters.get("org") ?? "")
        }
    }

    /// Today's date in Europe/Dublin, ISO.
    func today() -> String { BusinessDays.isoDate(dayNumber: pages.clock.now().day) }

    /// The consent rows and form values for a client's page.
    func consentContext(_ s: StaffSession, _ language: InterfaceLanguage, consents views: [ConsentView]) throws -> [String: Any] {
        guard let identity else { return [:] }
        let today = today()
        let partners = try database.journeys.partnerOrganizations(identity: identity)
        return [
            "consents": views.map { v -> [String: Any] in
                let state: String
                switch v.standing {
                case .revoked: state = t("staff.consent.revoked", language)
                case .granted: state = !v.coversToday ? t("staff.consent.outside", language) : v.expiringSoon ? t("staff.consent.expiring", language) : t("staff.consent.inforce", language)
                case .none: state = ""
                }
                return [
                    "org": v.organization, "orgName": v.organizationName, "state": state, "granted": v.grant != nil,
                    "purposes": v.grant.map { purposes($0, language) } ?? "", "classes": v.grant.map { classes($0, language) } ?? "",
                    "term": v.grant.map { "\($0.start) – \($0.end)" } ?? "", "method": v.grant.map { t("staff.consent.method.\($0.method.rawValue)", language) } ?? "",
                ]
            },
            "hasConsents": !views.isEmpty,
            "partners": partners.map { ["key": hexString($0.author), "name": $0.organizationName, "fingerprint": $0.fingerprint] },
            "hasPartners": !partners.isEmpty,
            "today": today,
            "defaultEnd": BusinessDays.consentEnd(months: try database.journeys.consentMonths(), from: today),
        ]
    }

    /// The page language a client's preferred language asks for, when it is one the pages have.
    static func clientLanguage(_ preferred: String) -> InterfaceLanguage? {
        let p = preferred.lowercased()
        if p.hasPrefix("ga") || p.hasPrefix("irish") || p.hasPrefix("gaeilge") { return .irish }
        if p.hasPrefix("en") { return .english }
        return nil
    }

    func purposes(_ g: ConsentGrant, _ language: InterfaceLanguage) -> String {
        g.purposes.sorted().map { t("staff.consent.purpose.\($0.rawValue)", language) }.joined(separator: ", ")
    }

    func classes(_ g: ConsentGrant, _ language: InterfaceLanguage) -> String {
        g.dataClasses.map { t("staff.consent.class.\($0)", language) }.joined(separator: ", ")
    }

    func grantConsent(_ request: Request, _ s: StaffSession, _ form: ConsentForm, _ language: InterfaceLanguage, id: String) throws -> Response {
        guard let identity else { return notFound(request, s, language) }
        let purposes = Set((form.purpose ?? []).compactMap(ConsentPurpose.init(rawValue:)))
        // Only what a referral can carry, so that a receipt never promises a limit nothing enforces:
        // contact details and needs go with a referral only if ticked. (Progress is shared under the
        // progress purpose; nothing in a referral or a record holds health information. Consents
        // recorded with those classes before still show them.)
        let known: Set<String> = ["contact", "needs"]
        let grant = ConsentGrant(
            organization: form.organization ?? "", purposes: purposes, dataClasses: (form.dataClasses ?? []).filter { known.contains($0) },
            start: form.start ?? "", end: form.end ?? "", method: ConsentMethod(rawValue: form.method ?? "") ?? .written,
            recordedBy: s.user.displayName)
        do {
            try database.journeys.recordConsent(clientID: id, .grant(grant, after: []), identity: identity, by: s.user.username, nowMilliseconds: now())
        } catch let e as JourneyError {
            if e.code == .noSuchClient { return notFound(request, s, language) }
            return try clientPage(request, s, language, id: id, consentError: e.text(language), status: e.httpStatus)
        }
        return Self.redirect("/staff/clients/\(id)?lang=\(language.rawValue)#consents-heading")
    }

    func revokeConsent(_ request: Request, _ s: StaffSession, _ form: ConsentWithdrawalForm, _ language: InterfaceLanguage, id: String) throws -> Response {
        guard let identity else { return notFound(request, s, language) }
        let org = form.organization ?? ""
        if form.confirm != "yes" {
            // First what withdrawing does, and how the client said so; then yes or cancel.
            guard let c = try database.caseload.client(id: id, identity: identity, by: s.user.username, nowMilliseconds: now()),
                let v = try database.journeys.consents(clientID: id, identity: identity, today: today()).first(where: { $0.organization == org })
            else { return notFound(request, s, language) }
            let words = ["org": v.organizationName, "client": c.record.name]
            return page("staffWithdraw", base(request, language, title: t("staff.withdraw.title", language, words), session: s)) {
                $0["id"] = id
                $0["org"] = org
                $0["heading"] = t("staff.withdraw.title", language, words)
                $0["effects"] = ["staff.withdraw.effect.nothing", "staff.withdraw.effect.referrals", "staff.withdraw.effect.again"].map { t($0, language, words) }
                $0["reasonHint"] = t("staff.withdraw.reason.hint", language, words)
                $0["yes"] = t("staff.withdraw.yes", language, words)
            }
        }
        let reason = form.reason.map { String($0.trimmingCharacters(in: .whitespacesAndNewlines).prefix(500)) }.flatMap { $0.isEmpty ? nil : $0 }
        let event = ConsentEvent.revoke(
            organization: org, method: ConsentMethod(rawValue: form.method ?? "") ?? .verbal,
            recordedBy: s.user.displayName, reason: reason)
        do {
            try database.journeys.recordConsent(clientID: id, event, identity: identity, by: s.user.username, nowMilliseconds: now())
        } catch let e as JourneyError {
            if e.code == .noSuchClient { return notFound(request, s, language) }
            return try clientPage(request, s, language, id: id, consentError: e.text(language), status: e.httpStatus)
        }
        return Self.redirect("/staff/clients/\(id)?lang=\(language.rawValue)&done=withdrawn&org=\(org)#consents-heading")
    }

    func receipt(_ request: Request, _ s: StaffSession, _ language: InterfaceLanguage, id: String, org: String) throws -> Response {
        guard let identity, let c = try database.caseload.client(id: id, identity: identity, by: s.user.username, nowMilliseconds: now()),
            let v = try database.journeys.consents(clientID: id, identity: identity, today: today()).first(where: { $0.organization == org }), let g = v.grant
        else { return notFound(request, s, language) }
        try database.audit.record(s.user.username, "print consent receipt", subject: id, detail: v.organizationName, nowMilliseconds: now())
        let names = ["client": c.record.name, "home": organization, "org": v.organizationName]
        // The receipt is the client's: in their language (English or Irish), the staff pages around it in the worker's.
        let sheet = Self.clientLanguage(c.record.language) ?? language
        return page("staffReceipt", base(request, language, title: t("staff.receipt.title", language), session: s)) {
            $0["sheetLang"] = sheet.rawValue
            $0["w"] = [
                "title": t("staff.receipt.title", sheet), "org": t("staff.consent.org", sheet), "purposes": t("staff.consent.purposes", sheet),
                "classes": t("staff.consent.classes", sheet), "from": t("staff.consent.from", sheet), "until": t("staff.consent.until", sheet),
                "method": t("staff.consent.method", sheet), "recordedby": t("staff.receipt.recordedby", sheet),
            ]
            $0["intro"] = t("staff.receipt.intro", sheet, names)
            $0["orgName"] = v.organizationName
            $0["purposes"] = purposes(g, sheet)
            $0["classes"] = classes(g, sheet)
            $0["start"] = PublicPages.shownDate(g.start, sheet)
            $0["end"] = PublicPages.shownDate(g.end, sheet)
            $0["method"] = t("staff.consent.method.\(g.method.rawValue)", sheet)
            $0["recordedBy"] = g.recordedBy
            $0["withdraw"] = t("staff.receipt.withdraw", sheet, names)
        }
    }

    /// Issues the client's own code (`Protocol/SPEC.md` §13) and shows the receipt to print, in the
    /// client's language: the code (shown once, kept nowhere), where to use it, and what they agreed to.
    func clientCode(
        _ request: Request, _ s: StaffSession, _ form: ClientCodeForm, _ language: InterfaceLanguage, id: String, proxy: ProxyForm? = nil
    ) throws -> Response {
        guard let identity, let c = try database.caseload.client(id: id, identity: identity, by: s.user.username, nowMilliseconds: now()) else {
            return notFound(request, s, language)
        }
        let issued: IssuedReceipt
        do {
            issued = try database.clientAccess.issueClientReceipt(
                clientID: id, dateOfBirth: proxy?.dob ?? form.dob,
                proxy: proxy.map { ($0.name ?? "", $0.relationship ?? "", $0.authority ?? "") }, identity: identity, by: s.user.username,
                nowMilliseconds: now())
        } catch NodeDatabase.ClientAccessError.dateOfBirthMissing {
            return try clientPage(request, s, language, id: id, consentError: t("staff.clientcode.error.dob", language), status: .badRequest)
        } catch NodeDatabase.ClientAccessError.proxyDetails {
            return try clientPage(request, s, language, id: id, consentError: t("staff.proxy.error", language), status: .badRequest)
        }
        changed()
        let sheet: InterfaceLanguage = proxy == nil ? Self.clientLanguage(c.record.language) ?? language : language
        let home = organization
        let lines = try database.journeys.consents(clientID: id, identity: identity, today: today()).compactMap { v -> String? in
            guard let g = v.grant, v.coversToday else { return nil }
            let what = ConsentPurpose.allCases.filter(g.purposes.contains).map { Localization.text("client.purpose.\($0.rawValue)", sheet) }.joined(separator: Localization.text("client.and", sheet))
            return Localization.text("clientsheet.line", sheet, ["org": v.organizationName, "purposes": what, "end": PublicPages.shownDate(g.end, sheet)])
        }
        let host = request.head.authority ?? "localhost"
        let scheme = request.headers[HTTPField.Name("X-Forwarded-Proto")!] == "https" ? "https" : "http"
        return page("staffClientCode", base(request, language, title: Localization.text("clientsheet.title", sheet), session: s)) {
            $0["id"] = id
            $0["code"] = ClientCode.shown(issued.code)
            $0["url"] = "\(scheme)://\(host)/me"
            // The QR code opens the same page with the code after "#", which no server sees (SPEC §13.4).
            let qrText = "\(scheme)://\(host)/me\(sheet == .irish ? "?lang=ga" : "")#code=\(issued.code)"
            $0["qr"] = (try? QRCode(qrText).svg(moduleSize: 3, label: Localization.text("clientsheet.qr.label", sheet))) ?? false
            $0["consents"] = lines
            $0["sheetLang"] = sheet.rawValue
            var words: [String: String] = [:]
            for key in ["title", "dob", "where", "shared", "none", "qr"] { words[key] = Localization.text("clientsheet.\(key)", sheet) }
            words["intro"] = Localization.text("clientsheet.intro", sheet, ["home": home])
            if let proxy {
                let relationship = Localization.text("client.relationship.\(proxy.relationship ?? "other")", sheet)
                words["title"] = Localization.text("clientsheet.proxy.title", sheet)
                words["intro"] = Localization.text("clientsheet.proxy.intro", sheet, ["home": home, "name": proxy.name ?? "", "relationship": relationship])
                words["dob"] = Localization.text("clientsheet.proxy.dob", sheet)
            }
            words["withdraw"] = Localization.text("clientsheet.withdraw", sheet, ["home": home])
            words["issued"] = Localization.text("clientsheet.issued", sheet, ["date": PublicPages.shownDate(today(), sheet)])
            $0["sheet"] = words
        }
    }

    /// A check-in the client filled in on paper, written down at the home organisation.
    func paperCheckin(_ request: Request, _ s: StaffSession, _ form: PaperCheckinForm, _ language: InterfaceLanguage, id: String) throws -> Response {
        guard let identity else { return notFound(request, s, language) }
        guard let score = form.score.flatMap(Int.init), (0...10).contains(score) else {
            return try clientPage(request, s, language, id: id, consentError: t("client.error.score", language), status: .badRequest)
        }
        do {
            try database.clientAccess.recordPaperCheckin(
                clientID: id, referralID: form.referral ?? "", score: score, comment: form.comment, identity: identity, by: s.user.username, today: today(),
                nowMilliseconds: now())
        } catch NodeDatabase.ClientAccessError.noSuchClient {
            return notFound(request, s, language)
        } catch is NodeDatabase.ClientAccessError {
            return try clientPage(request, s, language, id: id, consentError: t("client.error.nothing", language), status: .conflict)
        }
        changed()
        return Self.redirect("/staff/clients/\(id)?lang=\(language.rawValue)#checkins-heading")
    }

    /// What clients said about the help this organisation gave (§13.5): every check-in about a
    /// referral it received, with the count and the average.
    func checkinsPage(_ request: Request, _ s: StaffSession, _ language: InterfaceLanguage, error: String? = nil) throws -> Response {
        guard let identity else { return notFound(request, s, language) }
        let all = try database.clientAccess.checkinsReceived(identity: identity, today: today())
        let average = all.isEmpty ? 0 : Double(all.map(\.checkin.score).reduce(0, +)) / Double(all.count)
        let helped = all.filter { $0.checkin.score >= 7 }.count
        return page("staffCheckins", base(request, language, title: t("staff.checkins.title", language), session: s)) {
            $0["summary"] = all.isEmpty
                ? t("staff.checkins.none", language)
                : t("staff.checkins.summary", language, ["n": "\(all.count)", "average": String(format: "%.1f", average), "helped": "\(helped)"])
            $0["rows"] = all.map { c -> [String: Any] in
                [
                    "service": c.service, "score": c.checkin.score, "date": c.checkin.date, "comment": c.checkin.comment ?? false,
                    "how": t(c.checkin.onPaper ? "staff.checkin.paper" : "staff.checkin.own", language),
                ]
            }
            $0["hasRows"] = !all.isEmpty
            let changes = (try? database.clientAccess.feedbackChanges()) ?? []
            $0["changes"] = changes.map { ["date": PublicPages.shownDate($0.writtenOn, language), "text": $0.text, "by": $0.username] }
            $0["hasChanges"] = !changes.isEmpty
            $0["changeError"] = error ?? false
        }
    }

    /// "You said, we did": staff note what the organisation changed because of clients' answers.
    func feedbackChange(_ request: Request, _ s: StaffSession, _ form: FeedbackChangeForm, _ language: InterfaceLanguage) throws -> Response {
        do {
            try database.clientAccess.addFeedbackChange(form.text ?? "", by: s.user.username, today: today(), nowMilliseconds: now())
        } catch is NodeDatabase.ClientAccessError {
            var r = try checkinsPage(request, s, language, error: t("staff.changes.empty", language))
            r.status = .badRequest
            return r
        }
        return Self.redirect("/staff/checkins?lang=\(language.rawValue)#changes-heading")
    }
}
