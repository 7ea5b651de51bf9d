import Hummingbird
import NIOCore
import WaymarkCore
import WaymarkCrypto
import WaymarkStore

/// The context of a request in the signed-in staff area (every `/staff` route but sign-in and
/// sign-out). `StaffSessionMiddleware` runs before each of these routes and fills it in: a route
/// never runs without a signed-in member of staff, and a posted form reaches it only from this site
/// with the session's token, already read.
struct StaffContext: ChildRequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?
    /// The signed-in member of staff.
    fileprivate(set) var session: StaffSession?
    /// The language the page is shown in: the form's `lang` for a posted form, otherwise the address's
    /// or the browser's.
    fileprivate(set) var language: InterfaceLanguage = .english
    /// The posted form; empty for a page.
    fileprivate(set) var form = QueryParameters(rawQuery: "")
    /// The file of a posted `multipart/form-data` form (its field `file`), if one came.
    fileprivate(set) var upload: Multipart.Part?

    init(context: WaymarkRequestContext) {
        coreContext = context.coreContext
        remoteAddress = context.remoteAddress
    }

    /// The posted form as the struct `T` (`FormDecoder`).
    func form<T: Decodable>(_ type: T.Type) throws -> T { try FormDecoder().decode(type, from: form) }

    /// The signed-in member of staff. (Throws only for a route registered outside the middleware.)
    func staff() throws -> StaffSession {
        guard let session else { throw HTTPError(.unauthorized) }
        return session
    }
}

/// Lets a request into the staff area, or answers it in the middleware's place:
/// - a page asked for without a session is sent to sign in (and back to the page after);
/// - a posted form needs a session, to come from this site, and to carry the session's CSRF token;
///   a refusal is written to the audit log;
/// - an admin-only route refuses other staff, and a staff route refuses local champions (audited).
/// After a posted form the sync shell is told, so that what the form signed is pushed at once.
struct StaffSessionMiddleware: RouterMiddleware {
    typealias Context = StaffContext
    let pages: StaffPages
    /// Who may use the routes behind it.
    let access: Access

    enum Access {
        /// Any signed-in account, local champions too.
        case anyone
        /// Admins and caseworkers.
        case staff
        /// Admins only.
        case admin
        /// Planners and admins: the hub's figures.
        case planner

        func allows(_ role: StaffRole) -> Bool {
            switch self {
            case .anyone: return true
            case .staff: return role.worksWithClients
            case .admin: return role == .admin
            case .planner: return role == .planner || role == .admin
            }
        }
    }

    func handle(_ request: Request, context: StaffContext, next: (Request, StaffContext) async throws -> Response) async throws -> Response {
        var context = context
        if request.method == .post {
            var form: QueryParameters
            // A file upload: only from a signed-in session is a body that big read at all.
            if let boundary = request.headers[.contentType].flatMap(Multipart.boundary(contentType:)) {
                guard let s = try pages.session(request) else { return StaffPages.redirect("/staff/login") }
                let body: ByteBuffer
                do { body = try await request.body.collect(upTo: NodeDatabase.attachmentLimit + (64 << 10)) } catch {
                    // Back to the page the form was on, which says why in the worker's words (the body
                    // was not read, so neither was its language: the address's or the browser's).
                    let language = PageRenderer.language(request, QueryParameters(rawQuery: request.uri.query))
                    let path = request.uri.path.split(separator: "/")
                    guard path.count >= 3, path[0] == "staff", path[1] == "clients" else {
                        return pages.message(request, s, language, "staff.attachment.toobig", back: "/staff", status: .contentTooLarge)
                    }
                    return StaffPages.redirect("/staff/clients/\(path[2])?file=toobig&lang=\(language.rawValue)#files-heading")
                }
                let parts: [Multipart.Part]
                do { parts = try Multipart.parse(Array(buffer: body), boundary: boundary) } catch { return Response(status: .badRequest) }
                form = QueryParameters(parts.filter { $0.filename == nil }.map { ($0.name, String(decoding: $0.data, as: UTF8.self)) })
                context.upload = parts.first { $0.filename != nil && $0.name == "file" }
            } else {
                form = try await PublicPages.form(request)
            }
            let language = PageRenderer.language(request, form)
            guard let s = try pages.session(request) else { return StaffPages.redirect("/staff/login") }
            guard PublicPages.isSameSite(request), Tokens.equal(form.string("csrf") ?? "", s.csrf) else {
                try pages.database.audit.record(s.user.username, "refused: form without a valid token", subject: request.uri.path, nowMilliseconds: pages.now())
                return pages.message(request, s, language, "staff.error.form", back: "/staff", status: .forbidden)
            }
            guard access.allows(s.user.role) else {
                try pages.database.audit.record(s.user.username, "refused: admin action", subject: request.uri.path, nowMilliseconds: pages.now())
                return Response(status: .forbidden)
            }
            context.session = s
            context.language = language
            context.form = form
            defer { pages.changed() }
            do { return try await next(request, context) } catch is DecodingError {
                // A field the page's form would never send (the form structs take every field as optional).
                return pages.message(request, s, language, "staff.error.form", back: "/staff", status: .badRequest)
            }
        }
        let language = PageRenderer.language(request, QueryParameters(rawQuery: request.uri.query))
        guard let s = try pages.session(request) else {
            return StaffPages.redirect(
                "/staff/login?lang=\(language.rawValue)&next=\(StaffPages.queryEscaped(StaffPages.pathAndQuery(request)))")
        }
        if !access.allows(s.user.role) {
            try pages.database.audit.record(s.user.username, "refused: admin page", subject: request.uri.path, nowMilliseconds: pages.now())
            return pages.message(request, s, language, "staff.error.forbidden", back: "/staff", status: .forbidden)
        }
        context.session = s
        context.language = language
        return try await next(request, context)
    }
}

/// The staff area's routes, each behind `StaffSessionMiddleware`: `anyone` for every account (local
/// champions too), `signedIn` for admins and caseworkers, `admin` for admins only.
struct StaffRoutes {
    let anyone: RouterGroup<StaffContext>
    let signedIn: RouterGroup<StaffContext>
    let admin: RouterGroup<StaffContext>
}
