/// A directory search: free text plus filters, all combined with AND.
public struct SearchQuery: Sendable, Hashable {
    public enum Sort: String, Sendable, CaseIterable {
        case relevance, distance, name, updated
    }

    public var text: String = ""
    /// Each term matches services classified under it or any of its descendants.
    public var taxonomyTermIDs: [String] = []
    public var taxonomyID: String?
    public var organizationID: String?
    public var languages: [String] = []
    public var accessibility: [String] = []
    /// Services whose age range overlaps `minimumAge...maximumAge`.
    public var minimumAge: Double?
    public var maximumAge: Double?
    /// Services that serve any one of these age spans (the website's age groups; `nil` upper = no limit).
    public var ageSpans: [AgeSpan] = []
    public var freeOnly = false
    /// Open at this moment.
    public var openAt: LocalDateTime?
    /// Open at some point on `day` between `from` and `to` minutes (the Open Referral UK `day`, `start_time`, `end_time`).
    public var openDuring: (day: Weekday, from: Int, to: Int)?
    public var near: GeoPoint?
    /// Only services within this many kilometres of `near`.
    public var radiusKm: Double?
    /// Seconds since 1970 UTC; services modified at or after it.
    public var modifiedAfterSeconds: Int?
    /// Include services whose status is not `active`.
    public var includeInactive = false
    public var sort: Sort = .relevance
    /// Whether to count facets (they cost a pass over every match).
    public var countFacets = true
    public var page = 1
    public var perPage = 20

    public init() {}

    /// Whether the query narrows by anything a service's facts answer: every field but the words,
    /// the active-only rule, the order and the page. Worked out from `==`, so that a new filter
    /// counts here without being listed twice.
    public var filtersOnFacts: Bool {
        let none = SearchQuery()
        var bare = self
        bare.text = none.text
        bare.includeInactive = none.includeInactive
        bare.sort = none.sort
        bare.page = none.page
        bare.perPage = none.perPage
        return bare != none
    }

    public static func == (a: SearchQuery, b: SearchQuery) -> Bool {
        a.text == b.text && a.taxonomyTermIDs == b.taxonomyTermIDs && a.taxonomyID == b.taxonomyID && a.organizationID == b.organizationID
            && a.languages == b.languages && a.accessibility == b.accessibility && a.minimumAge == b.minimumAge
            && a.maximumAge == b.maximumAge && a.freeOnly == b.freeOnly && a.openAt == b.openAt
            && a.openDuring?.day == b.openDuring?.day && a.openDuring?.from == b.openDuring?.from && a.openDuring?.to == b.openDuring?.to
            && a.near == b.near && a.radiusKm == b.radiusKm && a.modifiedAfterSeconds == b.modifiedAfterSeconds && a.sort == b.sort && a.page == b.page
            && a.perPage == b.perPage && a.includeInactive == b.includeInactive && a.ageSpans == b.ageSpans
    }

    public func hash(into h: inout Hasher) {
        h.combine(text)
        h.combine(taxonomyTermIDs)
        h.combine(page)
    }
}

/// An age span in years; `to == nil` has no upper limit.
public struct AgeSpan: Sendable, Hashable {
    public let from: Double
    public let to: Double?
    public init(from: Double, to: Double?) {
        self.from = from
        self.to = to
    }
}

/// One page of results, with the total and the facet counts over every match.
public struct SearchResult: Sendable {
    public struct Hit: Sendable {
        public let id: String
        /// Kilometres from the query's point, when it has one.
        public let distanceKm: Double?
        public let openNow: Bool

        public init(id: String, distanceKm: Double?, openNow: Bool) {
            self.id = id
            self.distanceKm = distanceKm
            self.openNow = openNow
        }
    }

    public var hits: [Hit]
    public var total: Int
    public var page: Int
    public var perPage: Int
    public var facets: Facets

    public var totalPages: Int { total == 0 ? 0 : (total + perPage - 1) / perPage }
}

/// How many of the matching services fall under each filter value.
public struct Facets: Sendable, Equatable {
    public var taxonomyTerms: [String: Int] = [:]
    public var organizations: [String: Int] = [:]
    public var languages: [String: Int] = [:]
    public var accessibility: [String: Int] = [:]
    public var ageGroups: [String: Int] = [:]
    public var free = 0
    /// Services open at the query's moment (or at "now" as the shell passed it).
    public var openNow = 0

    public init() {}

    /// The age groups residents pick from, as (key, lower, upper) in years.
    public static let ageGroups: [(key: String, from: Double, to: Double?)] = [
        ("children", 0, 12), ("young-people", 13, 17), ("adults", 18, 64), ("older-people", 65, nil),
    ]
}
