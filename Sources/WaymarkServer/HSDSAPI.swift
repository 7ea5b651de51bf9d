import Foundation
import Hummingbird
import NIOCore
import WaymarkCore
import WaymarkStore

/// The Open Referral HSDS 3.0 API (`schema/openapi.json`), with the Open Referral UK search
/// parameters and Waymark's extensions (facets, distance, open now), under `/api`.
struct HSDSAPI: Sendable {
    let directory: Directory
    let clock: LocalClock
    let nodeName: String
    /// Whole answers of `/api/services`, per directory version and minute.
    let answers: AnswerCache

    init(directory: Directory, clock: LocalClock, nodeName: String) {
        self.directory = directory
        self.clock = clock
        self.nodeName = nodeName
        // Off with `waymark serve --search-cache 0`.
        answers = AnswerCache(capacityBytes: directory.cachesAnswers ? 4 << 20 : 0)
    }

    static let jsonHeaders: HTTPFields = [.contentType: "application/json; charset=utf-8", .accessControlAllowOrigin: "*"]

    func register(on router: Router<WaymarkRequestContext>) {
        let api = router.group("api")
        api.get { _, _ in guarded { root() } }
        api.get("services") { request, _ in guarded { try services(request) } }
        api.get("services/:id") { _, context in guarded { try service(context.parameters.get("id") ?? "") } }
        api.get("organizations") { request, _ in guarded { try listEntities("organization", request) } }
        api.get("organizations/:id") { request, context in guarded { try organization(context.parameters.get("id") ?? "", request) } }
        api.get("taxonomies") { request, _ in guarded { try listEntities("taxonomy", request) } }
        api.get("taxonomies/:id") { _, context in guarded { try entity("taxonomy", context.parameters.get("id") ?? "") } }
        api.get("taxonomy_terms") { request, _ in guarded { try taxonomyTerms(request) } }
        api.get("taxonomy_terms/:id") { _, context in guarded { try entity("taxonomy_term", context.parameters.get("id") ?? "") } }
        api.get("service_at_locations") { request, _ in guarded { try serviceAtLocations(request) } }
        api.get("service_at_locations/:id") { _, context in
            guarded { try entity("service_at_location", context.parameters.get("id") ?? "") }
        }
    }

    /// Runs a handler, turning problems into `application/problem+json` responses and anything
    /// unexpected into a 500 that says no more than it should.
    private func guarded(_ body: () throws -> Response) -> Response {
        do {
            return try body()
        } catch let p as Problem {
            return p.response
        } catch {
            return Problem(status: .internalServerError, title: "Internal error", detail: "the node could not answer this request").response
        }
    }

    private func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: Self.jsonHeaders, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    private func json(_ value: JSONValue) -> Response { json(JSONWriter().string(value)) }

    private func params(_ request: Request) -> QueryParameters {
        QueryParameters(rawQuery: request.uri.query)
    }

    func root() -> Response {
        json(
            .object(
                JSONObject([
                    ("version", .string("3.0")),
                    ("profile", .string("https://openreferral.org/")),
                    ("openapi_url", .string("https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json")),
                ])))
    }

    /// A `Page` envelope around already-encoded items.
    static func page(items: [String], total: Int, page: Int, perPage: Int, extra: [(String, JSONValue)] = []) -> String {
        let totalPages = total == 0 ? 0 : (total + perPage - 1) / perPage
        var head = JSONObject()
        head["total_items"] = JSONValue(total)
        head["total_pages"] = JSONValue(totalPages)
        head["page_number"] = JSONValue(page)
        head["size"] = JSONValue(items.count)
        head["first_page"] = .bool(page == 1)
        head["last_page"] = .bool(page >= totalPages)
        head["empty"] = .bool(items.isEmpty)
        for (k, v) in extra { head[k] = v }
        var text = JSONWriter().string(.object(head))
        text.removeLast()
        return text + ",\"contents\":[" + items.joined(separator: ",") + "]}"
    }

    func services(_ request: Request) throws -> Response {
        let now = clock.now()
        var key: AnswerCache.Key?
        if answers.isEnabled {
            key = AnswerCache.Key(version: try directory.snapshot().version, day: now.day, minute: now.minute, query: request.uri.query ?? "")
            if let key, let kept = answers.answer(key) { return Self.answer(kept.body, ndjson: kept.ndjson) }
        }
        let (body, ndjson) = try servicesAnswer(request, now: now)
        if let key { answers.keep(body, ndjson: ndjson, for: key) }
        return Self.answer(body, ndjson: ndjson)
    }

    static let ndjsonHeaders: HTTPFields = [.contentType: "application/x-ndjson; charset=utf-8", .accessControlAllowOrigin: "*"]

    static func answer(_ body: ByteBuffer, ndjson: Bool) -> Response {
        Response(status: .ok, headers: ndjson ? ndjsonHeaders : jsonHeaders, body: ResponseBody(byteBuffer: body))
    }

    /// The body of a `/api/services` answer, and whether it is ndjson.
    private func servicesAnswer(_ request: Request, now: LocalDateTime) throws -> (ByteBuffer, Bool) {
        let p = params(request)
        var query = try p.searchQuery(now: now, gazetteer: directory.district.gazetteer)
        let format = p.string("format") ?? "json"
        guard format == "json" || format == "ndjson" else { throw Problem.badParameter("format", "must be json or ndjson, got '\(format)'") }
        let full = try p.bool("full") ?? false
        let minimal = try p.bool("minimal") ?? false
        let wantFacets = try p.bool("facets") ?? false
        query.countFacets = wantFacets
        if format == "ndjson" {
            query.page = 1
            query.perPage = Int.max / 4
        }
        let result = try directory.search(query, now: now)
        let ids = result.hits.map(\.id)
        let items: [String]
        if minimal {
            let snap = try directory.snapshot()
            items = ids.map { id in
                JSONWriter().string(
                    .object(JSONObject([("id", .string(id)), ("last_modified", .string(snap.index.facts(id)?.lastModified ?? ""))])))
            }
        } else {
            let docs = try directory.documents(ids, full: full)
            items = ids.compactMap { docs[$0] }
        }
        if format == "ndjson" {
            return (ByteBuffer(string: items.joined(separator: "\n") + (items.isEmpty ? "" : "\n")), true)
        }
        let extra: [(String, JSONValue)] = wantFacets ? [("facets", try facetsJSON(result.facets))] : []
        return (ByteBuffer(string: Self.page(items: items, total: result.total, page: result.page, perPage: result.perPage, extra: extra)), false)
    }

    func facetsJSON(_ f: Facets) throws -> JSONValue {
        let snap = try directory.snapshot()
        func counts(_ d: [String: Int], key: String, name: (String) -> String?) -> JSONValue {
            .array(
                d.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { k, v in
                    var o = JSONObject([(key, .string(k))])
                    if let n = name(k) { o["name"] = .string(n) }
                    o["count"] = JSONValue(v)
                    return .object(o)
                })
        }
        return .object(
            JSONObject([
                ("taxonomy_terms", counts(f.taxonomyTerms, key: "id", name: { snap.terms[$0]?.name })),
                ("organizations", counts(f.organizations, key: "id", name: { snap.organizations[$0] })),
                ("languages", counts(f.languages, key: "code", name: { LanguageNames.name($0) })),
                ("accessibility", counts(f.accessibility, key: "value", name: { _ in nil })),
                ("age_groups", counts(f.ageGroups, key: "key", name: { _ in nil })),
                ("free", JSONValue(f.free)),
                ("open_now", JSONValue(f.openNow)),
            ]))
    }

    func service(_ id: String) throws -> Response {
        guard let doc = try directory.document(id, full: true) else { throw Problem.notFound("no service with id '\(id)'") }
        return json(doc)
    }

    func entity(_ table: String, _ id: String) throws -> Response {
        let found: JSONObject? = try directory.withRows { rows in
            rows.record(table: table, id: id).map { HSDSAssembler(source: rows).assemble($0) }
        }
        guard let found else { throw Problem.notFound("no \(table.replacingOccurrences(of: "_", with: " ")) with id '\(id)'") }
        return json(.object(found))
    }

    func organization(_ id: String, _ request: Request) throws -> Response {
        let fullService = try params(request).bool("full_service") ?? false
        let found: String? = try directory.withRows { rows in
            try rows.record(table: "organization", id: id).map { try organizationJSON($0, rows: rows, fullService: fullService) }
        }
        guard let found else { throw Problem.notFound("no organization with id '\(id)'") }
        return json(found)
    }

    /// An organisation, fully nested, with its services: in their own fields only (as in
    /// `organization_list`), or fully nested from the stored service documents with `fullService`.
    func organizationJSON(_ org: HSDSRecord, rows: DatabaseRowSource, fullService: Bool) throws -> String {
        let writer = JSONWriter()
        var text = writer.string(.object(HSDSAssembler(source: rows).assemble(org, excluding: ["services"])))
        let services = rows.records(table: "service", foreignKey: "organization_id", value: org.id)
        let items: [String]
        if fullService {
            let docs = try rows.serviceDocuments(services.map(\.id), full: true)
            items = services.compactMap { docs[$0.id] }
        } else {
            items = services.map { writer.string(.object(HSDSAssembler(source: rows).assemble($0, depth: .list).removing(["organization", "program"]))) }
        }
        text.removeLast()
        return text + (text.hasSuffix("{") ? "" : ",") + "\"services\":[" + items.joined(separator: ",") + "]}"
    }

    func listEntities(_ table: String, _ request: Request, textSearch: Bool = true, filter: ((HSDSRecord) -> Bool)? = nil) throws -> Response {
        let p = params(request)
        let page = try p.int("page", in: 1...1_000_000) ?? 1
        let perPage = try p.int("per_page", in: 1...1000) ?? 20
        let full = try p.bool("full") ?? false
        let format = p.string("format") ?? "json"
        guard format == "json" || format == "ndjson" else { throw Problem.badParameter("format", "must be json or ndjson, got '\(format)'") }
        let search = textSearch ? p.string("search") : nil
        let (total, items): (Int, [String]) = try directory.withRows { rows in
            let writer = JSONWriter()
            let assembler = HSDSAssembler(source: rows)
            if let filter {
                let all = try rows.list(table: table, search: search, limit: Int.max / 4, offset: 0).records.filter(filter)
                let slice = format == "ndjson" ? all[...] : all.dropFirst((page - 1) * perPage).prefix(perPage)
                return (all.count, slice.map { writer.string(.object(assembler.assemble($0, depth: full ? .full : .list))) })
            }
            let listed =
                format == "ndjson"
                ? try rows.list(table: table, search: search, limit: Int.max / 4, offset: 0)
                : try rows.list(table: table, search: search, limit: perPage, offset: (page - 1) * perPage)
            if table == "organization" && full {
                let fullService = try p.bool("full_service") ?? false
                return (listed.total, try listed.records.map { try organizationJSON($0, rows: rows, fullService: fullService) })
            }
            return (listed.total, listed.records.map { writer.string(.object(assembler.assemble($0, depth: full ? .full : .list))) })
        }
        if format == "ndjson" {
            return Self.answer(ByteBuffer(string: items.map { $0 + "\n" }.joined()), ndjson: true)
        }
        return json(Self.page(items: items, total: total, page: page, perPage: perPage))
    }

    func taxonomyTerms(_ request: Request) throws -> Response {
        let p = params(request)
        let taxonomyID = p.string("taxonomy_id")
        let parentID = p.string("parent_id")
        let topOnly = try p.bool("top_only") ?? false
        if taxonomyID == nil && parentID == nil && !topOnly { return try listEntities("taxonomy_term", request) }
        return try listEntities("taxonomy_term", request) { r in
            if let taxonomyID, r.string("taxonomy_id") != taxonomyID { return false }
            if let parentID, r.string("parent_id") != parentID { return false }
            if topOnly, let parent = r.string("parent_id"), !parent.isEmpty { return false }
            return true
        }
    }

    func serviceAtLocations(_ request: Request) throws -> Response {
        let p = params(request)
        let query = try p.searchQuery(now: clock.now(), gazetteer: directory.district.gazetteer)
        // Paging and sorting alone are not filters.
        guard !query.text.isEmpty || query.includeInactive || query.filtersOnFacts else { return try listEntities("service_at_location", request) }
        var unpaged = query
        unpaged.page = 1
        unpaged.perPage = Int.max / 4
        unpaged.countFacets = false
        let matching = Set(try directory.search(unpaged, now: clock.now()).hits.map(\.id))
        // The text search was applied to the services above; the location links have no text of their own.
        return try listEntities("service_at_location", request, textSearch: false) { r in r.string("service_id").map(matching.contains) ?? false }
    }
}

extension JSONObject {
    func removing(_ keys: [String]) -> JSONObject {
        var o = self
        for k in keys { o[k] = nil }
        return o
    }
}
