import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import WaymarkCore
import WaymarkCrypto
import WaymarkStore

extension PublicPages {
    func registerListAndSuggest(on router: Router<WaymarkRequestContext>) {
        router.get("/list") { request, _ in render { try list(request) } }
        router.post("/list/add") { request, _ in try await changeList(request) { ids, id in ids.contains(id) ? ids : ids + [id] } }
        router.post("/list/remove") { request, _ in try await changeList(request) { ids, id in ids.filter { $0 != id } } }
        router.post("/list/clear") { request, _ in try await changeList(request) { _, _ in [] } }
        router.get("/services/:id/suggest") { request, context in
            render { try suggestForm(request, id: context.parameters.get("id") ?? "", error: nil, message: "", contact: "") }
        }
        router.post("/services/:id/suggest") { request, context in try await suggest(request, id: context.parameters.get("id") ?? "") }
        router.get("/suggestions") { request, context in
            render { try follow(request, client: ClientAddress(request, peer: context.remoteAddress?.ipAddress, trustedProxies: trustedProxies)) }
        }
    }

    /// A form posted from another site is refused: its Origin (sent by browsers on POST) must be this site.
    static func isSameSite(_ request: Request) -> Bool {
        if request.headers[HTTPField.Name("Sec-Fetch-Site")!].map({ $0 == "cross-site" }) == true { return false }
        guard let origin = request.headers[HTTPField.Name("Origin")!], origin != "null" else { return true }
        return isSameOrigin(origin, authority: request.head.authority ?? "")
    }

    /// Whether a form's `Origin` names this node as the request reached it: the same host and the
    /// same port (a port left out is the default of the origin's scheme, on both sides, since a
    /// reverse proxy passes `Host` without the port it listens on). Another site on the same
    /// machine, on another port, is not this node.
    static func isSameOrigin(_ origin: String, authority: String) -> Bool {
        guard let scheme = origin.firstRange(of: "://").map({ origin[..<$0.lowerBound].lowercased() }), let from = Authority.of(url: origin),
            let here = Authority.normalized(authority, scheme: scheme)
        else { return false }
        return from == here
    }

    static func form(_ request: Request) async throws -> QueryParameters {
        let body = try await request.body.collect(upTo: 16_384)
        return QueryParameters(rawQuery: String(buffer: body))
    }

    /// Back to the page the change was made on; on a results page, to the card of the service, with or
    /// without JavaScript (each card is an anchor, `result-<id>`).
    static func back(to back: String?, card id: String) -> String {
        let page = safeBack(back)
        guard page.hasPrefix("/search"), !page.contains("#"), !id.isEmpty, PageRenderer.parseList(id) == [id] else { return page }
        return page + "#result-" + id
    }

    /// Only paths on this site may be returned to, never another site.
    static func safeBack(_ back: String?) -> String {
        // Browsers drop tabs and newlines from URLs, so "/\t/evil" would become "//evil": refuse every control character.
        guard let back, back.hasPrefix("/"), !back.hasPrefix("//"), !back.contains("\\"),
            !back.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else { return "/list" }
        return back
    }

    /// Changes the visitor's list, which lives only in a cookie in their browser, and goes back.
    func changeList(_ request: Request, _ change: ([String], String) -> [String]) async throws -> Response {
        guard Self.isSameSite(request) else { return Response(status: .forbidden) }
        let form = try await Self.form(request)
        let id = form.string("id") ?? ""
        var ids = PageRenderer.listIDs(request)
        if id.isEmpty || PageRenderer.parseList(id) == [id] { ids = change(ids, id) }
        return Response(
            status: .seeOther,
            headers: [
                // Without JavaScript, back to the card on a results page; with it, the page itself
                // puts focus and scroll back where they were.
                .location: form.string("js") == "1" ? Self.safeBack(form.string("back")) : Self.back(to: form.string("back"), card: id),
                .setCookie: "waymark_list=\(ids.joined(separator: ".")); Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
            ])
    }

    func list(_ request: Request) throws -> Response {
        let p = QueryParameters(rawQuery: request.uri.query)
        let language = PageRenderer.language(request, p)
        // A shared link carries the list itself; opening it makes it this browser's list too.
        let shared = p.string("ids").map(PageRenderer.parseList)
        let ids = shared ?? PageRenderer.listIDs(request)
        let snap = try directory.snapshot()
        let known = ids.filter { snap.index.facts($0) != nil }
        var ctx = base(request, language: language, title: t("list.title", language))
        if shared != nil { ctx["listCount"] = known.count }
        let now = clock.now()
        let hits = known.compactMap { id -> SearchResult.Hit? in
            guard let f = snap.index.facts(id) else { return nil }
            return SearchResult.Hit(id: id, distanceKm: nil, openNow: f.hours.isOpen(at: now))
        }
        let back = "/list?lang=\(language.rawValue)"
        var views = try hitViews(hits, snap: snap, language: language, request: request, back: back).views
        for i in views.indices {
            views[i]["listAction"] = "remove"
            views[i]["listLabel"] = t("list.remove", language)
        }
        ctx["hits"] = views
        ctx["empty"] = views.isEmpty
        let (year, month, day) = now.date
        ctx["printedOn"] = t(
            "list.printed", language, ["date": "\(day) \(t("month.\(month)", language)) \(year)", "time": now.timeString])
        let host = request.head.authority ?? "localhost"
        let scheme = request.headers[HTTPField.Name("X-Forwarded-Proto")!] == "https" ? "https" : "http"
        ctx["shareURL"] = "\(scheme)://\(host)/list?ids=\(known.joined(separator: ","))&lang=\(language.rawValue)"
        var response = renderer.page("list", ctx, language: p.string("lang") != nil ? language : nil)
        if shared != nil {
            response.headers.append(
                HTTPField(name: .setCookie, value: "waymark_list=\(known.joined(separator: ".")); Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly"))
        }
        return response
    }

    static let correctionFields = Suggestion.fields

    /// Suggestions taken per service in an hour, and by the whole node.
    static let suggestionsPerServicePerHour = 5
    static let suggestionsPerHour = 60

    func suggestForm(
        _ request: Request, id: String, error: String?, message text: String, contact: String, language forced: InterfaceLanguage? = nil,
        status: HTTPResponse.Status? = nil, field: String = "any"
    )
        throws -> Response
    {
        let p = QueryParameters(rawQuery: request.uri.query)
        let language = forced ?? PageRenderer.language(request, p)
        guard let facts = try directory.snapshot().index.facts(id) else {
            return message(status: .notFound, heading: t("error.notfound", language), text: t("service.notfound", language), language: language, request: request)
        }
        var ctx = base(request, language: language, title: t("suggest.title", language))
        ctx["id"] = id
        ctx["name"] = facts.name
        // After an error the part of the entry the resident chose stays chosen.
        let chosen = Self.correctionFields.contains(field) ? field : "any"
        ctx["fields"] = Self.correctionFields.map { ["value": $0, "label": t("field.\($0)", language), "selected": $0 == chosen] as [String: Any] }
        ctx["message"] = text
        ctx["contact"] = contact
        if let error { ctx["error"] = error }
        return renderer.page("suggest", ctx, status: status ?? (error == nil ? .ok : .badRequest))
    }

    func suggest(_ request: Request, id: String) async throws -> Response {
        guard Self.isSameSite(request) else { return Response(status: .forbidden) }
        let form = try await Self.form(request)
        let language = PageRenderer.language(request, form)
        let text = (form.string("message") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let contact = (form.string("contact") ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            return try suggestForm(
                request, id: id, error: t("suggest.error.empty", language), message: text, contact: contact, language: language, field: form.string("field") ?? "any")
        }
        if text.count > 2000 || contact.count > 200 {
            return try suggestForm(
                request, id: id, error: t("suggest.error.long", language), message: String(text.prefix(2000)), contact: "", language: language,
                field: form.string("field") ?? "any")
        }
        guard let facts = try directory.snapshot().index.facts(id) else {
            return message(status: .notFound, heading: t("error.notfound", language), text: t("service.notfound", language), language: language, request: request)
        }
        // A burst of suggestions (a script, or a listing someone is angry about) cannot bury the
        // publisher's inbox: a few an hour per service, and a ceiling for the whole node. Counted
        // from what is stored, so it holds behind a reverse proxy and across restarts.
        let recent = try directory.database.correctionCounts(since: clock.isoNow(minusSeconds: 3600), serviceID: id)
        if recent.service >= Self.suggestionsPerServicePerHour || recent.all >= Self.suggestionsPerHour {
            return try suggestForm(
                request, id: id, error: t("suggest.error.busy", language), message: text, contact: contact, language: language,
                status: .tooManyRequests, field: form.string("field") ?? "any")
        }
        let field = Self.correctionFields.contains(form.string("field") ?? "") ? form.string("field")! : "any"
        let code = try directory.database.takeSuggestion(
            Correction(
                serviceID: id, organizationID: facts.organizationID, field: field, message: text, contact: contact.isEmpty ? nil : contact,
                createdAt: clock.isoNow()), serviceName: facts.name, identity: identity, nowMilliseconds: clock.milliseconds())
        let publisher = try directory.database.journeys.publishers(ofServices: [id], me: identity?.signingPublicKey)[id]
        var ctx = base(request, language: language, title: t("suggest.title", language))
        ctx["text"] = publisher.map { t("suggest.thanks.sent", language, ["org": $0.name]) } ?? t("suggest.thanks", language)
        ctx["code"] = SuggestionCode.shown(code)
        ctx["id"] = id
        ctx["name"] = facts.name
        return renderer.page("suggested", ctx)
    }

    /// Where a resident follows a suggestion with the code they were given: what happened to it, in
    /// their words, and nothing of what they wrote. Wrong codes are counted per address.
    func follow(_ request: Request, client: ClientAddress?) throws -> Response {
        let p = QueryParameters(rawQuery: request.uri.query)
        let language = PageRenderer.language(request, p)
        var ctx = base(request, language: language, title: t("follow.title", language))
        let typed = (p.string("code") ?? "").trimmingCharacters(in: .whitespaces)
        ctx["code"] = String(typed.prefix(20))
        ctx["found"] = false
        guard !typed.isEmpty else { return renderer.page("follow", ctx) }
        let throttled = client.flatMap { codeThrottle.counts($0) ? $0.address : nil }
        if let throttled, codeThrottle.isBlocked(throttled, now: clock.milliseconds()) {
            ctx["error"] = t("follow.error.busy", language)
            return renderer.page("follow", ctx, status: .tooManyRequests)
        }
        guard let status = try directory.database.suggestionStatus(code: typed) else {
            if let throttled { codeThrottle.failed(throttled, now: clock.milliseconds()) }
            ctx["error"] = t(SuggestionCode.normalized(typed) == nil ? "follow.error.form" : "follow.error.unknown", language)
            return renderer.page("follow", ctx, status: SuggestionCode.normalized(typed) == nil ? .badRequest : .notFound)
        }
        let date = String(status.createdAt.prefix(10))
        ctx["found"] = true
        ctx["code"] = SuggestionCode.shown(SuggestionCode.normalized(typed) ?? typed)
        ctx["serviceID"] = status.serviceID
        ctx["serviceName"] = try directory.snapshot().index.facts(status.serviceID)?.name ?? t("follow.gone", language)
        ctx["sent"] = Self.shownDate(date, language)
        ctx["field"] = t("field.\(status.field)", language)
        let org = status.publisher ?? t("follow.publisher.unknown", language)
        ctx["publisher"] = org
        ctx["state"] = t("follow.state.\(status.status)", language, ["org": org, "date": status.decidedOn.map { Self.shownDate($0, language) } ?? ""])
        ctx["stateClass"] = status.status
        ctx["reason"] = status.reason.map { $0 as Any } ?? false
        return renderer.page("follow", ctx)
    }

    /// A date (YYYY-MM-DD) as residents read it: "4 December 2026".
    static func shownDate(_ iso: String, _ language: InterfaceLanguage) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return iso }
        return "\(parts[2]) \(Localization.text("month.\(parts[1])", language)) \(parts[0])"
    }

    /// The contact a resident left, when it is an email address (then the page links to it).
    static func emailAddress(_ contact: String?) -> String? {
        guard let c = contact?.trimmingCharacters(in: .whitespaces), !c.contains(" "), c.count <= 254 else { return nil }
        let parts = c.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            c.allSatisfy({ !"<>\"'()[],;:\\".contains($0) && !$0.isWhitespace })
        else { return nil }
        return c
    }

    /// What the suggested-corrections page shows: the open suggestions (or those dealt with), newest
    /// first, each with its service, the organisation that publishes it, and when it came.
    func correctionsContext(language: InterfaceLanguage, open: Bool, me: [UInt8]?, listing: (String) throws -> [String: String]) throws -> [String: Any] {
        let snap = try directory.snapshot()
        try directory.database.collectSuggestions(identity: identity)
        try directory.database.followAnswers()
        try directory.database.forgetAnsweredContacts(identity: identity, nowMilliseconds: clock.milliseconds())
        let list = try directory.database.corrections(open: open, identity: identity)
        let publishers = try directory.database.journeys.publishers(ofServices: list.map(\.serviceID), me: me)
        let names = try directory.database.organizationNames()
        let iso = ISO8601DateFormatter()
        func shown(_ date: Date) -> String { StaffPages.when(UInt64(max(0, date.timeIntervalSince1970 * 1000))) }
        let items: [[String: Any]] = try list.map { c in
            let publisher = publishers[c.serviceID]
            // Whose the suggestion is to answer: the publisher it was sent to, or (made here, for a
            // listing with no known publisher) this node.
            let sentTo = c.publisher.flatMap { $0 == me ? nil : $0 }
            let answerable = sentTo == nil
            let from = c.origin.flatMap { $0 == me ? nil : names[hexString($0)] ?? hexString($0) }
            let editable = answerable && publisher?.isMe == true
            return [
                "id": c.id.map(String.init) ?? "", "created": iso.date(from: c.createdAt).map(shown) ?? c.createdAt,
                "serviceID": c.serviceID, "serviceName": snap.index.facts(c.serviceID)?.name ?? c.serviceID,
                "publisher": publisher.map { $0.isMe ? t("admin.corrections.yours", language) : $0.name } ?? t("admin.corrections.gone", language),
                "from": from.map { t("admin.corrections.from.site", language, ["org": $0]) } ?? false,
                "theirs": !answerable || publisher.map { !$0.isMe } ?? false,
                "theirsHint": sentTo.map { names[hexString($0)] ?? hexString($0) }.map { t("admin.corrections.sent", language, ["org": $0]) }
                    ?? t("admin.corrections.theirs", language),
                "answerable": answerable, "editable": editable, "signed": c.signed,
                "listing": editable ? try listing(c.serviceID) : [String: String](),
                "field": t("field.\(c.field)", language), "message": c.message, "contact": c.contact ?? "",
                "email": Self.emailAddress(c.contact) ?? false, "open": c.status == "new",
                "state": t("admin.corrections.state.\(c.status)", language), "reason": c.reason.map { $0 as Any } ?? false,
                "handled": c.handledBy.map { who in
                    t("admin.corrections.handled", language, ["who": who, "when": c.handledAt.map(StaffPages.when) ?? ""])
                } ?? "",
            ]
        }
        return ["items": items, "empty": items.isEmpty, "showingOpen": open]
    }
}

/// Static files: the site's stylesheet and script, and Leaflet from Debian's `libjs-leaflet`.
struct StaticFiles: Sendable {
    let leafletDirectory: String

    func register(on router: Router<WaymarkRequestContext>) {
        router.get("/static/site.css") { _, _ in Self.asset(SiteAssets.css, type: "text/css; charset=utf-8") }
        router.get("/static/site.js") { _, _ in Self.asset(SiteAssets.js, type: "text/javascript; charset=utf-8") }
        router.get("/static/leaflet/**") { request, _ in
            let rel = String(request.uri.path.dropFirst("/static/leaflet/".count))
            guard !rel.isEmpty, !rel.contains(".."), rel.allSatisfy({ $0.isLetter || $0.isNumber || "-_./".contains($0) }) else {
                return Response(status: .notFound)
            }
            let path = leafletDirectory + "/" + rel
            // Debian ships Leaflet precompressed too: send the .gz to browsers that take gzip.
            let gzip = (request.headers[.acceptEncoding] ?? "").contains("gzip") && FileManager.default.fileExists(atPath: path + ".gz")
            guard let data = FileManager.default.contents(atPath: gzip ? path + ".gz" : path) else { return Response(status: .notFound) }
            let type =
                rel.hasSuffix(".js") ? "text/javascript" : rel.hasSuffix(".css") ? "text/css" : rel.hasSuffix(".png") ? "image/png" : "application/octet-stream"
            var headers: HTTPFields = [.contentType: type, .cacheControl: "public, max-age=86400", .vary: "Accept-Encoding"]
            if gzip { headers[.contentEncoding] = "gzip" }
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    static func asset(_ text: String, type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}
