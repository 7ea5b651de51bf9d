import Foundation
import HTTPTypes
import Hummingbird
import WaymarkCore
import WaymarkStore

/// A member of staff's own settings: the email address they want notifications at and what they
/// want to hear of (nothing until they choose). Admins also see how the node's email stands.
extension StaffPages {
    func registerAccount(_ routes: StaffRoutes) {
        routes.anyone.get("account") { request, context in try accountPage(request, context.staff(), context.language) }
        routes.anyone.post("account") { request, context in
            try saveAccount(request, context.staff(), context.form(NoticeForm.self), context.language)
        }
        routes.anyone.post("account/password") { request, context in
            try changePassword(request, context.staff(), context.form(OwnPasswordForm.self), context.language)
        }
    }

    func accountPage(
        _ request: Request, _ s: StaffSession, _ language: InterfaceLanguage, error: String? = nil, posted: NoticeForm? = nil,
        passwordError: String? = nil, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        let saved = try database.notices.noticePreferences(username: s.user.username)
        let chosen = posted.map { Set(($0.notify ?? []).compactMap(NoticeKind.init(rawValue:))) } ?? saved?.kinds ?? []
        return page("staffAccount", base(request, language, title: t("staff.account", language), session: s), status: status) {
            $0["email"] = posted?.email ?? saved?.email ?? ""
            $0["kinds"] = NoticeKind.allCases.map { k in
                ["value": k.rawValue, "label": t("staff.account.notify.\(k.rawValue)", language), "checked": chosen.contains(k)]
            }
            $0["mailConfigured"] = mailConfigured
            $0["accountError"] = error ?? false
            $0["saved"] = QueryParameters(rawQuery: request.uri.query).string("saved") == "1"
            $0["passwordSaved"] = QueryParameters(rawQuery: request.uri.query).string("saved") == "password"
            $0["passwordError"] = passwordError ?? false
            $0["accountName"] = t("staff.signedin", language, ["name": s.user.displayName, "role": t("staff.role.\(s.user.role.rawValue)", language)])
            if s.user.role == .admin, let m = try? database.notices.mailStatus() {
                $0["mailStatus"] = t("staff.account.mailstatus", language, ["waiting": String(m.waiting), "sent": String(m.sent)])
                $0["mailError"] = m.lastError ?? false
            }
        }
    }

    func saveAccount(_ request: Request, _ s: StaffSession, _ form: NoticeForm, _ language: InterfaceLanguage) throws -> Response {
        let email = (form.email ?? "").trimmingCharacters(in: .whitespaces)
        let kinds = Set((form.notify ?? []).compactMap(NoticeKind.init(rawValue:)))
        if !email.isEmpty, !NoticePreferences.isPlausibleAddress(email) {
            return try accountPage(request, s, language, error: t("staff.account.bademail", language), posted: form, status: .badRequest)
        }
        if email.isEmpty, !kinds.isEmpty {
            return try accountPage(request, s, language, error: t("staff.account.noemail", language), posted: form, status: .badRequest)
        }
        try database.notices.setNoticePreferences(
            username: s.user.username, email.isEmpty ? nil : NoticePreferences(email: email, kinds: kinds, language: language.rawValue, since: now()),
            nowMilliseconds: now())
        return Self.redirect("/staff/account?saved=1&lang=\(language.rawValue)")
    }
}

extension StaffPages {
    func changePassword(_ request: Request, _ s: StaffSession, _ form: OwnPasswordForm, _ language: InterfaceLanguage) throws -> Response {
        let new = form.new_password ?? ""
        guard new == (form.repeat_password ?? "") else {
            return try accountPage(request, s, language, passwordError: t("staff.account.password.mismatch", language), status: .badRequest)
        }
        guard let token = PageRenderer.cookies(request)[sessionCookie] else { return Self.redirect("/staff/login") }
        do {
            try database.staff.changeOwnPassword(username: s.user.username, current: form.current_password ?? "", new: new, keeping: token, nowMilliseconds: now())
        } catch let e as StaffAccounts.OwnPasswordProblem {
            let key = e == .weak ? "staff.account.password.weak" : "staff.account.password.wrong"
            return try accountPage(request, s, language, passwordError: t(key, language), status: .badRequest)
        }
        return Self.redirect("/staff/account?saved=password&lang=\(language.rawValue)#password-heading")
    }
}

/// A member of staff's own password change.
struct OwnPasswordForm: Decodable {
    var current_password: String?
    var new_password: String?
    var repeat_password: String?
}

/// A member of staff's notification choices (`notify`: the kinds ticked).
struct NoticeForm: Decodable {
    var email: String?
    var notify: [String]?
}
