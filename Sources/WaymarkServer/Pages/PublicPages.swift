import Foundation
import Hummingbird
import NIOCore
import WaymarkCore
import WaymarkCrypto
import WaymarkStore

/// The public directory website: home, search results with facets and a map, service and
/// organisation pages. Built on the same `Directory` search as the API and the CLI.
struct PublicPages: Sendable {
    let directory: Directory
    let clock: LocalClock
    let renderer: PageRenderer
    /// The map tile URL template; empty for no tiles (markers still show).
    let tiles: String
    /// The node's keys: suggestions are signed and sent on to the listing's publisher with them
    /// (`nil` when the app runs without a node identity; then suggestions stay on this node).
    var identity: NodeIdentity? = nil
    /// Proxies whose `X-Forwarded-For` is believed (for counting wrong suggestion codes per address).
    var trustedProxies: Set<String> = []
    /// Wrong suggestion codes per address: 30 in 10 minutes, then the address waits.
    let codeThrottle = AddressThrottle(failures: 30, windowMilliseconds: 10 * 60 * 1000)

    static let perPage = 20

    func sample() -> Bool { (try? directory.database.setting("sample_data")) == "true" }

    /// The values every public page shares: `PageRenderer.base`, the sample banner, the urgent-help
    /// strip and the district's name, place example and map centre. A page that reads the help lines
    /// or the district itself passes them, so that each is read once.
    func base(
        _ request: Request, language: InterfaceLanguage, title: String, help: HelpLines? = nil, district: District? = nil
    ) -> [String: Any] {
        var ctx = renderer.base(request, language: language, title: title, sample: sample())
        ctx["urgent"] = Self.urgent(help ?? directory.helpLines)
        let district = district ?? directory.district
        ctx["siteTitle"] = district.name.text(language.rawValue)
        ctx["placePlaceholder"] = t("search.near.placeholder", language, ["example": district.placeExample.text(language.rawValue)])
        ctx["mapCentre"] = "\(district.centre.latitude),\(district.centre.longitude)"
        return ctx
    }

    /// The strip at the top of every public page: the emergency numbers, a link to the crisis lines,
    /// and the quick-exit control.
    static func urgent(_ help: HelpLines) -> [String: Any] {
        let numbers: [[String: Any]] = help.emergencyNumbers.enumerated().map { i, n in
            ["number": n, "href": "tel:" + (HelpLines.dialable(n) ?? n), "or": i > 0]
        }
        return ["numbers": numbers, "exitURL": help.quickExitURL]
    }

    func register(on router: Router<WaymarkRequestContext>) {
        router.get("/") { request, _ in render { try home(request) } }
        router.get("/search") { request, _ in render { try search(request) } }
        router.get("/help") { request, _ in render { try help(request) } }
        router.get("/freshness") { request, _ in render { try freshness(request) } }
        router.get("/services/:id") { request, context in render { try service(request, id: context.parameters.get("id") ?? "") } }
        router.get("/organizations/:id") { request, context in
            render { try organization(request, id: context.parameters.get("id") ?? "") }
        }
    }

    /// Turns a failure into a page rather than a bare error.
    func render(_ body: () throws -> Response) -> Response {
        do { return try body() } catch let p as Problem {
            return message(status: p.status, heading: Localization.text("error.title", .english), text: p.detail, language: .english)
        } catch {
            return message(status: .internalServerError, heading: "Something went wrong", text: "The page could not be shown.", language: .english)
        }
    }

    /// The site's "page not found", in the visitor's language.
    func notFound(_ request: Request) -> Response {
        let language = PageRenderer.language(request, QueryParameters(rawQuery: request.uri.query))
        return message(status: .notFound, heading: t("error.notfound", language), text: t("error.notfound", language), language: language, request: request)
    }

    func message(status: HTTPResponse.Status, heading: String, text: String, language: InterfaceLanguage, request: Request? = nil) -> Response {
        var ctx: [String: Any] = request.map { base($0, language: language, title: heading) } ?? [
            "lang": language.rawValue, "t": PageRenderer.translations[language] ?? [:], "pageTitle": heading, "listCount": 0,
        ]
        ctx["heading"] = heading
        ctx["text"] = text
        ctx["link"] = "/?lang=\(language.rawValue)"
        ctx["linkText"] = Localization.text("site.home", language)
        return renderer.page("message", ctx, status: status)
    }

    func t(_ key: String, _ language: InterfaceLanguage, _ values: [String: String] = [:]) -> String {
        Localization.text(key, language, values)
    }

    // MARK: Home

    /// The whole directory as one search (its facet counts).
    static func everything(_ snap: Directory.Snapshot, now: LocalDateTime) -> SearchResult {
        var q = SearchQuery()
        q.perPage = 1
        return snap.index.search(q, textScores: nil, now: now)
    }

    /// The top-level categories holding services, each with its count, in the order of the names
    /// shown (Irish names sort differently from the English ones).
    static func topCategories(_ snap: Directory.Snapshot, _ language: InterfaceLanguage, everything result: SearchResult) -> [[String: Any]] {
        let topLevel = snap.terms.values.filter { $0.parentID == nil && (result.facets.taxonomyTerms[$0.id] ?? 0) > 0 }
        return named(topLevel, language, in: snap).map { term, name in
            ["id": term.id, "name": name, "count": result.facets.taxonomyTerms[term.id] ?? 0]
        }
    }

    func home(_ request: Request) throws -> Response {
        let params = QueryParameters(rawQuery: request.uri.query)
        let language = PageRenderer.language(request, params)
        let snap = try directory.snapshot()
        var ctx = base(request, language: language, title: t("site.tagline", language))
        let everything = Self.everything(snap, now: clock.now())
        ctx["categories"] = Self.topCategories(snap, language, everything: everything)
        ctx["openNowCount"] = everything.facets.openNow
        return renderer.page("home", ctx, language: params.string("lang") != nil ? language : nil)
    }

    /// Alphabetical order as a reader expects it: accents and case do not count first ("Sábháilteacht"
    /// before "Sláinte"), then they decide.
    static func alphabetical(_ a: String, _ b: String) -> Bool {
        let loose = a.compare(b, options: [.caseInsensitive, .diacriticInsensitive])
        return loose == .orderedSame ? a < b : loose == .orderedAscending
    }

    /// Categories with their names in the interface language, where the directory's own data has one
    /// (HSDS `taxonomy_term` rows with the same taxonomy and code in that `language`), in the
    /// alphabetical order of those names.
    static func named(_ terms: some Sequence<TermInfo>, _ language: InterfaceLanguage, in snap: Directory.Snapshot) -> [(TermInfo, String)] {
        terms.map { ($0, snap.termName($0, language: language.rawValue)) }.sorted { alphabetical($0.1, $1.1) }
    }

    // MARK: Search

    /// Reads the page's parameters into the shared search's parameters.
    func apiParameters(_ p: QueryParameters, now: LocalDateTime) -> [(String, String)] {
        var pairs: [(String, String)] = [("per_page", String(Self.perPage))]
        if let q = p.string("q") { pairs.append(("search", q)) }
        for c in p.list("category") { pairs.append(("taxonomy_term_id", c)) }
        for l in p.list("language") { pairs.append(("language", l)) }
        for a in p.list("access") { pairs.append(("accessibility", a)) }
        if p.string("free") != nil { pairs.append(("free", "true")) }
        switch p.string("open") {
        case "now": pairs.append(("open_now", "true"))
        case "at":
            let day = p.string("day") ?? now.weekday.code
            let time = p.string("time") ?? now.timeString
            pairs += [("day", day), ("start_time", time)]
            if let m = LocalDateTime.parseTime(time), m < 1439 {
                pairs.append(("end_time", LocalDateTime(day: 0, minute: m + 1).timeString))
            }
        default: break
        }
        if let near = p.string("near") { pairs.append(("near", near)) }
        if let lat = p.string("lat"), let lon = p.string("lon") { pairs += [("lat", lat), ("lon", lon)] }
        if let r = p.string("radius"), r != "any" { pairs.append(("radius_km", r)) }
        if let s = p.string("sort") { pairs.append(("sort", s)) }
        if let page = p.string("page") { pairs.append(("page", page)) }
        return pairs
    }

    /// The ticked age groups: a service serving any one of them matches.
    static func ageSpans(_ p: QueryParameters) -> [AgeSpan] {
        Facets.ageGroups.filter { p.list("age").contains($0.key) }.map { AgeSpan(from: $0.from, to: $0.to) }
    }

    func search(_ request: Request) throws -> Response {
        let p = QueryParameters(rawQuery: request.uri.query)
        let language = PageRenderer.language(request, p)
        let now = clock.now()
        let district = directory.district
        var query: SearchQuery
        var notice: String?
        do {
            query = try QueryParameters(apiParameters(p, now: now)).searchQuery(now: now, gazetteer: district.gazetteer)
            query.ageSpans = Self.ageSpans(p)
        } catch let problem as Problem {
            // Keep the visitor on the results page: say, in their words, what could not be used and search without it.
            notice = residentNotice(problem, p, language, district: district)
            let bad = Set(problem.invalidParams.map(\.name))
            let pageNames: [String: [String]] = [
                "near": ["near"], "postcode": ["near"], "lat": ["lat", "lon"], "lon": ["lat", "lon"], "radius_km": ["radius"],
                "sort": ["sort"], "day": ["day", "open"], "start_time": ["time", "open"], "end_time": ["time", "open"], "page": ["page"],
                "search": ["q"],
            ]
            let drop = Set(bad.flatMap { pageNames[$0] ?? [$0] })
            let kept = QueryParameters(p.pairs.filter { !drop.contains($0.0) })
            do {
                query = try QueryParameters(apiParameters(kept, now: now)).searchQuery(now: now, gazetteer: district.gazetteer)
                query.ageSpans = Self.ageSpans(kept)
            } catch {
                var plain = SearchQuery()
                plain.perPage = Self.perPage
                query = plain
            }
        }
        let result = try directory.search(query, now: now)
        let snap = try directory.snapshot()
        // A category chosen from the home page is headed with its name, not "Search results".
        let onlyCategory = (p.string("q") ?? "").isEmpty && p.list("category").count == 1 && p.pairs.allSatisfy { ["category", "lang"].contains($0.0) }
        let heading = (onlyCategory ? snap.terms[p.list("category")[0]].map { snap.termName($0, language: language.rawValue) } : nil)
            ?? t("results.title", language)
        let help = directory.helpLines
        var ctx = base(request, language: language, title: heading, help: help, district: district)
        ctx["heading"] = heading
        ctx["map"] = true
        ctx["tiles"] = tiles
        ctx["query"] = p.string("q") ?? ""
        ctx["near"] = p.string("near") ?? ""
        ctx["lat"] = p.string("lat") ?? ""
        ctx["lon"] = p.string("lon") ?? ""
        if let notice { ctx["notice"] = notice }
        let topics = help.topics(in: p.string("q") ?? "")
        if !topics.isEmpty {
            // Words of crisis: the emergency numbers and the lines for it come before any listing.
            let lines = help.lines(forTopics: topics).map { Self.lineView($0, language) }
            ctx["crisis"] = ["lines": lines, "hasLines": !lines.isEmpty] as [String: Any]
        }
        ctx["countText"] = result.total == 1 ? t("results.count.one", language) : t("results.count.many", language, ["n": String(result.total)])
        ctx["empty"] = result.total == 0
        if result.total == 0 {
            // Fewer words help only where words were typed.
            let typed = !(p.string("q") ?? "").trimmingCharacters(in: .whitespaces).isEmpty
            ctx["emptyText"] = t(typed ? "results.none" : "results.none.filters", language)
            // Nothing matched: every category with services, to look through instead of a dead end.
            let categories = Self.topCategories(snap, language, everything: Self.everything(snap, now: now))
            ctx["emptyCategories"] = categories
            ctx["hasEmptyCategories"] = !categories.isEmpty
        }
        let back = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
        let hits = try hitViews(
            result.hits, snap: snap, language: language, request: request, back: back, at: chosenMoment(p, now: now, language: language))
        ctx["hits"] = hits.views
        ctx["pointsJSON"] = hits.points

        // Filters, with the counts of the current matches.
        let selectedOpen = p.string("open") ?? "any"
        ctx["when"] = [
            ["value": "any", "label": t("facet.when.any", language), "checked": selectedOpen == "any"],
            ["value": "now", "label": t("facet.when.now", language), "checked": selectedOpen == "now", "count": result.facets.openNow],
            ["value": "at", "label": t("facet.when.at", language), "checked": selectedOpen == "at"],
        ] as [[String: Any]]
        let day = p.string("day") ?? now.weekday.code
        ctx["days"] = Weekday.allCases.map { ["code": $0.code, "label": t("day.\($0.code)", language), "selected": $0.code == day] }
        ctx["time"] = p.string("time") ?? now.timeString
        ctx["facetGroups"] = facetGroups(result.facets, snap: snap, params: p, language: language)
        let radius = p.string("radius") ?? "any"
        let radii = [("any", t("facet.radius.any", language))] + ["0.5", "1", "2", "5"].map { ($0, "\($0) km") }
        ctx["radii"] = radii.map { ["value": $0.0, "label": $0.1, "selected": $0.0 == radius] }
        let sort = p.string("sort") ?? query.sort.rawValue
        ctx["sorts"] = SearchQuery.Sort.allCases.map { ["value": $0.rawValue, "label": t("sort.\($0.rawValue)", language), "selected": $0.rawValue == sort] }

        if result.totalPages > 1 {
            var paging: [String: Any] = [
                "pageText": t("results.page", language, ["page": String(result.page), "pages": String(result.totalPages)])
            ]
            let others = p.pairs.filter { $0.0 != "page" }
            if result.page > 1 { paging["previous"] = "/search?" + PageRenderer.query(others + [("page", String(result.page - 1))]) }
            if result.page < result.totalPages { paging["next"] = "/search?" + PageRenderer.query(others + [("page", String(result.page + 1))]) }
            ctx["paging"] = paging
        }
        return renderer.page("results", ctx, language: p.string("lang") != nil ? language : nil)
    }

    /// What could not be used of a search, as a resident would put it (never the API's wording).
    func residentNotice(_ problem: Problem, _ p: QueryParameters, _ language: InterfaceLanguage, district: District) -> String {
        let names = Set(problem.invalidParams.map(\.name))
        if !names.isDisjoint(with: ["near", "postcode"]) {
            return t("results.notice.place", language, [
                "place": Self.shorten(p.string("near") ?? "", to: 60), "example": district.placeExample.text(language.rawValue),
            ])
        }
        if names.contains("sort") && p.string("sort") == "distance" { return t("results.notice.distance", language) }
        if !names.isDisjoint(with: ["radius_km", "proximity"]) { return t("results.notice.radius", language) }
        if !names.isDisjoint(with: ["start_time", "end_time", "day"]) { return t("results.notice.time", language) }
        if names.contains("search") { return t("results.notice.long", language) }
        if names.contains("page") { return t("results.notice.page", language) }
        return t("results.notice.other", language)
    }

    /// The moment a visitor chose with "open on a day and time": that weekday's next date (today if
    /// it is today) at that time, and how the badges name it ("Tuesday 19:00").
    func chosenMoment(_ p: QueryParameters, now: LocalDateTime, language: InterfaceLanguage) -> (moment: LocalDateTime, label: String)? {
        guard p.string("open") == "at", let day = Weekday(name: p.string("day") ?? now.weekday.code),
            let minute = LocalDateTime.parseTime(p.string("time") ?? now.timeString), minute < 1440
        else { return nil }
        let ahead = (day.rawValue - now.weekday.rawValue + 7) % 7
        let moment = LocalDateTime(day: now.day + ahead, minute: minute)
        return (moment, t("day.\(day.code)", language) + " " + moment.timeString)
    }

    func facetGroups(_ f: Facets, snap: Directory.Snapshot, params p: QueryParameters, language: InterfaceLanguage) -> [[String: Any]] {
        func option(_ param: String, _ value: String, _ label: String, _ count: Int) -> [String: Any] {
            ["param": param, "value": value, "label": label, "count": count, "checked": p.list(param).contains(value),
             "domID": "\(param)-\(value)".map { $0.isLetter || $0.isNumber ? $0 : "-" }.map(String.init).joined()]
        }
        var groups: [[String: Any]] = []
        let selected = Set(p.list("category"))
        var categoryOptions: [[String: Any]] = []
        for (term, name) in Self.named(snap.terms.values.filter({ $0.parentID == nil }), language, in: snap) {
            let count = f.taxonomyTerms[term.id] ?? 0
            guard count > 0 || selected.contains(term.id) else { continue }
            categoryOptions.append(option("category", term.id, name, count))
            if selected.contains(term.id) || snap.terms.values.contains(where: { $0.parentID == term.id && selected.contains($0.id) }) {
                for (child, childName) in Self.named(snap.terms.values.filter({ $0.parentID == term.id }), language, in: snap) {
                    let c = f.taxonomyTerms[child.id] ?? 0
                    guard c > 0 || selected.contains(child.id) else { continue }
                    categoryOptions.append(option("category", child.id, "— " + childName, c))
                }
            }
        }
        groups.append(["legend": t("facet.category", language), "options": categoryOptions])
        groups.append([
            "legend": t("facet.age", language),
            "options": Facets.ageGroups.map { option("age", $0.key, t("age.\($0.key)", language), f.ageGroups[$0.key] ?? 0) },
        ])
        let languages = f.languages.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(12)
        groups.append([
            "legend": t("facet.language", language),
            "options": languages.map { option("language", $0.key, LanguageNames.name($0.key, irish: language == .irish), $0.value) },
        ])
        if !f.accessibility.isEmpty {
            groups.append([
                "legend": t("facet.accessibility", language),
                "options": f.accessibility.sorted { $0.key < $1.key }.map {
                    option("access", $0.key, AccessibilityNames.name($0.key, irish: language == .irish), $0.value)
                },
            ])
        }
        groups.append(["legend": t("facet.cost", language), "options": [option("free", "1", t("facet.free", language), f.free)]])
        return groups
    }

    /// The result items of a page, and the JSON of their map markers.
    /// - Parameter at: the day and time the visitor filtered on, if any: the badges then say whether
    ///   each service is open then, not now.
    func hitViews(
        _ hits: [SearchResult.Hit], snap: Directory.Snapshot, language: InterfaceLanguage, request: Request, back: String,
        at: (moment: LocalDateTime, label: String)? = nil
    ) throws
        -> (views: [[String: Any]], points: String)
    {
        let docs = try directory.documents(hits.map(\.id), full: false)
        let now = clock.now()
        let onList = Set(PageRenderer.listIDs(request))
        var views: [[String: Any]] = []
        var points: [JSONValue] = []
        for hit in hits {
            guard let facts = snap.index.facts(hit.id) else { continue }
            var summary = ""
            if let doc = docs[hit.id], case .object(let o)? = try? JSONParser.parse(doc) {
                summary = Self.shorten(o["description"]?.stringValue ?? "", to: 200)
            }
            let listed = onList.contains(hit.id)
            let open = at.map { facts.hours.isOpen(at: $0.moment) } ?? hit.openNow
            let openText =
                at.map { t(open ? "badge.open.at" : "badge.closed.at", language, ["when": $0.label]) }
                ?? t(open ? "badge.open" : "badge.closed", language)
            var v: [String: Any] = [
                "id": hit.id, "name": facts.name, "summary": summary, "open": open, "openText": openText, "free": facts.isFree, "back": back,
                "listAction": listed ? "remove" : "add", "listLabel": t(listed ? "list.remove" : "list.add", language),
            ]
            // Every key the item's template names is set, empty or not: a missing one would be looked up
            // in the page around it (Mustache) and show the page's own value of that name.
            v["organization"] = facts.organizationName ?? false
            v["address"] = facts.addressLine ?? false
            v["phone"] = facts.phone.flatMap(SafeLink.phone) ?? false
            v["nextChange"] = openingLine(facts.hours, open: hit.openNow, now: now, language: language) ?? false
            v["distance"] = hit.distanceKm.map { t("results.km", language, ["km": String(format: "%.1f", $0)]) } ?? false
            views.append(v)
            if let p = facts.points.first {
                points.append(
                    .object(
                        JSONObject([
                            ("lat", JSONValue(p.latitude)), ("lon", JSONValue(p.longitude)), ("name", .string(facts.name)),
                            ("url", .string("/services/\(hit.id)?lang=\(language.rawValue)")),
                        ])))
            }
        }
        return (views, JSONWriter().string(.array(points)))
    }

    /// "Closes at 17:00" while open, else "Next open: Tuesday at 10:00"; nil without opening hours.
    func openingLine(_ hours: OpeningHours, open: Bool, now: LocalDateTime, language: InterfaceLanguage) -> String? {
        if open, let slot = hours.currentSlot(at: now) {
            return t("service.closes", language, ["time": LocalDateTime(day: 0, minute: slot.closes % 1440).timeString])
        }
        if !open, let next = hours.nextOpening(after: now) {
            let day = next.start.day == now.day ? t("day.today", language)
                : next.start.day == now.day + 1 ? t("day.tomorrow", language) : t("day.\(next.start.weekday.code)", language)
            return t("service.next", language, ["day": day, "time": next.start.timeString])
        }
        return nil
    }

    static func shorten(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let cut = text.prefix(limit)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }

    // MARK: Organisation

    func organization(_ request: Request, id: String) throws -> Response {
        let p = QueryParameters(rawQuery: request.uri.query)
        let language = PageRenderer.language(request, p)
        let org: JSONObject? = try directory.withRows { rows in rows.record(table: "organization", id: id).map { HSDSAssembler(source: rows).assemble($0, depth: .list) } }
        guard let org else {
            return message(status: .notFound, heading: t("error.notfound", language), text: t("org.notfound", language), language: language, request: request)
        }
        let snap = try directory.snapshot()
        var q = SearchQuery()
        q.organizationID = id
        q.perPage = 500
        q.sort = .name
        q.countFacets = false
        let result = snap.index.search(q, textScores: nil, now: clock.now())
        let name = org["name"]?.stringValue ?? ""
        var ctx = base(request, language: language, title: name)
        ctx["name"] = name
        ctx["description"] = org["description"]?.stringValue ?? ""
        let phones = try directory.withRows { $0.records(table: "phone", foreignKey: "organization_id", value: id) }
        ctx["phones"] = phones.compactMap { $0.string("number").flatMap { SafeLink.phone($0) } }
        ctx["emails"] = [org["email"]?.stringValue].compactMap { $0.flatMap(SafeLink.email) }
        ctx["websites"] = [org["website"]?.stringValue].compactMap { $0.flatMap(SafeLink.web) }
        ctx["hits"] = try hitViews(result.hits, snap: snap, language: language, request: request, back: request.uri.path).views
        let said = try directory.database.rowOwner(table: "organization", id: id).flatMap {
            try directory.database.suggestionTally(since: Self.yearAgo(clock.now()))[hexString($0)]
        }
        ctx["saidDid"] =
            said.map { t("said.count", language, ["answered": String($0.answered), "changed": String($0.changed)]) } ?? t("said.count.none", language)
        return renderer.page("organization", ctx)
    }
}

/// Links built from directory content: only `https:`/`http:`, `mailto:` and `tel:` ever become an
/// `href`, so an entry can never smuggle in `javascript:` or a data URL.
enum SafeLink {
    static func web(_ raw: String) -> [String: String]? {
        let s = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let url = URL(string: s), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http", url.host != nil else {
            return nil
        }
        return ["href": s, "label": s]
    }

    static func email(_ raw: String) -> [String: String]? {
        let s = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let parts = s.split(separator: "@")
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            s.allSatisfy({ $0.isLetter || $0.isNumber || "@.-_+".contains($0) })
        else { return nil }
        return ["href": "mailto:" + s, "label": s]
    }

    static func phone(_ raw: String) -> [String: String]? {
        let s = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let digits = s.filter { $0.isNumber || $0 == "+" }
        guard digits.count >= 5, s.allSatisfy({ $0.isNumber || " +-()".contains($0) }) else { return nil }
        return ["href": "tel:" + digits, "label": s]
    }
}

extension Directory {
    /// The node's help lines (the built-in ones if its own cannot be read), for the pages.
    var helpLines: HelpLines { (try? database.helpLines()) ?? .ireland }
    /// The node's district (the built-in one if its own cannot be read), for the pages and the API:
    /// kept with the directory's snapshot (a change of district moves the directory's version).
    var district: District { (try? snapshot().district) ?? .ballymun }
}
