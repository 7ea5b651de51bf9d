import Foundation
import HTTPTypes
import Hummingbird
import WaymarkCore
import WaymarkCrypto
import WaymarkStore

/// Editing one of this organisation's own listings in the staff area (admins): its name, description,
/// contact details, address and weekly opening hours, published and signed by this node like any edit
/// (HSDS `service`, `phone`, `address` of the service's first location, weekly `schedule` rows).
/// Only the publisher can change a listing (the store refuses any other).
extension StaffPages {
    func registerListingEditor(_ routes: StaffRoutes) {
        routes.admin.get("listings/:id/edit") { request, context in
            try listingEditor(request, context.staff(), context.language, id: context.parameters.get("id") ?? "")
        }
        routes.admin.post("listings/:id/edit") { request, context in
            try saveListing(request, context.staff(), context.form(ListingForm.self), context.language, id: context.parameters.get("id") ?? "")
        }
    }

    static let weekdays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

    /// What the form holds for a listing: each field, and each weekday's first opening.
    struct ListingDraft {
        var name = "", description = "", phone = "", email = "", url = ""
        var address1 = "", address2 = "", city = "", postalCode = ""
        var hours: [String: (opens: String, closes: String)] = [:]
        /// Some day has more than one opening (the form shows the first).
        var split = false
    }

    /// The listing as stored, or nil when it is not this node's to change.
    func ownListing(_ id: String) throws -> (service: HSDSRecord, draft: ListingDraft)? {
        guard let identity, try database.journeys.publishers(ofServices: [id], me: identity.signingPublicKey)[id]?.isMe == true,
            let service = try database.record(table: "service", id: id)
        else { return nil }
        var d = ListingDraft()
        d.name = service.fields["name"]?.stringValue ?? ""
        d.description = service.fields["description"]?.stringValue ?? ""
        d.email = service.fields["email"]?.stringValue ?? ""
        d.url = service.fields["url"]?.stringValue ?? ""
        d.phone = try database.records(table: "phone", foreignKey: "service_id", value: id).sorted { $0.id < $1.id }.first?.fields["number"]?.stringValue ?? ""
        if let address = try firstAddress(of: id) {
            d.address1 = address.fields["address_1"]?.stringValue ?? ""
            d.address2 = address.fields["address_2"]?.stringValue ?? ""
            d.city = address.fields["city"]?.stringValue ?? ""
            d.postalCode = address.fields["postal_code"]?.stringValue ?? ""
        }
        for s in try database.records(table: "schedule", foreignKey: "service_id", value: id).sorted(by: { $0.id < $1.id })
        where (s.fields["freq"]?.stringValue ?? "WEEKLY") == "WEEKLY" {
            guard let opens = s.fields["opens_at"]?.stringValue, let closes = s.fields["closes_at"]?.stringValue else { continue }
            for day in (s.fields["byday"]?.stringValue ?? "").split(separator: ",").map({ String($0).trimmingCharacters(in: .whitespaces) }) {
                if d.hours[day] != nil { d.split = true } else { d.hours[day] = (String(opens.prefix(5)), String(closes.prefix(5))) }
            }
        }
        return (service, d)
    }

    /// The address of the service's first location, if it has one.
    func firstAddress(of serviceID: String) throws -> HSDSRecord? {
        let links = try database.records(table: "service_at_location", foreignKey: "service_id", value: serviceID).sorted { $0.id < $1.id }
        for link in links {
            guard let location = link.fields["location_id"]?.stringValue else { continue }
            if let a = try database.records(table: "address", foreignKey: "location_id", value: location).sorted(by: { $0.id < $1.id }).first { return a }
        }
        return nil
    }

    func listingEditor(
        _ request: Request, _ s: StaffSession, _ language: InterfaceLanguage, id: String, draft: ListingDraft? = nil, error: String? = nil,
        invalidDays: Set<String> = [], status: HTTPResponse.Status = .ok
    ) throws -> Response {
        guard let own = try ownListing(id) else { return message(request, s, language, "staff.listings.notfound", back: "/staff/listings", status: .notFound) }
        let d = draft ?? own.draft
        let dayNames = t("staff.listing.days", language).split(separator: ",").map(String.init)
        return page("staffListingEditor", base(request, language, title: t("staff.listing.edit", language, ["name": own.draft.name]), session: s), status: status) {
            $0["id"] = id
            $0["heading"] = t("staff.listing.edit", language, ["name": own.draft.name])
            for (k, v) in [
                ("fName", d.name), ("fDescription", d.description), ("fPhone", d.phone), ("fEmail", d.email), ("fUrl", d.url), ("fAddress1", d.address1),
                ("fAddress2", d.address2), ("fCity", d.city), ("fPostal", d.postalCode),
            ] { $0[k] = v }
            $0["days"] = Self.weekdays.enumerated().map { i, day -> [String: Any] in
                [
                    "code": day.lowercased(), "name": i < dayNames.count ? dayNames[i] : day, "opens": d.hours[day]?.opens ?? "",
                    "closes": d.hours[day]?.closes ?? "", "invalid": invalidDays.contains(day), "firstInvalid": invalidDays.first == day,
                ]
            }
            $0["split"] = d.split
            $0["listingError"] = error ?? false
        }
    }

    /// A time as the form takes it: `HH:MM`, 00:00–23:59.
    static func time(_ s: String) -> String? {
        let parts = s.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m), parts[1].count == 2 else { return nil }
        return String(format: "%02d:%02d", h, m)
    }

    func saveListing(_ request: Request, _ s: StaffSession, _ form: ListingForm, _ language: InterfaceLanguage, id: String) throws -> Response {
        guard let identity, let own = try ownListing(id) else {
            return message(request, s, language, "staff.listings.notfound", back: "/staff/listings", status: .notFound)
        }
        func clean(_ v: String?, _ limit: Int) -> String { String((v ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(limit)) }
        var d = ListingDraft()
        (d.name, d.description, d.phone, d.email, d.url) = (clean(form.name, 200), clean(form.description, 4000), clean(form.phone, 40), clean(form.email, 200), clean(form.url, 500))
        (d.address1, d.address2, d.city, d.postalCode) = (clean(form.address_1, 200), clean(form.address_2, 200), clean(form.city, 100), clean(form.postal_code, 20))
        let raw: [String: (String?, String?)] = [
            "MO": (form.mo_opens, form.mo_closes), "TU": (form.tu_opens, form.tu_closes), "WE": (form.we_opens, form.we_closes),
            "TH": (form.th_opens, form.th_closes), "FR": (form.fr_opens, form.fr_closes), "SA": (form.sa_opens, form.sa_closes),
            "SU": (form.su_opens, form.su_closes),
        ]
        let dayNames = t("staff.listing.days", language).split(separator: ",").map(String.init)
        // Every day is read before any is refused, so what was typed for each comes back as it was.
        var bad: [String] = []
        for day in Self.weekdays {
            let (o, c) = (clean(raw[day]?.0, 5), clean(raw[day]?.1, 5))
            if o.isEmpty && c.isEmpty { continue }
            if let opens = Self.time(o), let closes = Self.time(c), opens < closes {
                d.hours[day] = (opens, closes)
            } else {
                d.hours[day] = (o, c)
                bad.append(day)
            }
        }
        if !bad.isEmpty {
            let names = bad.compactMap { day in Self.weekdays.firstIndex(of: day).map { $0 < dayNames.count ? dayNames[$0] : day } }
            return try listingEditor(
                request, s, language, id: id, draft: d, error: t("staff.listing.badhours", language, ["day": names.joined(separator: ", ")]),
                invalidDays: Set(bad), status: .badRequest)
        }
        guard !d.name.isEmpty else { return try listingEditor(request, s, language, id: id, draft: d, error: t("staff.listing.noname", language), status: .badRequest) }
        if !d.email.isEmpty, !NoticePreferences.isPlausibleAddress(d.email) {
            return try listingEditor(request, s, language, id: id, draft: d, error: t("staff.listing.bademail", language), status: .badRequest)
        }
        if !d.url.isEmpty, !(d.url.hasPrefix("https://") || d.url.hasPrefix("http://")) {
            return try listingEditor(request, s, language, id: id, draft: d, error: t("staff.listing.badurl", language), status: .badRequest)
        }

        var records: [HSDSRecord] = []
        var deleting: [(table: String, id: String)] = []
        // The service's own fields.
        var fields = own.service.fields
        for (name, value) in [("name", d.name), ("description", d.description), ("email", d.email), ("url", d.url)] {
            fields[name] = value.isEmpty ? nil : .string(value)
        }
        var changedAddress = false
        if let address = try firstAddress(of: id) {
            for (name, value) in [("address_1", d.address1), ("address_2", d.address2), ("city", d.city), ("postal_code", d.postalCode)]
            where (address.fields[name]?.stringValue ?? "") != value { changedAddress = true }
        }
        // The first phone.
        let phones = try database.records(table: "phone", foreignKey: "service_id", value: id).sorted { $0.id < $1.id }
        if var phone = phones.first {
            if d.phone.isEmpty {
                deleting.append(("phone", phone.id))
            } else if phone.fields["number"]?.stringValue != d.phone {
                phone.fields["number"] = .string(d.phone)
                records.append(phone)
            }
        } else if !d.phone.isEmpty {
            records.append(HSDSRecord(table: "phone", id: UUID().uuidString.lowercased(), fields: JSONObject([("service_id", .string(id)), ("number", .string(d.phone))])))
        }
        // The address of the first location (a new location when the service has none yet).
        if var address = try firstAddress(of: id) {
            for (name, value) in [("address_1", d.address1), ("address_2", d.address2), ("city", d.city), ("postal_code", d.postalCode)] {
                address.fields[name] = value.isEmpty ? nil : .string(value)
            }
            if changedAddress {
                records.append(address)
                // The map pin stood at the old address: it goes rather than point somewhere wrong.
                if let locationID = address.fields["location_id"]?.stringValue, var location = try database.record(table: "location", id: locationID),
                    location.fields["latitude"] != nil || location.fields["longitude"] != nil
                {
                    location.fields["latitude"] = nil
                    location.fields["longitude"] = nil
                    records.append(location)
                }
            }
        } else if !d.address1.isEmpty {
            let location = UUID().uuidString.lowercased()
            var l = JSONObject([("name", .string(d.name)), ("location_type", .string("physical"))])
            if let org = own.service.fields["organization_id"]?.stringValue { l["organization_id"] = .string(org) }
            records.append(HSDSRecord(table: "location", id: location, fields: l))
            var a = JSONObject([("location_id", .string(location)), ("address_1", .string(d.address1)), ("address_type", .string("physical"))])
            for (name, value) in [("address_2", d.address2), ("city", d.city), ("postal_code", d.postalCode)] where !value.isEmpty { a[name] = .string(value) }
            records.append(HSDSRecord(table: "address", id: UUID().uuidString.lowercased(), fields: a))
            records.append(
                HSDSRecord(
                    table: "service_at_location", id: UUID().uuidString.lowercased(),
                    fields: JSONObject([("service_id", .string(id)), ("location_id", .string(location))])))
        }
        // Weekly hours: days with the same opening share a row; unchanged hours publish nothing.
        if d.hours.mapValues({ "\($0.opens)-\($0.closes)" }) != own.draft.hours.mapValues({ "\($0.opens)-\($0.closes)" }) || own.draft.split {
            for old in try database.records(table: "schedule", foreignKey: "service_id", value: id)
            where (old.fields["freq"]?.stringValue ?? "WEEKLY") == "WEEKLY" {
                deleting.append(("schedule", old.id))
            }
            var groups: [String: [String]] = [:]
            for day in Self.weekdays { if let h = d.hours[day] { groups["\(h.opens)-\(h.closes)", default: []].append(day) } }
            for (span, days) in groups.sorted(by: { Self.weekdays.firstIndex(of: $0.value[0])! < Self.weekdays.firstIndex(of: $1.value[0])! }) {
                let times = span.split(separator: "-").map(String.init)
                let byday = days.joined(separator: ",")
                records.append(
                    HSDSRecord(
                        table: "schedule", id: UUID().uuidString.lowercased(),
                        fields: JSONObject([
                            ("service_id", .string(id)), ("freq", .string("WEEKLY")), ("wkst", .string("MO")), ("byday", .string(byday)),
                            ("opens_at", .string(times[0])), ("closes_at", .string(times[1])), ("description", .string("\(byday) \(span)")),
                        ])))
            }
        }
        // The service shows when its listing last changed.
        let serviceChanged = fields != own.service.fields
        if serviceChanged || !records.isEmpty || !deleting.isEmpty {
            fields["last_modified"] = .string(ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(now()) / 1000)))
            records.insert(HSDSRecord(table: "service", id: id, fields: fields), at: 0)
        }
        if !records.isEmpty || !deleting.isEmpty {
            var flattener = HSDSFlattener()
            for r in records {
                var f = r.fields
                f["id"] = .string(r.id)
                try flattener.add(.object(f), table: r.table, path: r.table)
            }
            do {
                try database.ledger.publish(flattener.records, deleting: deleting, identity: identity, nowMilliseconds: now())
            } catch let e as PublishError {
                return try listingEditor(request, s, language, id: id, draft: d, error: e.description, status: .badRequest)
            }
            pages.directory.noteChange()
            try database.audit.record(s.user.username, "edit listing", subject: id, nowMilliseconds: now())
        }
        return Self.redirect("/staff/listings?lang=\(language.rawValue)&edited=\(Self.queryEscaped(id))")
    }
}

/// The listing editor's form: the service's fields, its address, and each weekday's opening.
struct ListingForm: Decodable {
    var name, description, phone, email, url: String?
    var address_1, address_2, city, postal_code: String?
    var mo_opens, mo_closes, tu_opens, tu_closes, we_opens, we_closes, th_opens, th_closes: String?
    var fr_opens, fr_closes, sa_opens, sa_closes, su_opens, su_closes: String?
}
