/// What search needs to know about one service, read once from its fully nested HSDS document.
///
/// A class, not a struct: a search looks at thousands of these, and reading a shared reference
/// costs one retain where copying a struct of sets and arrays costs one per member.
public final class ServiceFacts: Sendable {
    public let id: String
    public let name: String
    /// The lower-cased name, computed once: sorting by name compares it many times.
    public let sortKey: String
    public let status: String
    public let organizationID: String?
    public let organizationName: String?
    /// The service's taxonomy terms and all their ancestors.
    public let termIDs: Set<String>
    /// Language keys: the lower-cased ISO code where given, else the lower-cased name.
    public let languages: Set<String>
    /// Accessibility features of the service's locations, by their short description.
    public let accessibility: Set<String>
    public let minimumAge: Double?
    public let maximumAge: Double?
    public let isFree: Bool
    public let hours: OpeningHours
    public let points: [GeoPoint]
    /// The first address of the service's first location, as one line.
    public let addressLine: String?
    /// The number to call about it: the service's first phone, else its organisation's.
    public let phone: String?
    /// When someone last checked the listing was right (HSDS `assured_date`), as a day number.
    public let assuredDay: Int?
    /// `last_modified` if the record has one, else when this node last stored it (ISO 8601).
    public let lastModified: String
    /// `lastModified` as seconds since 1970 UTC, when it parses.
    public let lastModifiedSeconds: Int?

    public init(
        id: String, name: String, status: String = "active", organizationID: String? = nil, organizationName: String? = nil,
        termIDs: Set<String> = [], languages: Set<String> = [], accessibility: Set<String> = [], minimumAge: Double? = nil,
        maximumAge: Double? = nil, isFree: Bool = false, hours: OpeningHours = OpeningHours(slots: []), points: [GeoPoint] = [],
        lastModified: String = ""
    ) {
        self.id = id
        self.name = name
        self.sortKey = name.lowercased()
        self.status = status
        self.organizationID = organizationID
        self.organizationName = organizationName
        self.termIDs = termIDs
        self.languages = languages
        self.accessibility = accessibility
        self.minimumAge = minimumAge
        self.maximumAge = maximumAge
        self.isFree = isFree
        self.hours = hours
        self.points = points
        self.addressLine = nil
        self.phone = nil
        self.assuredDay = nil
        self.lastModified = lastModified
        self.lastModifiedSeconds = Timestamp.seconds(lastModified)
    }

    /// Reads the facts from a fully nested service (the `schema/compiled/service.json` shape).
    /// - Parameters:
    ///   - service: the assembled service.
    ///   - parents: taxonomy term id to its parent's id, to add ancestors.
    ///   - storedAt: when the node stored the record, used if it has no `last_modified`.
    ///   - strings: shares one copy of each repeated string (term ids, languages, organisations)
    ///     between the services read with it.
    public init(service: JSONObject, parents: [String: String], storedAt: String, strings: StringPool = StringPool()) {
        let str: (JSONObject, String) -> String? = { o, k in o[k]?.stringValue }
        id = str(service, "id") ?? ""
        name = str(service, "name") ?? ""
        sortKey = name.lowercased()
        status = str(service, "status") ?? "active"
        let org = service["organization"]?.objectValue
        organizationID = (str(service, "organization_id") ?? org.flatMap { str($0, "id") }).map(strings.shared)
        organizationName = org.flatMap { str($0, "name") }.map(strings.shared)
        minimumAge = service["minimum_age"]?.doubleValue
        maximumAge = service["maximum_age"]?.doubleValue
        lastModified = str(service, "last_modified") ?? storedAt
        lastModifiedSeconds = Timestamp.seconds(lastModified)

        var terms = Set<String>()
        for a in service["attributes"]?.arrayValue ?? [] {
            guard let attr = a.objectValue, let t = str(attr, "taxonomy_term_id") ?? attr["taxonomy_term"]?["id"]?.stringValue else {
                continue
            }
            var cursor: String? = t
            var guardCount = 0
            while let c = cursor.map(strings.shared), guardCount < 32, terms.insert(c).inserted {
                cursor = parents[c]
                guardCount += 1
            }
        }
        termIDs = strings.shared(terms)

        var langs = Set<String>()
        var access = Set<String>()
        var points: [GeoPoint] = []
        var address: String?
        var schedules: [HSDSRecord] = []
        func addLanguages(_ v: JSONValue?) {
            for l in v?.arrayValue ?? [] {
                guard let o = l.objectValue else { continue }
                if let code = str(o, "code"), !code.isEmpty {
                    langs.insert(strings.shared(code.lowercased()))
                } else if let n = str(o, "name"), !n.isEmpty {
                    langs.insert(strings.shared(n.lowercased()))
                }
            }
        }
        func addSchedules(_ v: JSONValue?) {
            for s in v?.arrayValue ?? [] {
                if let o = s.objectValue, let id = str(o, "id") { schedules.append(HSDSRecord(table: "schedule", id: id, fields: o)) }
            }
        }
        addLanguages(service["languages"])
        addSchedules(service["schedules"])
        var locationSchedules: [HSDSRecord] = []
        for sal in service["service_at_locations"]?.arrayValue ?? [] {
            guard let salObject = sal.objectValue else { continue }
            addSchedules(salObject["schedules"])
            guard let loc = salObject["location"]?.objectValue else { continue }
            if let p = GeoPoint(latitude: loc["latitude"]?.doubleValue, longitude: loc["longitude"]?.doubleValue) { points.append(p) }
            if address == nil, let a = loc["addresses"]?.arrayValue?.first?.objectValue {
                address = Self.addressLine(a)
            }
            addLanguages(loc["languages"])
            for a in loc["accessibility"]?.arrayValue ?? [] {
                if let d = a["description"]?.stringValue?.trimmingWhitespace(), !d.isEmpty { access.insert(strings.shared(d)) }
            }
            for s in loc["schedules"]?.arrayValue ?? [] {
                if let o = s.objectValue, let id = str(o, "id") { locationSchedules.append(HSDSRecord(table: "schedule", id: id, fields: o)) }
            }
        }
        // A service's own hours win; a location's opening hours stand in when the service has none.
        hours = OpeningHours(schedules: schedules.isEmpty ? locationSchedules : schedules)
        languages = strings.shared(langs)
        accessibility = strings.shared(access)
        self.points = points
        self.addressLine = address
        let firstNumber: (JSONValue?) -> String? = { phones in
            phones?.arrayValue?.lazy.compactMap { $0["number"]?.stringValue?.trimmingWhitespace() }.first { !$0.isEmpty }
        }
        phone = firstNumber(service["phones"]) ?? firstNumber(org?["phones"])
        assuredDay = str(service, "assured_date").flatMap { LocalDateTime(iso: String($0.prefix(10))) }?.day

        let costs = (service["cost_options"]?.arrayValue ?? []).compactMap(\.objectValue)
        let amounts = costs.compactMap { $0["amount"]?.doubleValue }
        let feesText = ((str(service, "fees_description") ?? "") + " " + (str(service, "fees") ?? "")).lowercased()
        if !amounts.isEmpty {
            isFree = amounts.allSatisfy { $0 == 0 }
        } else {
            isFree = feesText.contains("free") || feesText.contains("no charge") || feesText.contains("saor in aisce")
        }
    }

    /// Whether someone checked the listing within the last year (365 days) of `today`.
    public func checkedRecently(today: LocalDateTime) -> Bool {
        guard let assuredDay else { return false }
        return today.day - assuredDay <= 365
    }

    /// The age range in whole years for display; a bound that is not a sensible number is left out.
    public var wholeYearAges: (minimum: Int?, maximum: Int?) {
        let years: (Double?) -> Int? = { $0.flatMap { $0.isFinite && abs($0) < 1e6 ? Int($0) : nil } }
        return (years(minimumAge), years(maximumAge))
    }

    /// An HSDS address as one line: street, area, city and postcode.
    public static func addressLine(_ a: JSONObject) -> String {
        let parts = ["address_1", "address_2", "city", "postal_code"].compactMap { a[$0]?.stringValue?.trimmingWhitespace() }
        return parts.filter { !$0.isEmpty }.joined(separator: ", ")
    }

    /// Whether the service's age range overlaps `lower...upper` (either bound may be open).
    public func servesAges(from lower: Double?, to upper: Double?) -> Bool {
        if let lower, let maximumAge, maximumAge < lower { return false }
        if let upper, let minimumAge, minimumAge > upper { return false }
        return true
    }

    /// The nearest of the service's locations to `point`, in kilometres.
    public func distance(from point: GeoPoint) -> Double? {
        points.map { $0.distance(to: point) }.min()
    }
}

/// One copy of each repeated string and set of strings: ten thousand services name the same few
/// hundred taxonomy terms, languages and organisations (and most share their set of languages),
/// and a value read from JSON is otherwise a copy of its own.
public final class StringPool {
    private var strings: Set<String> = []
    private var sets: Set<Set<String>> = []

    public init() {}

    /// The pooled copy of `s` (`s` itself the first time).
    public func shared(_ s: String) -> String { strings.insert(s).memberAfterInsert }

    /// The pooled copy of `set` (`set` itself the first time).
    public func shared(_ set: Set<String>) -> Set<String> { sets.insert(set).memberAfterInsert }
}
