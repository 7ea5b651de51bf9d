import Foundation
import Hummingbird
import WaymarkCore
import WaymarkStore

extension PublicPages {
    /// A service's page: everything a resident needs to decide and to get there.
    func service(_ request: Request, id: String) throws -> Response {
        let p = QueryParameters(rawQuery: request.uri.query)
        let language = PageRenderer.language(request, p)
        guard let text = try directory.document(id, full: true), case .object(let s) = try JSONParser.parse(text),
            let facts = try directory.snapshot().index.facts(id)
        else {
            return message(
                status: .notFound, heading: t("error.notfound", language), text: t("service.notfound", language), language: language,
                request: request)
        }
        func str(_ o: JSONObject?, _ k: String) -> String? {
            guard let v = o?[k]?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty else { return nil }
            return v
        }
        let now = clock.now()
        var ctx = base(request, language: language, title: facts.name)
        ctx["map"] = true
        ctx["tiles"] = tiles
        ctx["id"] = id
        ctx["name"] = facts.name
        // "Back to results" goes to the search the visitor came from: named in `from` once the page
        // has reloaded itself (after "Add to my list"), else the referring results page.
        let referer = request.headers[.referer].flatMap { URL(string: $0) }
        let fromResults = p.string("from").flatMap { Self.isResultsPath($0) ? $0 : nil }
            ?? referer.flatMap { $0.path == "/search" ? "/search" + ($0.query.map { "?" + $0 } ?? "") : nil }
        ctx["backURL"] = fromResults ?? "/search?lang=\(language.rawValue)"
        ctx["selfURL"] = request.uri.path + "?lang=\(language.rawValue)"
            + (fromResults.flatMap { $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) }.map { "&from=" + $0 } ?? "")
        let org = s["organization"]?.objectValue
        if let name = str(org, "name") {
            ctx["organization"] = name
            ctx["organizationID"] = str(org, "id") ?? ""
        }
        let open = facts.hours.isOpen(at: now)
        ctx["open"] = open
        ctx["free"] = facts.isFree
        if let when = openingLine(facts.hours, open: open, now: now, language: language) { ctx[open ? "closesAt" : "nextOpening"] = when }
        ctx["alert"] = str(s, "alert") ?? ""
        ctx["description"] = (str(s, "description") ?? "").split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        ctx["eligibility"] = str(s, "eligibility_description") ?? ""
        switch facts.wholeYearAges {
        case let (lo?, hi?): ctx["ages"] = t("service.ages.range", language, ["min": String(lo), "max": String(hi)])
        case let (lo?, nil): ctx["ages"] = t("service.ages.from", language, ["min": String(lo)])
        case let (nil, hi?): ctx["ages"] = t("service.ages.to", language, ["max": String(hi)])
        default: break
        }
        if ctx["eligibility"] as? String == "", let ages = ctx["ages"] as? String { ctx["eligibility"] = ages }
        ctx["apply"] = str(s, "application_process") ?? ""

        // Opening hours, a row a day, today marked.
        var hours: [[String: Any]] = []
        for day in Weekday.allCases {
            let slots = facts.hours.slots.filter { $0.weekday == day && $0.holds(on: now.day + (day.rawValue - now.weekday.rawValue + 7) % 7) }
            guard !slots.isEmpty else { continue }
            let times = slots.map { "\(LocalDateTime(day: 0, minute: $0.opens).timeString)–\(LocalDateTime(day: 0, minute: $0.closes % 1440).timeString)" }
            hours.append(["day": t("day.\(day.code)", language), "times": times.joined(separator: ", "), "today": day == now.weekday])
        }
        ctx["hours"] = hours
        ctx["hasHours"] = !hours.isEmpty

        // Where: each location's address, a directions link and the map.
        var locations: [[String: Any]] = []
        var points: [JSONValue] = []
        for sal in s["service_at_locations"]?.arrayValue ?? [] {
            guard let loc = sal["location"]?.objectValue else { continue }
            var line = (loc["addresses"]?.arrayValue ?? []).compactMap(\.objectValue).map(ServiceFacts.addressLine).first ?? ""
            if line.isEmpty { line = str(loc, "name") ?? "" }
            var entry: [String: Any] = ["address": line]
            if let point = GeoPoint(latitude: loc["latitude"]?.doubleValue, longitude: loc["longitude"]?.doubleValue) {
                entry["directions"] = "https://www.openstreetmap.org/directions?route=%3B\(point.latitude)%2C\(point.longitude)"
                points.append(
                    .object(
                        JSONObject([
                            ("lat", JSONValue(point.latitude)), ("lon", JSONValue(point.longitude)), ("name", .string(facts.name)),
                            ("url", .string(request.uri.path)),
                        ])))
            }
            if !line.isEmpty || entry["directions"] != nil { locations.append(entry) }
        }
        ctx["locations"] = locations
        ctx["hasLocations"] = !locations.isEmpty
        ctx["pointsJSON"] = JSONWriter().string(.array(points))

        // Contact: only safe link schemes become links. The organisation's own lines are named as
        // its, so that two "Email:" lines say whose each is.
        let orgName = str(org, "name")
        /// The service's own values (whose: nil) then the organisation's, as links, each address once.
        func links(_ entries: [(raw: String?, whose: String?)], _ make: (String) -> [String: String]?) -> [[String: String]] {
            var out: [[String: String]] = []
            for (raw, whose) in entries {
                guard var link = raw.flatMap(make), !out.contains(where: { $0["href"] == link["href"] }) else { continue }
                link["whose"] = whose
                out.append(link)
            }
            return out
        }
        let numbers: (JSONObject?) -> [String?] = { o in (o?["phones"]?.arrayValue ?? []).map { str($0.objectValue, "number") } }
        let phones = links(numbers(s).map { ($0, nil) } + numbers(org).map { ($0, orgName) }, SafeLink.phone)
        let emails = links([(str(s, "email"), nil), (str(org, "email"), orgName)], SafeLink.email)
        let websites = links([(str(s, "url"), nil), (str(org, "website"), orgName)], SafeLink.web)
        ctx["phones"] = phones
        ctx["emails"] = emails
        ctx["websites"] = websites
        ctx["hasContact"] = !(phones.isEmpty && emails.isEmpty && websites.isEmpty)

        let languages = (s["languages"]?.arrayValue ?? []).compactMap { l -> String? in
            // The interface's name for a language it knows by code; else the publisher's name, else the code.
            let code = str(l.objectValue, "code")
            if let code, case let named = LanguageNames.name(code, irish: language == .irish), named != code { return named }
            return str(l.objectValue, "name") ?? code
        }
        ctx["languages"] = languages.joined(separator: ", ")
        ctx["accessibility"] = facts.accessibility.sorted().map { AccessibilityNames.name($0, irish: language == .irish) }
        ctx["hasAccessibility"] = !facts.accessibility.isEmpty
        ctx["cost"] = str(s, "fees_description") ?? str(s, "fees") ?? (facts.isFree ? t("badge.free", language) : "")
        if let assured = str(s, "assured_date") { ctx["verified"] = t("service.verified", language, ["date": assured]) }
        if let check = try directory.database.latestChecks(of: [id], today: clock.now().dateString)[id] {
            ctx["champion"] = t(
                "service.champion", language, ["date": Self.shownDate(check.checkedOn, language), "who": check.champion, "org": check.organization])
            ctx["championNote"] = check.note.map { $0 as Any } ?? false
        }
        if let modified = str(s, "last_modified") {
            ctx["updated"] = t("service.updated", language, ["date": String(modified.prefix(10))])
        }
        let listed = PageRenderer.listIDs(request).contains(id)
        ctx["listAction"] = listed ? "remove" : "add"
        ctx["listLabel"] = t(listed ? "list.remove" : "list.add", language)
        return renderer.page("service", ctx, language: p.string("lang") != nil ? language : nil)
    }

    /// A path on this site's results page, safe to link to.
    static func isResultsPath(_ path: String) -> Bool {
        (path == "/search" || path.hasPrefix("/search?")) && safeBack(path) == path
    }
}
