/// The in-memory side of directory search: filters, facets, sorting and paging over the facts of
/// every service. Text matching is done by the store's full-text index and passed in as scores.
///
/// For example:
/// ```swift
/// var q = SearchQuery(); q.freeOnly = true; q.near = GeoPoint(latitude: 53.395, longitude: -6.264)
/// let result = index.search(q, textScores: nil, now: LocalDateTime(year: 2026, month: 11, day: 23, hour: 10))
/// ```
public struct DirectoryIndex: Sendable {
    public private(set) var services: [ServiceFacts]
    private var positions: [String: Int]
    /// Taxonomy term id to the id of the taxonomy it belongs to.
    public let termTaxonomy: [String: String]

    public init(services: [ServiceFacts], termTaxonomy: [String: String] = [:]) {
        // Kept in name order, so that comparing positions is comparing names.
        let services = services.sorted { $0.sortKey != $1.sortKey ? $0.sortKey < $1.sortKey : $0.id < $1.id }
        self.services = services
        self.positions = Dictionary(services.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        self.termTaxonomy = termTaxonomy
    }

    public var count: Int { services.count }

    public func facts(_ id: String) -> ServiceFacts? { positions[id].map { services[$0] } }

    /// Runs a query.
    /// - Parameters:
    ///   - query: the filters, sort and page.
    ///   - textScores: service id to relevance (higher is better) from the text index, or `nil` when
    ///     the query has no text; services absent from it do not match.
    ///   - now: the local moment "open now" refers to.
    /// - Returns: the requested page, the total and facet counts over all matches.
    public func search(_ query: SearchQuery, textScores: [String: Double]?, now: LocalDateTime) -> SearchResult {
        let openMoment = query.openAt ?? now
        var matches: [(facts: ServiceFacts, rank: Int, score: Double, distance: Double?, open: Bool)] = []
        matches.reserveCapacity(textScores?.count ?? services.count)

        let candidates: [Int]
        if let textScores {
            candidates = textScores.keys.compactMap { positions[$0] }
        } else {
            candidates = Array(services.indices)
        }
        for position in candidates {
            let f = services[position]
            if !query.includeInactive && f.status != "active" { continue }
            if let org = query.organizationID, f.organizationID != org { continue }
            if !query.taxonomyTermIDs.allSatisfy({ f.termIDs.contains($0) }) { continue }
            if let tax = query.taxonomyID, !f.termIDs.contains(where: { termTaxonomy[$0] == tax }) { continue }
            if !query.languages.allSatisfy({ f.languages.contains($0.lowercased()) }) { continue }
            if !query.accessibility.allSatisfy({ f.accessibility.contains($0) }) { continue }
            if query.minimumAge != nil || query.maximumAge != nil, !f.servesAges(from: query.minimumAge, to: query.maximumAge) { continue }
            if query.freeOnly && !f.isFree { continue }
            if let after = query.modifiedAfterSeconds, (f.lastModifiedSeconds ?? Int.min) < after { continue }
            if let w = query.openDuring, !f.hours.isOpen(on: w.day, from: w.from, to: w.to) { continue }
            let open = f.hours.isOpen(at: openMoment)
            if query.openAt != nil && !open { continue }
            var distance: Double?
            if let near = query.near {
                distance = f.distance(from: near)
                if let r = query.radiusKm {
                    guard let d = distance, d <= r else { continue }
                }
            }
            matches.append((f, position, textScores?[f.id] ?? 0, distance, open))
        }

        var facets = Facets()
        for m in matches where query.countFacets {
            let f = m.facts
            for t in f.termIDs { facets.taxonomyTerms[t, default: 0] += 1 }
            if let o = f.organizationID { facets.organizations[o, default: 0] += 1 }
            for l in f.languages { facets.languages[l, default: 0] += 1 }
            for a in f.accessibility { facets.accessibility[a, default: 0] += 1 }
            for g in Facets.ageGroups where f.servesAges(from: g.from, to: g.to) { facets.ageGroups[g.key, default: 0] += 1 }
            if f.isFree { facets.free += 1 }
            if m.open { facets.openNow += 1 }
        }

        typealias Match = (facts: ServiceFacts, rank: Int, score: Double, distance: Double?, open: Bool)
        let byName: (Match, Match) -> Bool = { a, b in a.rank < b.rank }
        switch query.sort {
        case .relevance where textScores != nil:
            matches.sort { $0.score != $1.score ? $0.score > $1.score : byName($0, $1) }
        case .relevance, .name:
            matches.sort { byName($0, $1) }
        case .distance:
            matches.sort { a, b in
                switch (a.distance, b.distance) {
                case let (x?, y?) where x != y: return x < y
                case (_?, nil): return true
                case (nil, _?): return false
                default: return byName(a, b)
                }
            }
        case .updated:
            matches.sort {
                let (x, y) = ($0.facts.lastModifiedSeconds ?? Int.min, $1.facts.lastModifiedSeconds ?? Int.min)
                return x != y ? x > y : byName($0, $1)
            }
        }

        let perPage = max(1, query.perPage)
        let page = max(1, query.page)
        let start = min(matches.count, (page - 1) * perPage)
        let end = min(matches.count, start + perPage)
        let hits = matches[start..<end].map { SearchResult.Hit(id: $0.facts.id, distanceKm: $0.distance, openNow: $0.open) }
        return SearchResult(hits: hits, total: matches.count, page: page, perPage: perPage, facets: facets)
    }
}
