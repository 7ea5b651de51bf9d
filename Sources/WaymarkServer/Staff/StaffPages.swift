import Foundation
import HTTPTypes
import Hummingbird
import WaymarkCore
import WaymarkCrypto
import WaymarkStore
import WaymarkSync

/// The staff area under `/staff`: sign-in and sign-out, the staff home, account management and the
/// audit log (admins only).
///
/// Security, in one place:
/// - the session cookie holds a random token; the database holds only its BLAKE2b digest;
///   `HttpOnly`, `SameSite=Strict`, `Path=/staff`, and `Secure` when the node is served over https;
/// - a new token at every sign-in (a token planted before sign-in is never promoted: no fixation);
/// - every form carries a CSRF token (the session's, or a sign-in token bound to a cookie) and is
///   also refused when the browser says it came from another site;
/// - five failed sign-ins in a row lock the account for 15 minutes; an unknown username costs the same;
/// - every sign-in, failure, sign-out, view and change is written to the audit log.
struct StaffPages: Sendable {
    /// Failed sign-ins per client address.
    let throttle = AddressThrottle.signIn()
    let pages: PublicPages
    let database: NodeDatabase
    let organization: String
    let secureCookies: Bool
    /// The node's keys (client records are sealed under keys wrapped with them); `nil` when the app
    /// runs without a node identity, and then client pages say so.
    let identity: NodeIdentity?
    /// The node's sync shell, for the sync page; `nil` when the app runs without one.
    let sync: SyncNode?

    /// The node's port: cookie names carry it, because browsers keep cookies per host, not per port,
    /// and several nodes on one machine (the demo) must not sign each other's staff out.
    let port: Int
    /// Reverse proxies whose `X-Forwarded-For` is believed (`--trusted-proxy`).
    var trustedProxies: Set<String> = []
    /// Called after every staff form that may have signed envelopes, so the sync shell pushes them at once.
    var changed: @Sendable () -> Void = {}
    /// Whether the node sends email notifications (`waymark serve --smtp`).
    var mailConfigured = false

    var sessionCookie: String { "waymark_session_\(port)" }
    var loginCookie: String { "waymark_signin_\(port)" }

    var renderer: PageRenderer { pages.renderer }

    func register(on router: Router<WaymarkRequestContext>) {
        router.get("/staff/login") { request, _ in try loginPage(request) }
        router.post("/staff/login") { request, context in
            try await login(request, from: ClientAddress(request, peer: context.remoteAddress?.ipAddress, trustedProxies: trustedProxies))
        }
        router.post("/staff/logout") { request, _ in try await logout(request) }
        func group(_ access: StaffSessionMiddleware.Access) -> RouterGroup<StaffContext> {
            router.group("staff", context: StaffContext.self).add(middleware: StaffSessionMiddleware(pages: self, access: access))
        }
        let routes = StaffRoutes(anyone: group(.anyone), signedIn: group(.staff), admin: group(.admin))
        routes.anyone.get { request, context in
            let s = try context.staff()
            // A local champion's part of the staff area is checking listings.
            if s.user.role == .champion { return Self.redirect("/staff/checks?lang=\(context.language.rawValue)") }
            // A planner's part is the hub's figures.
            if s.user.role == .planner { return Self.redirect("/staff/hub?lang=\(context.language.rawValue)") }
            return try home(request, s, context.language)
        }
        routes.anyone.get("checks") { request, context in try checksPage(request, context.staff(), context.language) }
        let planners = group(.planner)
        planners.get("hub") { request, context in try hubPlannersPage(request, context.staff(), context.language) }
        planners.get("hub.csv") { _, context in try hubPlannersCSV(context.staff(), context.language) }
        routes.anyone.post("checks") { request, context in
            try recordCheck(request, context.staff(), context.form(ListingCheckForm.self), context.language)
        }
        routes.admin.get("audit") { request, context in try auditPage(request, context.staff(), context.language) }
        routes.admin.get("audit.csv") { request, context in try auditCSV(request, context.staff()) }
        routes.admin.get("users") { request, context in try usersPage(request, context.staff(), context.language, notice: nil, error: nil) }
        routes.admin.post("users") { request, context in try addUser(request, context.staff(), context.form(NewAccountForm.self), context.language) }
        routes.admin.post("users/disable") { request, context in try setDisabled(request, context.staff(), context.form(AccountForm.self), context.language, true) }
        routes.admin.post("users/enable") { request, context in try setDisabled(request, context.staff(), context.form(AccountForm.self), context.language, false) }
        routes.admin.post("users/change") { request, context in try changeAccount(request, context.staff(), context.form(AccountChangeForm.self), context.language) }
        routes.admin.get("sync") { request, context in try syncPage(request, context.staff(), context.language) }
        routes.admin.post("corrections/:id") { request, context in
            try answerCorrection(request, context.staff(), id: context.parameters.get("id").flatMap { Int64($0) }, context.form(CorrectionStatusForm.self), context.language)
        }
        routes.admin.get("corrections") { request, context in try correctionsPage(request, context.staff(), context.language) }
        routes.admin.get("listings") { request, context in try listingsPage(request, context.staff(), context.language) }
        routes.admin.post("listings/:id/checked") { request, context in
            try markChecked(request, context.staff(), id: context.parameters.get("id") ?? "", context.language)
        }
        registerClients(routes)
    }

    /// Now, from the one clock the application was given (the same one `today()` reads).
    func now() -> UInt64 { pages.clock.milliseconds() }

    // MARK: Sessions

    func cookie(_ name: String, _ value: String, maxAge: Int? = nil) -> String {
        var c = "\(name)=\(value); Path=/staff; HttpOnly; SameSite=Strict"
        if let maxAge { c += "; Max-Age=\(maxAge)" }
        if secureCookies { c += "; Secure" }
        return c
    }

    func session(_ request: Request) throws -> StaffSession? {
        guard let token = PageRenderer.cookies(request)[sessionCookie], token.count == 64 else { return nil }
        return try database.staff.session(token: token, nowMilliseconds: now())
    }

    static func redirect(_ location: String, cookies: [String] = []) -> Response {
        var headers: HTTPFields = [.location: location]
        for c in cookies { headers.append(HTTPField(name: .setCookie, value: c)) }
        headers.append(HTTPField(name: .cacheControl, value: "no-store"))
        return Response(status: .seeOther, headers: headers)
    }

    static func pathAndQuery(_ request: Request) -> String {
        request.uri.query.map { "\(request.uri.path)?\($0)" } ?? request.uri.path
    }

    static func queryEscaped(_ s: String) -> String {
        s.addingPercentEncoding(
            withAllowedCharacters: CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/")) ?? ""
    }

    /// A page of the staff area asked for before signing in, if `next` is one: only a path under
    /// `/staff` of this node (never another host, `//host` or a backslash trick).
    static func staffPage(_ next: String?) -> String? {
        guard let next, next == "/staff" || next.hasPrefix("/staff/") || next.hasPrefix("/staff?"), !next.hasPrefix("/staff/login"),
            !next.contains("\\"), !next.contains("//"), !next.contains("/."),
            next.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7f })
        else { return nil }
        return next
    }

    /// Where to go after signing in: the staff page asked for (`staffPage`), or the staff home.
    static func afterSignIn(_ next: String?, language: InterfaceLanguage) -> String {
        staffPage(next) ?? "/staff?lang=\(language.rawValue)"
    }

    // MARK: Rendering

    func t(_ key: String, _ language: InterfaceLanguage, _ values: [String: String] = [:]) -> String { pages.t(key, language, values) }

    func base(_ request: Request, _ language: InterfaceLanguage, title: String, session: StaffSession?) -> [String: Any] {
        var ctx = renderer.base(request, language: language, title: title, sample: false)
        ctx["organization"] = organization
        if let session {
            ctx["user"] = ["name": session.user.displayName]
            ctx["isAdmin"] = session.user.role == .admin
            ctx["isChampion"] = session.user.role == .champion
            ctx["isPlanner"] = session.user.role == .planner
            ctx["isLimited"] = !session.user.role.worksWithClients
            ctx["csrf"] = session.csrf
        }
        // Which part of the staff area the page is in, for the menu's aria-current.
        let path = request.uri.path
        let section = path == "/staff" ? "home" : path.split(separator: "/").dropFirst().first.map(String.init) ?? ""
        ctx["current"] = [section: true]
        return ctx
    }

    func page(_ template: String, _ ctx: [String: Any], status: HTTPResponse.Status = .ok, _ edit: (inout [String: Any]) -> Void = { _ in }) -> Response {
        var ctx = ctx
        edit(&ctx)
        var response = renderer.page(template, ctx, status: status)
        // Staff pages hold personal data: never cached, never framed.
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// A one-line page (a refusal, a missing record) with a link back.
    func message(
        _ request: Request, _ s: StaffSession, _ language: InterfaceLanguage, _ key: String, back: String, status: HTTPResponse.Status
    ) -> Response {
        page("staffMessage", base(request, language, title: t(key, language), session: s), status: status) {
            $0["heading"] = t(key, language)
            $0["text"] = false
            $0["link"] = "\(back)?lang=\(language.rawValue)"
            $0["linkText"] = t(back.hasPrefix("/staff/clients/") ? "staff.back.client" : back == "/staff/referrals" ? "staff.back.referrals" : "staff.back.home", language)
        }
    }

    /// How many rows a long staff list shows at a time.
    static let pageSize = 50

    /// Which page of a long list the address asks for (`page`, from 1), as rows to skip.
    static func offset(_ request: Request) -> Int {
        let n = QueryParameters(rawQuery: request.uri.query).string("page").flatMap { Int($0) } ?? 1
        return (min(max(1, n), 100_000) - 1) * pageSize
    }

    /// Where a long list is and the links to the pages either side of it.
    func pager<Item>(path: String, query: [(String, String)] = [], _ page: Page<Item>, _ language: InterfaceLanguage) -> [String: Any] {
        let number = page.offset / Self.pageSize + 1
        func link(_ n: Int) -> String {
            path + "?" + (query + [("page", String(n)), ("lang", language.rawValue)]).map { "\($0)=\(Self.queryEscaped($1))" }.joined(separator: "&")
        }
        var p: [String: Any] = [:]
        if !page.items.isEmpty {
            p["range"] = t(
                "staff.list.range", language, ["from": String(page.offset + 1), "to": String(page.offset + page.items.count), "total": String(page.total)])
        }
        if number > 1 { p["newer"] = link(min(number - 1, max(1, (page.total + Self.pageSize - 1) / Self.pageSize))) }
        if page.offset + page.items.count < page.total { p["older"] = link(number + 1) }
        return ["pager": p, "hasPager": page.total > page.items.count]
    }

    /// A client's preferred language as staff read it: its name in the page's language, with the
    /// code the directory lists it by ("Polainnis (pl)"); what was typed, if it is not a known code.
    func languageShown(_ code: String, _ language: InterfaceLanguage) -> String {
        let name = LanguageNames.name(code, irish: language == .irish)
        return name == code ? code : "\(name) (\(code))"
    }

    func when(_ ms: UInt64) -> String { Self.when(ms) }

    /// A moment as the staff pages show it, in Dublin time and the same in both languages:
    /// `2026-12-03 16:05`.
    static func when(_ ms: UInt64) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "Europe/Dublin")
        f.dateFormat = "yyyy-MM-dd HH:mm"
        return f.string(from: Date(timeIntervalSince1970: Double(ms) / 1000))
    }

    // MARK: Sign-in and sign-out

    func loginPage(
        _ request: Request, error: String? = nil, username: String = "", status: HTTPResponse.Status = .ok, language chosen: InterfaceLanguage? = nil,
        next posted: String? = nil
    ) throws -> Response {
        let query = QueryParameters(rawQuery: request.uri.query)
        let language = chosen ?? PageRenderer.language(request, query)
        let next = Self.staffPage(posted ?? query.string("next"))
        if error == nil, try session(request) != nil { return Self.redirect(Self.afterSignIn(next, language: language)) }
        // The browser's sign-in token is kept while it lasts, so that a second sign-in page (another
        // tab, a reload, a browser fetching the page again) does not make the first one's form stale.
        let held = PageRenderer.cookies(request)[loginCookie] ?? ""
        let token = held.count == 64 && bytesFromHex(held) != nil ? held : Tokens.random()
        var response = page("staffLogin", base(request, language, title: t("staff.signin", language), session: nil), status: status) {
            $0["loginToken"] = token
            $0["error"] = error
            $0["username"] = username
            $0["next"] = next
        }
        response.headers.append(HTTPField(name: .setCookie, value: cookie(loginCookie, token, maxAge: 3600)))
        return response
    }

    func login(_ request: Request, from client: ClientAddress? = nil) async throws -> Response {
        let form = try await PublicPages.form(request)
        let language = PageRenderer.language(request, form)
        let username = (form.string("username") ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let next = form.string("next")
        // The sign-in form's token must match the cookie set with the form (no signing in from another site).
        let expected = PageRenderer.cookies(request)[loginCookie] ?? ""
        guard PublicPages.isSameSite(request), Tokens.equal(form.string("csrf") ?? "", expected) else {
            return try loginPage(request, error: t("staff.error.form", language), username: username, status: .forbidden, language: language, next: next)
        }
        // An address that failed many times (whatever the usernames) waits, without a password check.
        let throttled = client.flatMap { throttle.counts($0) ? $0.address : nil }
        // Where each attempt came from is in the audit log (an admin looking into a lockout needs it).
        let from = client.map { "from \($0.address)" } ?? ""
        if let throttled, throttle.isBlocked(throttled, now: now()) {
            try database.audit.record(username.isEmpty ? "-" : String(username.prefix(64)), "sign-in refused: too many failures from \(throttled)", nowMilliseconds: now())
            return try loginPage(
                request, error: t("staff.error.throttled", language), username: username, status: .tooManyRequests, language: language, next: next)
        }
        let database = self.database, password = form.string("password") ?? "", at = now()
        let outcome = try await Blocking.passwordCheck { try database.staff.checkLogin(username: username, password: password, nowMilliseconds: at) }
        if let throttled, outcome.failed { throttle.failed(throttled, now: now()) }
        switch outcome {
        case .success(let user):
            // A fresh token every time; whatever session cookie came with the request is ended.
            if let old = PageRenderer.cookies(request)[sessionCookie] { try database.staff.endSession(token: old) }
            let token = Tokens.random()
            try database.staff.startSession(userID: user.id, token: token, csrf: Tokens.random(), nowMilliseconds: now())
            try database.audit.record(user.username, "sign in", detail: from, nowMilliseconds: now())
            return Self.redirect(
                Self.afterSignIn(next, language: language),
                cookies: [cookie(sessionCookie, token), cookie(loginCookie, "", maxAge: 0)])
        case .locked:
            // Answered exactly as a wrong username or password: a locked account gives away neither
            // that it exists nor that it is locked (the message says an account may be).
            try database.audit.record(username.isEmpty ? "-" : username, "sign-in refused: locked", detail: from, nowMilliseconds: now())
            return try loginPage(
                request, error: t("staff.error.credentials", language), username: username, status: .unauthorized, language: language, next: next)
        case .disabled:
            try database.audit.record(username, "sign-in refused: disabled", detail: from, nowMilliseconds: now())
            return try loginPage(request, error: t("staff.error.disabled", language), username: username, status: .forbidden, language: language, next: next)
        case .wrongUsernameOrPassword:
            try database.audit.record(username.isEmpty ? "-" : String(username.prefix(64)), "failed sign-in", detail: from, nowMilliseconds: now())
            return try loginPage(
                request, error: t("staff.error.credentials", language), username: username, status: .unauthorized, language: language, next: next)
        }
    }

    func logout(_ request: Request) async throws -> Response {
        let form = try await PublicPages.form(request)
        if let token = PageRenderer.cookies(request)[sessionCookie], let s = try database.staff.session(token: token, nowMilliseconds: now()) {
            guard PublicPages.isSameSite(request), Tokens.equal(form.string("csrf") ?? "", s.csrf) else { return Response(status: .forbidden) }
            try database.staff.endSession(token: token)
            try database.audit.record(s.user.username, "sign out", nowMilliseconds: now())
        }
        return Self.redirect("/staff/login", cookies: [cookie(sessionCookie, "", maxAge: 0)])
    }

    // MARK: Pages

    func home(_ request: Request, _ s: StaffSession, _ language: InterfaceLanguage) throws -> Response {
        var ctx = base(request, language, title: t("staff.home", language), session: s)
        ctx.merge(try caseloadContext(language)) { _, new in new }
        ctx.merge(try dueTasksContext(s, language)) { _, new in new }
        let unread = try database.journeys.unreadMessages(identity: identity)
        ctx["unread"] = unread.map { m -> [String: Any] in
            let about = [m.clientName, m.serviceName].compactMap { $0 }.joined(separator: " · ")
            return [
                "referral": m.referral,
                "text": t(m.count == 1 ? "staff.messages.from.one" : "staff.messages.from", language, ["org": m.fromName, "n": String(m.count), "date": when(m.at)])
                    + (about.isEmpty ? "" : " — " + about),
            ]
        }
        ctx["hasUnread"] = !unread.isEmpty
        if s.user.role == .admin, case _ = try database.collectSuggestions(identity: identity),
            case let n = try database.openCorrectionCount(me: identity?.signingPublicKey), n > 0
        {
            ctx["openCorrections"] = t("admin.corrections.count", language, ["n": String(n)])
        }
        if s.user.role == .admin, case let n = try dueListingsCount(), n > 0 {
            ctx["dueListings"] = t("staff.listings.reminder", language, ["n": String(n)])
        }
        return page("staffHome", ctx) {
            $0["signedIn"] = t("staff.signedin", language, ["name": s.user.displayName, "role": t("staff.role.\(s.user.role.rawValue)", language)])
        }
    }

    /// The sync page (admins): peers, known nodes, flagged publishers, the rejection log.
    func syncPage(_ request: Request, _ s: StaffSession, _ language: InterfaceLanguage) throws -> Response {
        guard let sync else { return message(request, s, language, "staff.sync.none", back: "/staff", status: .notFound) }
        var ctx = base(request, language, title: t("admin.sync", language), session: s)
        ctx.merge(try pages.syncContext(node: sync, language: language)) { _, new in new }
        return page("sync", ctx)
    }

    /// Corrections residents suggested (admins): the messages may hold a resident's contact details.
    func correctionsPage(_ request: Request, _ s: StaffSession, _ language: InterfaceLanguage) throws -> Response {
        try database.audit.record(s.user.username, "view suggested corrections", nowMilliseconds: now())
        var ctx = base(request, language, title: t("admin.corrections", language), session: s)
        let query = QueryParameters(rawQuery: request.uri.query)
        let open = query.string("show") != "closed"
        ctx.merge(try pages.correctionsContext(language: language, open: open, me: identity?.signingPublicKey, listing: listingContact)) { _, new in new }
        if let marked = query.string("marked"), Correction.statuses.contains(marked), let id = query.string("id").flatMap({ Int64($0) }),
            let c = try database.correction(id: id)
        {
            let name = try pages.directory.snapshot().index.facts(c.serviceID)?.name ?? c.serviceID
            ctx["notice"] = t("admin.corrections.marked.\(marked)", language, ["service": name])
        }
        return page("corrections", ctx)
    }

    func usersPage(_ request: Request, _ s: StaffSession, _ language: InterfaceLanguage, notice: String?, error: String?, status: HTTPResponse.Status = .ok)
        throws -> Response
    {
        let users = try database.staff.all()
        let n = now()
        return page("staffUsers", base(request, language, title: t("staff.users", language), session: s), status: status) {
            $0["accounts"] = users.map { u -> [String: Any] in
                let state = u.disabled ? "staff.users.disabled" : u.lockedUntil > n ? "staff.users.locked" : "staff.users.active"
                return [
                    "username": u.username, "displayName": u.displayName, "role": t("staff.role.\(u.role.rawValue)", language), "state": t(state, language),
                    "self": u.id == s.user.id, "action": u.disabled || u.lockedUntil > n ? "enable" : "disable",
                    "actionLabel": t(u.disabled || u.lockedUntil > n ? "staff.users.enable" : "staff.users.disable", language), "csrf": s.csrf,
                    "roles": StaffRole.allCases.map { r in ["value": r.rawValue, "label": t("staff.role.\(r.rawValue)", language), "selected": r == u.role] },
                ]
            }
            $0["notice"] = notice
            $0["error"] = error
        }
    }

    func addUser(_ request: Request, _ s: StaffSession, _ form: NewAccountForm, _ language: InterfaceLanguage) throws -> Response {
        let username = form.username ?? ""
        let role = StaffRole(rawValue: form.role ?? "") ?? .caseworker
        do {
            try database.staff.add(
                username: username, displayName: form.name ?? "", role: role, password: form.password ?? "", nowMilliseconds: now())
        } catch let e as StaffError {
            return try usersPage(request, s, language, notice: nil, error: e.description, status: .badRequest)
        } catch let e as CryptoError {
            return try usersPage(request, s, language, notice: nil, error: e.description, status: .badRequest)
        }
        try database.audit.record(s.user.username, "add staff account", subject: username, detail: "role \(role.rawValue)", nowMilliseconds: now())
        return try usersPage(request, s, language, notice: t("staff.users.added", language, ["username": username]), error: nil)
    }

    /// An admin changes another account's role or sets it a new password (a forgotten one); both
    /// end the account's sessions and are audited. Not one's own account (another admin does that).
    func changeAccount(_ request: Request, _ s: StaffSession, _ form: AccountChangeForm, _ language: InterfaceLanguage) throws -> Response {
        let username = form.username ?? ""
        guard username != s.user.username else {
            return try usersPage(request, s, language, notice: nil, error: t("staff.users.change.self", language), status: .badRequest)
        }
        let password = form.password ?? ""
        var done: [String] = []
        do {
            if let role = StaffRole(rawValue: form.role ?? ""), try database.staff.user(username: username)?.role != role {
                let old = try database.staff.setRole(username: username, role)
                try database.audit.record(s.user.username, "change staff role", subject: username, detail: "\(old.rawValue) → \(role.rawValue)", nowMilliseconds: now())
                done.append(t("staff.users.changed.role", language, ["username": username, "role": t("staff.role.\(role.rawValue)", language)]))
            }
            if !password.isEmpty {
                try database.staff.setPassword(username: username, password)
                try database.audit.record(s.user.username, "reset staff password", subject: username, nowMilliseconds: now())
                done.append(t("staff.users.changed.password", language, ["username": username]))
            }
        } catch let e as StaffError {
            return try usersPage(request, s, language, notice: done.isEmpty ? nil : done.joined(separator: " "), error: e.description, status: .badRequest)
        } catch let e as CryptoError {
            return try usersPage(request, s, language, notice: nil, error: e.description, status: .badRequest)
        }
        return try usersPage(request, s, language, notice: done.isEmpty ? t("staff.users.changed.nothing", language) : done.joined(separator: " "), error: nil)
    }

    func setDisabled(_ request: Request, _ s: StaffSession, _ form: AccountForm, _ language: InterfaceLanguage, _ disabled: Bool) throws -> Response {
        let username = form.username ?? ""
        guard username != s.user.username else { return try usersPage(request, s, language, notice: nil, error: nil, status: .badRequest) }
        do { try database.staff.setDisabled(username: username, disabled) } catch let e as StaffError {
            return try usersPage(request, s, language, notice: nil, error: e.description, status: .badRequest)
        }
        try database.audit.record(s.user.username, disabled ? "disable staff account" : "enable staff account", subject: username, nowMilliseconds: now())
        return Self.redirect("/staff/users?lang=\(language.rawValue)")
    }
}
