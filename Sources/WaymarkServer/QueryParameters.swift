import Foundation
import WaymarkCore

/// The query parameters of a request, read strictly: a value that cannot be used is a `Problem`
/// naming the parameter, never a silent default.
public struct QueryParameters: Sendable {
    private let values: [String: [String]]
    /// Every parameter in the order it came.
    let pairs: [(String, String)]

    /// Reads a raw query string (`a=1&b=two+words`): `+` is a space, then percent-decoding, as HTML forms send it.
    public init(rawQuery: String?) {
        var pairs: [(String, String)] = []
        for part in (rawQuery ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                let spaced = s.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            pairs.append((decode(kv[0]), kv.count > 1 ? decode(kv[1]) : ""))
        }
        self.init(pairs)
    }

    public init(_ pairs: [(String, String)]) {
        var v: [String: [String]] = [:]
        for (k, value) in pairs { v[k, default: []].append(value) }
        values = v
        self.pairs = pairs
    }

    public func string(_ name: String) -> String? {
        guard let v = values[name]?.last?.trimmingCharacters(in: .whitespaces), !v.isEmpty else { return nil }
        return v
    }

    /// Every value of a repeated parameter, also splitting comma-separated lists.
    public func list(_ name: String) -> [String] {
        (values[name] ?? []).flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Every value of a repeated parameter, each as it was sent (trimmed; empty ones left out).
    public func values(_ name: String) -> [String] {
        (values[name] ?? []).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    public func int(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let s = string(name) else { return nil }
        guard let n = Int(s), range.contains(n) else {
            throw Problem.badParameter(name, "must be a whole number from \(range.lowerBound) to \(range.upperBound), got '\(s)'")
        }
        return n
    }

    public func double(_ name: String, in range: ClosedRange<Double>) throws -> Double? {
        guard let s = string(name) else { return nil }
        guard let n = Double(s), n.isFinite, range.contains(n) else {
            throw Problem.badParameter(name, "must be a number from \(range.lowerBound) to \(range.upperBound), got '\(s)'")
        }
        return n
    }

    public func bool(_ name: String) throws -> Bool? {
        guard let s = string(name) else { return nil }
        switch s.lowercased() {
        case "true", "1", "yes", "on": return true
        case "false", "0", "no", "off": return false
        default: throw Problem.badParameter(name, "must be true or false, got '\(s)'")
        }
    }

    public func time(_ name: String) throws -> Int? {
        guard let s = string(name) else { return nil }
        guard let m = LocalDateTime.parseTime(s) else { throw Problem.badParameter(name, "must be a time as HH:MM, got '\(s)'") }
        return m
    }

    /// Builds a directory search from the HSDS 3.0 and Open Referral UK parameters plus Waymark's extensions.
    /// - Parameter gazetteer: the district's places, for `postcode` and `near`.
    public func searchQuery(now: LocalDateTime, gazetteer: Gazetteer = .ballymun) throws -> SearchQuery {
        var q = SearchQuery()
        q.text = string("search") ?? string("q") ?? ""
        if q.text.count > 500 { throw Problem.badParameter("search", "must be at most 500 characters") }
        q.page = try int("page", in: 1...1_000_000) ?? 1
        q.perPage = try int("per_page", in: 1...1000) ?? 20
        q.taxonomyTermIDs = list("taxonomy_term_id")
        q.taxonomyID = string("taxonomy_id")
        q.organizationID = string("organization_id")
        q.languages = list("language").map { $0.lowercased() }
        q.accessibility = list("accessibility")
        q.minimumAge = try double("minimum_age", in: 0...150)
        q.maximumAge = try double("maximum_age", in: 0...150)
        if let age = try double("age", in: 0...150) {
            q.minimumAge = age
            q.maximumAge = age
        }
        if let lo = q.minimumAge, let hi = q.maximumAge, lo > hi {
            throw Problem.badParameter("maximum_age", "must not be less than minimum_age")
        }
        q.freeOnly = try bool("free") ?? false
        if let s = string("modified_after") {
            guard let seconds = Timestamp.seconds(s) else {
                throw Problem.badParameter(
                    "modified_after", "must be an ISO 8601 date (2026-05-01) or date-time with an offset (2026-05-01T09:00:00Z), got '\(s)'")
            }
            q.modifiedAfterSeconds = seconds
        }
        if try bool("open_now") == true { q.openAt = now }
        if let s = string("open_at") {
            guard let at = LocalDateTime(iso: s) else {
                throw Problem.badParameter("open_at", "must be a real Europe/Dublin local date-time as YYYY-MM-DDTHH:MM, without an offset, got '\(s)'")
            }
            q.openAt = at
        }
        let start = try time("start_time")
        let end = try time("end_time")
        if let s = string("day") {
            guard let day = Weekday(name: s) else { throw Problem.badParameter("day", "must be a day of the week (monday or MO), got '\(s)'") }
            let from = start ?? 0
            let to = end ?? 1440
            guard from < to else { throw Problem.badParameter("end_time", "must be later than start_time") }
            q.openDuring = (day, from, to)
        } else if start != nil || end != nil {
            // A time span without a day means that span on the day it is today.
            let from = start ?? 0
            let to = end ?? 1440
            guard from < to else { throw Problem.badParameter("end_time", "must be later than start_time") }
            q.openDuring = (now.weekday, from, to)
        }
        let lat = try double("lat", in: -90...90)
        let lon = try double("lon", in: -180...180)
        if (lat == nil) != (lon == nil) { throw Problem.badParameter(lat == nil ? "lat" : "lon", "must be given together with \(lat == nil ? "lon" : "lat")") }
        if let lat, let lon { q.near = GeoPoint(latitude: lat, longitude: lon) }
        if let postcode = string("postcode") ?? string("near") {
            guard let place = gazetteer.lookUp(postcode) else {
                throw Problem.badParameter(
                    string("postcode") != nil ? "postcode" : "near", "is not a known postal area or place of this district, got '\(postcode)'")
            }
            q.near = place.point
        }
        if let meters = try double("proximity", in: 1...500_000) {
            guard q.near != nil else { throw Problem.badParameter("proximity", "needs postcode, near, or lat and lon") }
            q.radiusKm = meters / 1000
        }
        if let km = try double("radius_km", in: 0.01...500) {
            guard q.near != nil else { throw Problem.badParameter("radius_km", "needs postcode, near, or lat and lon") }
            q.radiusKm = km
        }
        if let s = string("sort") {
            guard let sort = SearchQuery.Sort(rawValue: s) else {
                throw Problem.badParameter("sort", "must be one of \(SearchQuery.Sort.allCases.map(\.rawValue).joined(separator: ", ")), got '\(s)'")
            }
            if sort == .distance && q.near == nil { throw Problem.badParameter("sort", "distance needs postcode, near, or lat and lon") }
            q.sort = sort
        } else if q.near != nil && q.text.isEmpty {
            q.sort = .distance
        }
        q.includeInactive = try bool("include_inactive") ?? false
        return q
    }
}
