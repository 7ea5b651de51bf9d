import Foundation
import HTTPTypes
import Hummingbird
import WaymarkCore
import WaymarkCrypto
import WaymarkStore

/// Answering residents' suggestions (`Protocol/SPEC.md` §10): the publisher's admins put the listing
/// right here (its description, email, website and phone; the change is signed by this node like any
/// other) or say why no change is needed, and the answer goes back to the node the resident used.
extension StaffPages {
    static let answerFields = ["description", "email", "url"]

    func answerCorrection(_ request: Request, _ s: StaffSession, id: Int64?, _ form: CorrectionStatusForm, _ language: InterfaceLanguage) throws -> Response {
        let back = "/staff/corrections"
        guard let id, let c = try database.correction(id: id), Correction.statuses.contains(form.status ?? "") else {
            return message(request, s, language, "admin.corrections.notfound", back: back, status: .notFound)
        }
        let status = form.status ?? ""
        let mine = identity.map { c.publisher == nil || c.publisher == $0.signingPublicKey } ?? true
        guard mine else { return message(request, s, language, "admin.corrections.error.theirs", back: back, status: .forbidden) }
        if status == "new" {
            guard try database.setCorrectionStatus(id: id, status, by: s.user.username, displayName: s.user.displayName, nowMilliseconds: now()) else {
                return message(request, s, language, "admin.corrections.error.answered", back: back, status: .conflict)
            }
        } else {
            let reason = form.reason.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : String($0.prefix(1000)) }
            if status == "dismissed" && reason == nil && c.signed {
                return message(request, s, language, "admin.corrections.error.reason", back: back, status: .badRequest)
            }
            if status == "done" { try changeListing(c.serviceID, form, s) }
            guard try database.answerSuggestion(
                id: id, status, reason: reason, by: s.user.username, displayName: s.user.displayName, identity: identity, nowMilliseconds: now())
            else { return message(request, s, language, "admin.corrections.notfound", back: back, status: .notFound) }
            changed()
        }
        return Self.redirect("/staff/corrections?lang=\(language.rawValue)&marked=\(status)&id=\(id)\(form.show == "closed" ? "&show=closed" : "")")
    }

    /// Publishes what the admin changed of one of this node's listings (fields left out or unchanged
    /// are not touched).
    func changeListing(_ serviceID: String, _ form: CorrectionStatusForm, _ s: StaffSession) throws {
        guard let identity, try database.journeys.publishers(ofServices: [serviceID], me: identity.signingPublicKey)[serviceID]?.isMe == true,
            let service = try database.record(table: "service", id: serviceID)
        else { return }
        var records: [HSDSRecord] = []
        var fields = service.fields
        for (name, value) in [("description", form.description), ("email", form.email), ("url", form.url)] {
            guard let v = value?.trimmingCharacters(in: .whitespacesAndNewlines), v != (fields[name]?.stringValue ?? "") else { continue }
            fields[name] = v.isEmpty ? nil : .string(String(v.prefix(4000)))
        }
        if fields != service.fields { records.append(HSDSRecord(table: "service", id: serviceID, fields: fields)) }
        if let number = form.phone?.trimmingCharacters(in: .whitespacesAndNewlines), !number.isEmpty {
            let phones = try database.records(table: "phone", foreignKey: "service_id", value: serviceID).sorted { $0.id < $1.id }
            if var phone = phones.first {
                if phone.fields["number"]?.stringValue != number {
                    phone.fields["number"] = .string(String(number.prefix(40)))
                    records.append(phone)
                }
            } else {
                records.append(
                    HSDSRecord(
                        table: "phone", id: UUID().uuidString.lowercased(),
                        fields: JSONObject([("service_id", .string(serviceID)), ("number", .string(String(number.prefix(40))))])))
            }
        }
        guard !records.isEmpty else { return }
        var flattener = HSDSFlattener()
        for r in records {
            var f = r.fields
            f["id"] = .string(r.id)
            try flattener.add(.object(f), table: r.table, path: r.table)
        }
        try database.ledger.publish(flattener.records, identity: identity, nowMilliseconds: now())
        pages.directory.noteChange()
        try database.audit.record(s.user.username, "change listing from a suggestion", subject: serviceID, nowMilliseconds: now())
    }

    /// The listing's current description, email, website and first phone, to start the answer form from.
    func listingContact(_ serviceID: String) throws -> [String: String] {
        guard let service = try database.record(table: "service", id: serviceID) else { return [:] }
        var out: [String: String] = [:]
        for name in Self.answerFields { out[name] = service.fields[name]?.stringValue ?? "" }
        out["phone"] = try database.records(table: "phone", foreignKey: "service_id", value: serviceID).sorted { $0.id < $1.id }.first?
            .fields["number"]?.stringValue ?? ""
        return out
    }
}
