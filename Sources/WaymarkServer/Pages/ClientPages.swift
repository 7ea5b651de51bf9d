import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Synchronization
import WaymarkCore
import WaymarkCrypto
import WaymarkStore

/// Clients in control of their consent (`Protocol/SPEC.md` §13): on any member node's public site,
/// the code on a client's receipt and their date of birth open their record (who holds it, what each
/// was sent, the journey, the consents), and let them withdraw or grant consent themselves. Nothing
/// personal goes in a URL; the session lives only in this process, for 15 idle minutes.
struct ClientPages: Sendable {
    let pages: PublicPages
    let database: NodeDatabase
    /// The node's keys: a change the client makes here is carried (signed into the ledger) by this node.
    let identity: NodeIdentity?
    let trustedProxies: Set<String>
    /// Tells the sync shell that something new was written.
    let changed: @Sendable () -> Void
    let sessions = ClientSessions()
    /// Wrong codes or dates of birth: 20 per address in 15 minutes, 5 per typed code in an hour.
    let addressThrottle = AddressThrottle(failures: 20, windowMilliseconds: 15 * 60 * 1000)
    let codeThrottle = AddressThrottle(failures: 5, windowMilliseconds: 60 * 60 * 1000)

    var renderer: PageRenderer { pages.renderer }
    func t(_ key: String, _ language: InterfaceLanguage, _ values: [String: String] = [:]) -> String { Localization.text(key, language, values) }
    func now() -> UInt64 { pages.clock.milliseconds() }
    func today() -> String { BusinessDays.isoDate(dayNumber: pages.clock.now().day) }

    func register(on router: Router<WaymarkRequestContext>) {
        router.get("/me") { request, _ in pages.render { signInPage(request, language: language(request), error: nil) } }
        router.post("/me") { request, context in
            try await signIn(request, client: ClientAddress(request, peer: context.remoteAddress?.ipAddress, trustedProxies: trustedProxies))
        }
        router.get("/me/record") { request, _ in pages.render { try record(request) } }
        router.get("/me/receipt.json") { request, _ in pages.render { try receiptJSON(request) } }
        router.post("/me/withdraw") { request, _ in try await change(request, grant: false) }
        router.post("/me/grant") { request, _ in try await change(request, grant: true) }
        router.post("/me/signout") { request, _ in try await signOut(request) }
        router.post("/me/rate") { request, _ in try await voice(request, checkin: false) }
        router.post("/me/checkin") { request, _ in try await voice(request, checkin: true) }
        router.post("/me/decline") { request, _ in try await decline(request) }
    }

    func language(_ request: Request) -> InterfaceLanguage { PageRenderer.language(request, QueryParameters(rawQuery: request.uri.query)) }

    static let cookieName = "waymark_client"

    func session(_ request: Request) -> (token: String, session: ClientSessions.Session)? {
        guard let token = PageRenderer.cookies(request)[Self.cookieName], let s = sessions.get(token, now: now()) else { return nil }
        return (token, s)
    }

    func page(_ template: String, _ request: Request, _ language: InterfaceLanguage, title: String, status: HTTPResponse.Status = .ok,
        _ edit: (inout [String: Any]) -> Void) -> Response
    {
        var ctx = pages.base(request, language: language, title: title)
        edit(&ctx)
        var response = renderer.page(template, ctx, status: status)
        // A client's record is never kept by the browser or a shared computer's cache.
        response.headers[.cacheControl] = "no-store"
        return response
    }

    // MARK: Signing in

    func signInPage(_ request: Request, language: InterfaceLanguage, error: String?, status: HTTPResponse.Status = .ok, code: String = "",
        day: String = "", month: String = "", year: String = "") -> Response
    {
        page("clientSignIn", request, language, title: t("client.signin.title", language), status: status) {
            $0["error"] = error ?? false
            $0["code"] = code
            $0["day"] = day
            $0["month"] = month
            $0["year"] = year
            $0["signedOut"] = QueryParameters(rawQuery: request.uri.query).string("signed") == "out"
        }
    }

    /// A date of birth from the three fields, ISO; `nil` if it is not a real date.
    static func dateOfBirth(day: String, month: String, year: String) -> String? {
        guard let d = Int(day.trimmingCharacters(in: .whitespaces)), let m = Int(month.trimmingCharacters(in: .whitespaces)),
            let y = Int(year.trimmingCharacters(in: .whitespaces)), (1900...2100).contains(y)
        else { return nil }
        let iso = String(format: "%04d-%02d-%02d", y, m, d)
        return LocalDateTime.parseDate(iso) != nil && BusinessDays.dayNumber(iso) != nil ? iso : nil
    }

    func signIn(_ request: Request, client: ClientAddress?) async throws -> Response {
        let language = language(request)
        guard PublicPages.isSameSite(request) else { return Response(status: .forbidden) }
        let form = try await PublicPages.form(request)
        let language2 = InterfaceLanguage(rawValue: form.string("lang") ?? "") ?? language
        let typed = form.string("code") ?? ""
        let (day, month, year) = (form.string("day") ?? "", form.string("month") ?? "", form.string("year") ?? "")
        func again(_ key: String, _ status: HTTPResponse.Status) -> Response {
            signInPage(request, language: language2, error: t(key, language2), status: status, code: String(typed.prefix(24)), day: String(day.prefix(2)),
                month: String(month.prefix(2)), year: String(year.prefix(4)))
        }
        guard let code = ClientCode.normalized(typed) else { return again("client.error.code", .badRequest) }
        guard let dob = Self.dateOfBirth(day: day, month: month, year: year) else { return again("client.error.dob", .badRequest) }
        let address = client.flatMap { addressThrottle.counts($0) ? $0.address : nil }
        let at = now()
        if let address, addressThrottle.isBlocked(address, now: at) { return again("client.error.busy", .tooManyRequests) }
        if codeThrottle.isBlocked("code:" + code, now: at) { return again("client.error.busy", .tooManyRequests) }
        guard sessions.beginDerivation() else { return again("client.error.load", .serviceUnavailable) }
        defer { sessions.endDerivation() }
        let key = try await Blocking.run { try ClientKey.derive(code: code, dateOfBirth: dob) }
        guard let circle = try database.clientAccess.clientCircle(key: key) else {
            if let address { addressThrottle.failed(address, now: at) }
            codeThrottle.failed("code:" + code, now: at)
            return again("client.error.nomatch", .notFound)
        }
        let token = sessions.open(key: key, circle: circle, now: at)
        try database.audit.record("client", "client record opened", subject: circle, detail: "", nowMilliseconds: at)
        // The home organisation, and the client, learn that the record was opened here (§13.8).
        if let identity {
            try database.clientAccess.recordClientAccess(key: key, circle: circle, identity: identity, today: today(), nowMilliseconds: at)
            changed()
        }
        return Response(
            status: .seeOther,
            headers: [
                .location: "/me/record?lang=\(language2.rawValue)",
                .setCookie: "\(Self.cookieName)=\(token); Path=/me; Max-Age=\(ClientSessions.idleSeconds); SameSite=Strict; HttpOnly",
                .cacheControl: "no-store",
            ])
    }

    func signOut(_ request: Request) async throws -> Response {
        let language = language(request)
        if let (token, _) = session(request) { sessions.close(token) }
        return Response(
            status: .seeOther,
            headers: [.location: "/me?signed=out&lang=\(language.rawValue)", .setCookie: "\(Self.cookieName)=; Path=/me; Max-Age=0; SameSite=Strict; HttpOnly"])
    }

    // MARK: The record

    func record(_ request: Request, notice: String? = nil, error: String? = nil) throws -> Response {
        let language = language(request)
        guard let (_, s) = session(request) else { return Self.toSignIn(language) }
        let v = try database.clientAccess.clientRecord(key: s.key, circle: s.circle, today: today())
        let p = QueryParameters(rawQuery: request.uri.query)
        let noticeText = notice ?? p.string("done").flatMap {
            ["withdrawn": "client.done.withdrawn", "granted": "client.done.granted", "rated": "client.done.rated", "checkin": "client.done.checkin", "declined": "client.done.declined"][$0]
        }.map { t($0, language) }
        let instruments = (try? database.journeys.instruments()) ?? []
        let members = (try? database.knownNodes()) ?? []
        let inForce = Set(v.journey.consents.organizations.filter { if case .granted = v.journey.consents.standing(of: $0) { return true } else { return false } })
        return page("clientRecord", request, language, title: t("client.record.title", language)) {
            $0["notice"] = noticeText ?? false
            $0["error"] = error ?? false
            $0["csrf"] = s.csrf
            $0["homeName"] = v.homeName
            $0["acting"] = v.actingAs.map {
                t("client.acting", language, ["relationship": t("client.relationship.\($0.relationship)", language), "home": v.homeName, "authority": $0.authority])
            } ?? false
            $0["proxies"] = v.proxies.map {
                t("client.proxy.line", language, ["name": $0.name, "relationship": t("client.relationship.\($0.relationship)", language), "authority": $0.authority])
            }
            $0["hasProxies"] = !v.proxies.isEmpty
            let open = v.requests.filter { $0.state == .open }
            $0["requests"] = open.map { r -> [String: Any] in
                // Agreeing keeps what the organisation already has and adds what it asks for.
                var asked = r.purposes
                if case .granted(let g, _) = v.journey.consents.standing(of: r.organization) { asked.formUnion(g.purposes) }
                return [
                    "id": r.id, "org": r.organization,
                    "text": t("client.request.line", language, ["org": r.organizationName, "purposes": purposes(r.purposes, language)]),
                    "reason": r.reason, "purposes": asked.sorted().map(\.rawValue), "name": r.organizationName,
                ]
            }
            $0["hasRequests"] = !open.isEmpty
            $0["accesses"] = v.accesses.prefix(20).map { a -> String in
                let who = a.by.map { "\($0.name) (\(t("client.relationship.\($0.relationship)", language)))" } ?? t("client.access.you", language)
                return t("client.access.line", language, ["date": PublicPages.shownDate(a.on, language), "site": a.site, "who": who])
            }
            $0["holders"] = v.holders.map { h -> [String: Any] in
                let kinds = h.kinds.sorted { $0.key < $1.key }.map { t("client.kind.\($0.key)\($0.value == 1 ? ".one" : "")", language, ["count": "\($0.value)"]) }
                return ["name": h.name, "what": kinds.joined(separator: ", "), "isHome": h.organization == v.home]
            }
            $0["consents"] = v.journey.consents.organizations.compactMap { org -> [String: Any]? in
                guard !(bytesFromHex(org).map { Circle(checkedScope: v.circle).isOwned(by: $0) } ?? false) else { return nil }
                let name = v.journey.consents.standing(of: org)
                var row: [String: Any] = ["org": org, "name": (v.holders.first { $0.organization == org }?.name) ?? Self.name(of: org, members)]
                switch name {
                case .granted(let g, _):
                    row["state"] = t("client.consent.granted", language, ["purposes": purposes(g.purposes, language), "end": PublicPages.shownDate(g.end, language)])
                    row["granted"] = true
                case .revoked:
                    row["state"] = t("client.consent.withdrawn", language)
                    row["granted"] = false
                case .none:
                    return nil
                }
                return row
            }
            $0["hasConsents"] = !v.journey.consents.organizations.isEmpty
            $0["grantable"] = members.filter { m in
                let key = hexString(m.author)
                return !inForce.contains(key) && !Circle(checkedScope: v.circle).isOwned(by: m.author)
            }.map { ["org": hexString($0.author), "name": $0.organizationName] }
            $0["hasGrantable"] = members.contains { !inForce.contains(hexString($0.author)) && !Circle(checkedScope: v.circle).isOwned(by: $0.author) }
            $0["timeline"] = v.journey.timeline.reversed().map { e -> [String: Any] in
                // A status in the client's words; a consent change says whether the client made it.
                let subject = e.event == "referral-status" ? t("staff.status.\(e.subject)", language) : e.subject
                return [
                    "when": PublicPages.shownDate(BusinessDays.isoDate(dayNumber: Int(e.at / 86_400_000)), language),
                    "what": t("client.event.\(e.event)\(e.byClient ? ".you" : "")", language, ["who": e.organizationName, "other": e.otherName, "subject": subject]),
                ]
            }
            $0["hasTimeline"] = !v.journey.timeline.isEmpty
            $0["changes"] = v.changes.map { c -> [String: Any] in
                [
                    "what": t(c.granted ? "client.change.granted" : "client.change.withdrawn", language, ["org": c.organizationName]),
                    "when": PublicPages.shownDate(BusinessDays.isoDate(dayNumber: Int(c.at / 86_400_000)), language),
                    "via": t("client.change.via", language, ["site": c.carriedByName]),
                    "by": c.actedBy.map { t("client.change.by", language, ["name": $0.name, "relationship": t("client.relationship.\($0.relationship)", language)]) } ?? false,
                    "acks": c.acknowledgements.map {
                        ["name": $0.name, "when": PublicPages.shownDate(BusinessDays.isoDate(dayNumber: Int($0.at / 86_400_000)), language)]
                    },
                    "waiting": c.acknowledgements.isEmpty,
                ]
            }
            $0["hasChanges"] = !v.changes.isEmpty
            // Their own view of their progress, beside the worker's (§13.5).
            $0["goals"] = v.journey.goals.compactMap { g -> [String: Any]? in
                let known = g.instrumentID.flatMap { id in instruments.first { $0.id == id } }
                let areas = known?.areas ?? g.readings.map(\.area)
                guard !areas.isEmpty else { return nil }
                let stages = known?.stages ?? 10
                let mine = v.journey.clientReadings[g.id] ?? [:]
                return [
                    "id": g.id, "title": g.title, "by": g.organizationName,
                    "areas": areas.enumerated().map { i, area -> [String: Any] in
                        let worker = g.readings.first { $0.area == area }
                        return [
                            "i": i, "area": area, "areaName": Localization.areaName(area, language), "worker": worker.map { "\($0.stage) / \(stages)" } ?? "–",
                            "mine": mine[area].map { "\($0.stage) / \(stages)" } ?? "–",
                            "choices": (1...stages).map { ["n": $0] },
                        ]
                    },
                ]
            }
            $0["hasGoals"] = !(($0["goals"] as? [Any])?.isEmpty ?? true)
            // After a referral closes: did you get the help you needed?
            $0["closed"] = v.journey.referrals.filter { $0.status.isClosed && $0.status != .enteredInError }.map { r -> [String: Any] in
                var row: [String: Any] = ["id": r.record.id, "service": r.record.serviceName ?? r.recipientName, "org": r.recipientName, "scores": (0...10).map { ["n": $0] }]
                if let c = v.journey.checkins[r.record.id] {
                    row["answered"] = t("client.checkin.answered", language, ["score": "\(c.score)"])
                    row["comment"] = c.comment ?? false
                } else {
                    row["answered"] = false
                }
                return row
            }
            $0["hasClosed"] = v.journey.referrals.contains { $0.status.isClosed && $0.status != .enteredInError }
        }
    }

    func purposes(_ set: Set<ConsentPurpose>, _ language: InterfaceLanguage) -> String {
        ConsentPurpose.allCases.filter(set.contains).map { t("client.purpose.\($0.rawValue)", language) }.joined(separator: t("client.and", language))
    }

    static func name(of org: String, _ members: [NodeDatabase.KnownNode]) -> String {
        members.first { hexString($0.author) == org }?.organizationName ?? org
    }

    static func toSignIn(_ language: InterfaceLanguage) -> Response {
        Response(status: .seeOther, headers: [.location: "/me?lang=\(language.rawValue)", .cacheControl: "no-store"])
    }

    // MARK: Changes

    enum Posted {
        case accepted(QueryParameters, ClientSessions.Session, NodeIdentity)
        case refused(Response)
    }

    /// A form the client posted: from this site, in an open session, with the session's token.
    func posted(_ request: Request, _ language: InterfaceLanguage) async throws -> Posted {
        guard PublicPages.isSameSite(request) else { return .refused(Response(status: .forbidden)) }
        let form = try await PublicPages.form(request)
        guard let (_, s) = session(request) else { return .refused(Self.toSignIn(language)) }
        guard let csrf = form.string("csrf"), Tokens.equal(csrf, s.csrf) else { return .refused(Response(status: .forbidden)) }
        guard let identity else { return .refused(pages.notFound(request)) }
        return .accepted(form, s, identity)
    }

    /// Withdrawing (or granting) is two steps from the record: the button, then "Yes" on a page that
    /// says what will happen; the record then shows the change and, as they arrive, each holder's
    /// confirmation.
    func change(_ request: Request, grant: Bool) async throws -> Response {
        let language = language(request)
        let (form, s, identity): (QueryParameters, ClientSessions.Session, NodeIdentity)
        switch try await posted(request, language) {
        case .refused(let response): return response
        case .accepted(let f, let session, let id): (form, s, identity) = (f, session, id)
        }
        let org = form.string("organization") ?? ""
        let members = (try? database.knownNodes()) ?? []
        let name = Self.name(of: org, members)
        let chosen = Set(form.values("purpose").compactMap(ConsentPurpose.init(rawValue:)))
        let purposes = chosen.isEmpty ? [ConsentPurpose.referral] : chosen
        if form.string("confirm") != "yes" {
            return page("clientConfirm", request, language, title: t(grant ? "client.grant.title" : "client.withdraw.title", language)) {
                $0["csrf"] = s.csrf
                $0["org"] = org
                $0["grant"] = grant
                $0["action"] = grant ? "/me/grant" : "/me/withdraw"
                $0["heading"] = t(grant ? "client.grant.confirm" : "client.withdraw.confirm", language, ["org": name])
                $0["explain"] = t(grant ? "client.grant.explain" : "client.withdraw.explain", language, ["org": name, "purposes": self.purposes(purposes, language)])
                $0["yes"] = t(grant ? "client.grant.yes" : "client.withdraw.yes", language)
                $0["purposes"] = purposes.sorted().map(\.rawValue)
            }
        }
        let event: ConsentEvent
        let today = today()
        if grant {
            let months = (try? database.journeys.consentMonths()) ?? NodeDatabase.defaultConsentMonths
            event = .grant(
                ConsentGrant(
                    organization: org, purposes: purposes, dataClasses: ["contact", "needs"], start: today, end: BusinessDays.consentEnd(months: months, from: today),
                    method: .digital, recordedBy: "client"), after: [])
        } else {
            event = .revoke(organization: org, method: .digital, recordedBy: "client", reason: nil)
        }
        do {
            try database.clientAccess.clientConsentChange(key: s.key, circle: s.circle, event, identity: identity, today: today, nowMilliseconds: now())
        } catch let e as NodeDatabase.ClientAccessError {
            let key: String
            switch e {
            case .nothingToChange: key = "client.error.nothing"
            case .noSuchClient: return Self.toSignIn(language)
            default: key = "client.error.organization"
            }
            return try record(request, error: t(key, language))
        }
        try database.clientAccess.acknowledgeClientConsents(identity: identity, nowMilliseconds: now())
        changed()
        return Response(status: .seeOther, headers: [.location: "/me/record?done=\(grant ? "granted" : "withdrawn")&lang=\(language.rawValue)#client-notice"])
    }

    /// The client rates their own progress on a goal (each area they chose a stage for), or answers
    /// the check-in for a closed referral. One step: the form, then the record again.
    func voice(_ request: Request, checkin: Bool) async throws -> Response {
        let language = language(request)
        let (form, s, identity): (QueryParameters, ClientSessions.Session, NodeIdentity)
        switch try await posted(request, language) {
        case .refused(let response): return response
        case .accepted(let f, let session, let id): (form, s, identity) = (f, session, id)
        }
        let today = today()
        var voices: [ClientVoice] = []
        if checkin {
            guard let score = form.string("score").flatMap(Int.init), (0...10).contains(score) else {
                return try record(request, error: t("client.error.score", language))
            }
            let comment = form.string("comment").map { String($0.prefix(2000)) }
            voices = [.checkin(referralID: form.string("referral") ?? "", score: score, comment: comment, date: today, onPaper: false)]
        } else {
            let goal = form.string("goal") ?? ""
            let counted = form.string("statistics") == "yes"
            for i in 0..<20 {
                guard let area = form.string("area-\(i)"), let stage = form.string("stage-\(i)").flatMap(Int.init), (1...10).contains(stage) else { continue }
                voices.append(.reading(goalID: goal, area: area, stage: stage, date: today, counted: counted))
            }
            if voices.isEmpty { return try record(request, error: t("client.error.rate", language)) }
        }
        do {
            for (k, v) in voices.enumerated() {
                try database.clientAccess.clientVoice(key: s.key, circle: s.circle, v, identity: identity, today: today, nowMilliseconds: now() + UInt64(k))
            }
        } catch let e as NodeDatabase.ClientAccessError {
            if e == .noSuchClient { return Self.toSignIn(language) }
            return try record(request, error: t("client.error.nothing", language))
        }
        changed()
        return Response(status: .seeOther, headers: [.location: "/me/record?done=\(checkin ? "checkin" : "rated")&lang=\(language.rawValue)#client-notice"])
    }

    /// The client says no to an organisation's request to share (one step; nothing is shared).
    func decline(_ request: Request) async throws -> Response {
        let language = language(request)
        let (form, s, identity): (QueryParameters, ClientSessions.Session, NodeIdentity)
        switch try await posted(request, language) {
        case .refused(let response): return response
        case .accepted(let f, let session, let id): (form, s, identity) = (f, session, id)
        }
        do {
            try database.clientAccess.declineConsentRequest(key: s.key, circle: s.circle, request: form.string("request") ?? "", identity: identity, nowMilliseconds: now())
        } catch NodeDatabase.ClientAccessError.nothingToChange {
            return try record(request, error: t("client.error.nothing", language))
        } catch is NodeDatabase.ClientAccessError {
            return Self.toSignIn(language)
        }
        changed()
        return Response(status: .seeOther, headers: [.location: "/me/record?done=declined&lang=\(language.rawValue)#client-notice"])
    }

    // MARK: The receipt as data

    /// The client's consents as a consent receipt (fields of the Kantara Consent Receipt 1.1, which
    /// ISO/IEC TS 27560 took up): one `services` entry per organisation the client consented to.
    func receiptJSON(_ request: Request) throws -> Response {
        let language = language(request)
        guard let (_, s) = session(request) else { return Self.toSignIn(language) }
        let v = try database.clientAccess.clientRecord(key: s.key, circle: s.circle, today: today())
        let services: [JSONValue] = v.journey.consents.organizations.compactMap { org in
            guard case .granted(let g, let id) = v.journey.consents.standing(of: org) else { return nil }
            let name = v.holders.first { $0.organization == org }?.name ?? org
            let purposes: [JSONValue] = g.purposes.sorted().map { p in
                .object(
                    JSONObject([
                        ("purpose", .string(t("client.purpose.\(p.rawValue)", .english))), ("purposeCategory", .array([.string(p.rawValue)])),
                        ("consentType", .string("EXPLICIT")), ("piiCategory", .array(g.dataClasses.map(JSONValue.string))), ("primaryPurpose", .bool(true)),
                        ("termination", .string(g.end)), ("thirdPartyDisclosure", .bool(true)), ("thirdPartyName", .string(name)),
                    ]))
            }
            return .object(
                JSONObject([
                    ("service", .string(name)), ("consentRecordID", .string(hexString(id))), ("consentStart", .string(g.start)),
                    ("collectionMethod", .string(g.method.rawValue)), ("purposes", .array(purposes)),
                ]))
        }
        let body = JSONObject([
            ("version", .string("KI-CR-v1.1.0")), ("specification", .string("ISO/IEC TS 27560 (Kantara Consent Receipt 1.1 fields)")),
            ("jurisdiction", .string("IE")), ("consentTimestamp", JSONValue(Double(now() / 1000))), ("language", .string(language.rawValue)),
            ("piiPrincipalId", .string(hexString(s.key.signingPublicKey))),
            ("piiControllers", .array([.object(JSONObject([("piiController", .string(v.homeName)), ("contact", .string(t("client.receipt.contact", .english)))]))])),
            ("policyUrl", .string("/me")), ("services", .array(services)), ("sensitive", .bool(false)),
            ("withdrawal", .string(t("client.receipt.withdraw", .english))),
        ])
        return Response(
            status: .ok, headers: [.contentType: "application/json", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: JSONValue.object(body).canonicalBytes)))
    }
}

/// Client sessions, in this process only: a random token (the cookie) names the client's key and
/// circle for 15 idle minutes. A restart signs everyone out; nothing of them is written to disk.
final class ClientSessions: Sendable {
    struct Session: Sendable {
        let key: NodeIdentity
        let circle: String
        let csrf: String
        var lastSeen: UInt64
    }

    static let idleSeconds = 900
    static let capacity = 5_000
    private let state = Mutex<[String: Session]>([:])

    func open(key: NodeIdentity, circle: String, now: UInt64) -> String {
        let token = Tokens.random()
        state.withLock { s in
            if s.count >= Self.capacity { s = s.filter { now - $0.value.lastSeen < UInt64(Self.idleSeconds) * 1000 } }
            if s.count >= Self.capacity, let oldest = s.min(by: { $0.value.lastSeen < $1.value.lastSeen })?.key { s[oldest] = nil }
            s[Tokens.digest(token)] = Session(key: key, circle: circle, csrf: Tokens.random(bytes: 16), lastSeen: now)
        }
        return token
    }

    func get(_ token: String, now: UInt64) -> Session? {
        state.withLock { s in
            let id = Tokens.digest(token)
            guard var session = s[id] else { return nil }
            guard now - session.lastSeen < UInt64(Self.idleSeconds) * 1000 else {
                s[id] = nil
                return nil
            }
            session.lastSeen = now
            s[id] = session
            return session
        }
    }

    func close(_ token: String) { state.withLock { $0[Tokens.digest(token)] = nil } }

    /// Key derivations running at once (each holds 64 MiB for about a tenth of a second), so that a
    /// burst of sign-ins cannot take the node's memory.
    static let maximumDerivations = 4
    private let derivations = Mutex(0)

    func beginDerivation() -> Bool {
        derivations.withLock { n in
            guard n < Self.maximumDerivations else { return false }
            n += 1
            return true
        }
    }

    func endDerivation() { derivations.withLock { $0 -= 1 } }
}
