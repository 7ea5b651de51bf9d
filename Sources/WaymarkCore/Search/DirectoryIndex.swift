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
    /// Whether each service (by position) is active: the one filter every search applies, read
    /// without touching the facts.
    private var active: [Bool]
    /// Taxonomy term id to the id of the taxonomy it belongs to.
    public let termTaxonomy: [String: String]

    public init(services: [ServiceFacts], termTaxonomy: [String: String] = [:]) {
        // Kept in name order, so that comparing positions is comparing names.
        let services = services.sorted { $0.sortKey != $1.sortKey ? $0.sortKey < $1.sortKey : $0.id < $1.id }
        self.services = services
        self.active = services.map { $0.status == "active" }
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
        // Distinct ids have distinct positions, so each position appears once.
        let matches = textScores.map { scores in scores.compactMap { id, score in positions[id].map { (row: $0, score: score) } } }
        return search(query, matches: matches, now: now)
    }

    /// The position of a service in this index (name order): the rows of the text index.
    public func position(of id: String) -> Int? { positions[id] }

    /// Runs a query over the text index's matches (positions with their relevance), or over every
    /// service when `textScores` is `nil`. A position must appear at most once.
    public func search(_ query: SearchQuery, matches textScores: [(row: Int, score: Double)]?, now: LocalDateTime) -> SearchResult {
        let openMoment = query.openAt ?? now
        // "Open on Monday between 10 and 12" means the coming Monday (today if it is Monday).
        let windowDay = query.openDuring.map { now.day + ($0.day.rawValue - now.weekday.rawValue + 7) % 7 }
        // Matches hold positions, not copies of the facts: copying facts is most of the cost of a broad query.
        var matches: [Match] = []
        matches.reserveCapacity(textScores?.count ?? services.count)
        let termTaxonomy = self.termTaxonomy
        // Most searches are words alone: then only the active flag is read for each match, and the
        // facts (and their opening hours) only for the page shown and the facet counts.
        let needsFacts = query.filtersOnFacts
        services.withUnsafeBufferPointer { services in
            active.withUnsafeBufferPointer { active in
                func consider(_ position: Int, _ score: Double) {
                    if !query.includeInactive && !active[position] { return }
                    guard needsFacts else {
                        matches.append(Match(position: position, score: score, distance: nil))
                        return
                    }
                    let f = services[position]
                    if let org = query.organizationID, f.organizationID != org { return }
                    if !query.taxonomyTermIDs.isEmpty && !query.taxonomyTermIDs.allSatisfy({ f.termIDs.contains($0) }) { return }
                    if let tax = query.taxonomyID, !f.termIDs.contains(where: { termTaxonomy[$0] == tax }) { return }
                    if !query.languages.isEmpty && !query.languages.allSatisfy({ f.languages.contains($0.lowercased()) }) { return }
                    if !query.accessibility.isEmpty && !query.accessibility.allSatisfy({ f.accessibility.contains($0) }) { return }
                    if query.minimumAge != nil || query.maximumAge != nil, !f.servesAges(from: query.minimumAge, to: query.maximumAge) { return }
                    if !query.ageSpans.isEmpty && !query.ageSpans.contains(where: { f.servesAges(from: $0.from, to: $0.to) }) { return }
                    if query.freeOnly && !f.isFree { return }
                    if let after = query.modifiedAfterSeconds, (f.lastModifiedSeconds ?? Int.min) < after { return }
                    if let w = query.openDuring, !f.hours.isOpen(on: w.day, from: w.from, to: w.to, day: windowDay) { return }
                    if query.openAt != nil && !f.hours.isOpen(at: openMoment) { return }
                    var distance: Double?
                    if let near = query.near {
                        distance = f.distance(from: near)
                        if let r = query.radiusKm {
                            guard let d = distance, d <= r else { return }
                        }
                    }
                    matches.append(Match(position: position, score: score, distance: distance))
                }
                if let textScores {
                    for (position, score) in textScores where position >= 0 && position < services.count { consider(position, score) }
                } else {
                    for position in services.indices { consider(position, 0) }
                }
            }
        }

        var facets = Facets()
        if query.countFacets {
            for m in matches {
                let f = services[m.position]
                for t in f.termIDs { facets.taxonomyTerms[t, default: 0] += 1 }
                if let o = f.organizationID { facets.organizations[o, default: 0] += 1 }
                for l in f.languages { facets.languages[l, default: 0] += 1 }
                for a in f.accessibility { facets.accessibility[a, default: 0] += 1 }
                for g in Facets.ageGroups where f.servesAges(from: g.from, to: g.to) { facets.ageGroups[g.key, default: 0] += 1 }
                if f.isFree { facets.free += 1 }
                if query.openAt != nil || f.hours.isOpen(at: openMoment) { facets.openNow += 1 }
            }
        }

        // Positions are in name order, so comparing them compares names.
        let inOrder: (Match, Match) -> Bool
        switch query.sort {
        case .relevance where textScores != nil:
            inOrder = { $0.score != $1.score ? $0.score > $1.score : $0.position < $1.position }
        case .relevance, .name:
            inOrder = { $0.position < $1.position }
        case .distance:
            inOrder = { a, b in
                switch (a.distance, b.distance) {
                case let (x?, y?) where x != y: return x < y
                case (_?, nil): return true
                case (nil, _?): return false
                default: return a.position < b.position
                }
            }
        case .updated:
            let stamps = services.map { $0.lastModifiedSeconds ?? Int.min }
            inOrder = { stamps[$0.position] != stamps[$1.position] ? stamps[$0.position] > stamps[$1.position] : $0.position < $1.position }
        }

        let perPage = max(1, query.perPage)
        let page = max(1, query.page)
        let (start, overflow) = (page - 1).multipliedReportingOverflow(by: perPage)
        let from = overflow ? matches.count : min(matches.count, start)
        let to = min(matches.count, from + min(perPage, matches.count))
        // Only the matches up to the end of the page need to be in order.
        let ordered = matches.smallest(to, by: inOrder)
        let hits = ordered[from..<to].map { m in
            let f = services[m.position]
            return SearchResult.Hit(id: f.id, distanceKm: m.distance, openNow: query.openAt != nil || f.hours.isOpen(at: openMoment))
        }
        return SearchResult(hits: hits, total: matches.count, page: page, perPage: perPage, facets: facets)
    }

    struct Match {
        var position: Int
        var score: Double
        var distance: Double?
    }
}

extension Array {
    /// The first `k` elements in the order `areInIncreasingOrder` gives, without sorting the rest:
    /// a search shows 20 of perhaps a thousand matches. Equal elements keep no particular order, so
    /// the order must be total (the directory's orders end on the service's position).
    func smallest(_ k: Int, by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        let k = Swift.min(k, count)
        if k == 0 { return [] }
        if k * 8 >= count { return Array(sorted(by: areInIncreasingOrder).prefix(k)) }
        var kept = Array(self[0..<k]).sorted(by: areInIncreasingOrder)
        kept.reserveCapacity(k + 1)
        for e in self[k...] where areInIncreasingOrder(e, kept[k - 1]) {
            // Binary search for the first kept element that e comes before.
            var low = 0
            var high = k - 1
            while low < high {
                let mid = (low + high) / 2
                if areInIncreasingOrder(e, kept[mid]) { high = mid } else { low = mid + 1 }
            }
            kept.insert(e, at: low)
            kept.removeLast()
        }
        return kept
    }
}
