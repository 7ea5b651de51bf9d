import Foundation
import HTTPTypes
import Hummingbird
import WaymarkCore
import WaymarkStore

/// The audit log (admins): filtered by who, what, subject and dates, each subject a link to what it
/// is where this node still knows it, and the same lines as CSV. Looking at the log and exporting it
/// are themselves logged.
extension StaffPages {
    /// The filter as the address gives it (`user`, `action`, `subject`, `from`, `to`: dates in Dublin time).
    func auditFilter(_ p: QueryParameters) -> (filter: AuditFilter, query: [(String, String)]) {
        var f = AuditFilter()
        var query: [(String, String)] = []
        func value(_ name: String) -> String? {
            guard let v = p.string(name)?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
            query.append((name, v))
            return v
        }
        f.username = value("user")
        f.action = value("action")
        f.subject = value("subject")
        f.from = value("from").flatMap { Self.dublinMidnight($0) }
        f.until = value("to").flatMap { Self.dublinMidnight($0) }.map { $0 + 86_400_000 }
        return (f, query)
    }

    /// The start of a day (`yyyy-MM-dd`) in Dublin, in milliseconds.
    static func dublinMidnight(_ iso: String) -> UInt64? {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "Europe/Dublin")
        f.dateFormat = "yyyy-MM-dd"
        guard let d = f.date(from: iso), d.timeIntervalSince1970 >= 0 else { return nil }
        return UInt64(d.timeIntervalSince1970 * 1000)
    }

    static func queryString(_ pairs: [(String, String)]) -> String {
        pairs.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
    }

    func auditPage(_ request: Request, _ s: StaffSession, _ language: InterfaceLanguage) throws -> Response {
        let p = QueryParameters(rawQuery: request.uri.query)
        let before = p.string("before").flatMap(Int64.init)
        let (filter, query) = auditFilter(p)
        // A date that cannot be read is said so, not silently left out.
        let badDate = ["from", "to"].contains { name in p.string(name).map { !$0.isEmpty && Self.dublinMidnight($0) == nil } ?? false }
        try database.audit.record(s.user.username, "view audit log", nowMilliseconds: now())
        let perPage = 100
        let entries = try database.audit.lines(filter, limit: perPage, before: before)
        let subjects = try database.audit.subjects(Set(entries.map(\.subject)))
        let choices = try database.audit.choices()
        let filtered = Self.queryString(query)
        let lang = "lang=\(language.rawValue)"
        return page("staffAudit", base(request, language, title: t("staff.audit", language), session: s)) {
            $0["entries"] = entries.map { e -> [String: Any] in
                var row = Self.dropEmpty([
                    "at": when(e.at), "username": e.username, "action": Localization.auditAction(e.action, language), "subject": e.subject, "detail": e.detail,
                ])
                switch subjects[e.subject] {
                case .client(let id)?: row["link"] = "/staff/clients/\(id)?\(lang)"
                case .referral(let key)?: row["link"] = "/staff/referrals/\(key)?\(lang)"
                case .staff(let u)?: row["link"] = "/staff/audit?user=\(u.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&\(lang)"
                case .service(let id)?: row["link"] = "/services/\(id)?\(lang)"
                case .journey?, nil: break
                }
                // A circle is long and means nothing to a reader; a link or its last characters say enough.
                if e.subject.hasPrefix(Circle.prefix) { row["subject"] = t("staff.audit.client", language) + " …" + String(e.subject.suffix(8)) }
                row["whoLink"] = "/staff/audit?user=\(e.username.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&\(lang)"
                row["subjectFilter"] = e.subject.isEmpty ? false : "/staff/audit?subject=\(e.subject.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&\(lang)"
                return row
            }
            $0["hasEntries"] = !entries.isEmpty
            $0["older"] = entries.count == perPage ? entries.last.map { "/staff/audit?\(filtered.isEmpty ? "" : filtered + "&")before=\($0.id)&\(lang)" } : nil
            $0["csvLink"] = "/staff/audit.csv" + (filtered.isEmpty ? "" : "?" + filtered)
            $0["isFiltered"] = !query.isEmpty
            $0["auditUsers"] = choices.usernames.map { ["value": $0, "selected": $0 == filter.username] }
            $0["auditActions"] = choices.actions.map { ["value": $0, "label": Localization.auditAction($0, language), "selected": $0 == filter.action] }
            $0["filterSubject"] = filter.subject ?? ""
            $0["filterFrom"] = p.string("from") ?? ""
            $0["filterTo"] = p.string("to") ?? ""
            $0["auditError"] = badDate ? t("staff.audit.baddate", language) : false
        }
    }

    /// The filtered log as CSV (up to 100,000 lines), newest first; the export is logged.
    func auditCSV(_ request: Request, _ s: StaffSession) throws -> Response {
        let (filter, query) = auditFilter(QueryParameters(rawQuery: request.uri.query))
        let entries = try database.audit.lines(filter, limit: 100_000)
        try database.audit.record(s.user.username, "export audit log", detail: Self.queryString(query), nowMilliseconds: now())
        let rows = [["when", "user", "action", "subject", "detail"]] + entries.map { [when($0.at), $0.username, $0.action, $0.subject, $0.detail] }
        return Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"waymark-audit-\(today()).csv\"", .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: CSV.write(rows))))
    }
}
