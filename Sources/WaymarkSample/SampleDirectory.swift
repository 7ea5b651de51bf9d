import Foundation
import WaymarkCore

/// Builds the fictional Ballymun sample directory, and larger synthetic directories for
/// benchmarks, as HSDS rows. The same seed always gives the same records.
public enum SampleDirectory {
    /// The id of the sample directory's category taxonomy.
    public static let taxonomyID = StableID.uuid("waymark-taxonomy:community-categories")

    /// The words that mark every sample record as fictional.
    public static let sampleNotice = "Sample data: this entry is fictional, for demonstration only."

    /// The taxonomy term id for a catalogue term code such as `"children-families.parenting"`.
    public static func termID(_ code: String) -> String { StableID.uuid("waymark-term:\(code)") }
    /// The id of a term's row in another language.
    public static func termID(_ code: String, language: String) -> String { StableID.uuid("waymark-term:\(code):\(language)") }

    /// The Ballymun sample: about 130 organisations and their services.
    public static func ballymun(seed: UInt64 = 2026) -> [HSDSRecord] {
        generate(copies: 1, seed: seed, namespace: "")
    }

    /// A synthetic directory of at least `services` services, built by repeating the catalogue
    /// with new identities and positions spread over north Dublin.
    public static func synthetic(services: Int, seed: UInt64 = 7) -> [HSDSRecord] {
        let perCopy = SampleCatalogue.organizations.reduce(0) { $0 + $1.services.count }
        // Ids of their own, so that a generated directory never claims the sample's rows.
        return generate(copies: max(1, (services + perCopy - 1) / perCopy), seed: seed, limit: services, namespace: "synthetic-\(seed)/")
    }

    static let accessibilityFeatures = [
        "Wheelchair accessible entrance", "Accessible toilet", "Hearing loop", "Step-free access", "Baby changing facilities",
        "Quiet room available", "Lift to all floors", "Accessible parking",
    ]

    static let languageNames: [String: String] = [
        "en": "English", "ga": "Irish", "pl": "Polish", "ro": "Romanian", "ar": "Arabic", "pt": "Portuguese", "uk": "Ukrainian",
        "fr": "French", "so": "Somali", "yo": "Yoruba", "zh": "Chinese", "lt": "Lithuanian", "es": "Spanish",
    ]

    /// The English name of a language code used in the sample, or the code itself.
    public static func languageName(_ code: String) -> String { languageNames[code] ?? code }

    private static func generate(copies: Int, seed: UInt64, limit: Int? = nil, namespace: String) -> [HSDSRecord] {
        var rng = SeededRandom(seed: seed)
        var out: [HSDSRecord] = []
        func add(_ table: String, _ pairs: [(String, JSONValue?)]) {
            var o = JSONObject()
            for (k, v) in pairs { if let v { o[k] = v } }
            out.append(HSDSRecord(table: table, id: o["id"]!.stringValue!, fields: o))
        }
        func s(_ v: String) -> JSONValue { .string(v) }

        add(
            "taxonomy",
            [
                ("id", s(taxonomyID)), ("name", s("Waymark community categories")),
                ("description", s("Seven categories of community services used by the Ballymun directory, with their sub-categories.")),
                ("version", s("1.0")),
            ])
        for t in SampleCatalogue.terms {
            add(
                "taxonomy_term",
                [
                    ("id", s(termID(t.code))), ("code", s(t.code)), ("name", s(t.name)), ("description", s(t.description)),
                    ("parent_id", t.parentCode.map { s(termID($0)) }), ("taxonomy", s("Waymark community categories")),
                    ("language", s("en")), ("taxonomy_id", s(taxonomyID)),
                ])
        }
        // The same terms in Irish (HSDS: a row per language, same taxonomy and code), from which the
        // website shows category names when it is in Irish.
        for t in SampleCatalogue.terms {
            add(
                "taxonomy_term",
                [
                    ("id", s(termID(t.code, language: "ga"))), ("code", s(t.code)), ("name", s(t.nameGA)), ("description", s(t.nameGA)),
                    ("parent_id", t.parentCode.map { s(termID($0, language: "ga")) }), ("taxonomy", s("Waymark community categories")),
                    ("language", s("ga")), ("taxonomy_id", s(taxonomyID)),
                ])
        }
        let areas = Dictionary(uniqueKeysWithValues: SampleCatalogue.neighbourhoods.map { ($0.name, ($0.latitude, $0.longitude)) })
        var serviceCount = 0
        for copy in 0..<copies {
            for (orgIndex, org) in SampleCatalogue.organizations.enumerated() {
                if let limit, serviceCount >= limit { return out }
                let suffix = copy == 0 ? "" : " \(copy + 1)"
                let key = "\(namespace)\(copy)/\(orgIndex)"
                let orgID = StableID.uuid("org:\(key)")
                let slug = String(org.name.lowercased().filter { $0.isLetter || $0.isNumber }.prefix(24))
                add(
                    "organization",
                    [
                        ("id", s(orgID)), ("name", s(org.name + suffix)),
                        ("description", s(org.description + " " + sampleNotice)),
                        ("email", s("hello@\(slug).example")), ("website", s("https://www.\(slug).example")),
                        ("legal_status", s("Community organisation")),
                    ])
                add(
                    "phone",
                    [
                        ("id", s(StableID.uuid("org-phone:\(key)"))), ("organization_id", s(orgID)),
                        ("number", s("01 555 \(1000 + (orgIndex * 37 + copy * 11) % 9000)")), ("type", s("voice")),
                    ])
                // Position: the neighbourhood's centre, moved up to ~300 m; further copies spread across north Dublin.
                var (lat, lon) = areas[org.neighbourhood] ?? (53.3955, -6.2645)
                lat += Double.random(in: -0.0027...0.0027, using: &rng)
                lon += Double.random(in: -0.0045...0.0045, using: &rng)
                if copy > 0 {
                    lat += Double(copy % 7 - 3) * 0.012
                    lon += Double((copy / 7) % 7 - 3) * 0.02
                }
                let locationID = StableID.uuid("location:\(key)")
                add(
                    "location",
                    [
                        ("id", s(locationID)), ("location_type", s("physical")), ("organization_id", s(orgID)),
                        ("name", s(org.name + suffix)), ("latitude", JSONValue(rounded(lat))), ("longitude", JSONValue(rounded(lon))),
                        ("transportation", s("Dublin Bus routes 4, 13 and 155 stop nearby.")),
                    ])
                let district = lon < -6.268 ? "D11" : "D09"
                add(
                    "address",
                    [
                        ("id", s(StableID.uuid("address:\(key)"))), ("location_id", s(locationID)), ("address_1", s(org.street)),
                        ("address_2", s(org.neighbourhood)), ("city", s("Dublin")), ("region", s("Ballymun")),
                        ("state_province", s("County Dublin")), ("postal_code", s(district)), ("country", s("IE")),
                        ("address_type", s("physical")),
                    ])
                let featureCount = Int.random(in: 0...3, using: &rng)
                var features = accessibilityFeatures
                features.shuffle(using: &rng)
                for (i, feature) in features.prefix(featureCount).enumerated() {
                    add(
                        "accessibility",
                        [("id", s(StableID.uuid("access:\(key)/\(i)"))), ("location_id", s(locationID)), ("description", s(feature))])
                }
                for (serviceIndex, svc) in org.services.enumerated() {
                    if let limit, serviceCount >= limit { return out }
                    serviceCount += 1
                    let skey = "\(key)/\(serviceIndex)"
                    let serviceID = StableID.uuid("service:\(skey)")
                    let assured = LocalDateTime(day: LocalDateTime.dayNumber(year: 2025, month: 1, day: 5) + Int.random(in: 0...650, using: &rng), minute: 0)
                    let modified = LocalDateTime(day: assured.day + Int.random(in: 0...14, using: &rng), minute: Int.random(in: 480...1080, using: &rng))
                    add(
                        "service",
                        [
                            ("id", s(serviceID)), ("organization_id", s(orgID)), ("name", s(svc.name + suffix)),
                            ("description", s(svc.description)), ("email", s("services@\(slug).example")), ("status", s("active")),
                            ("application_process", s(svc.applicationProcess)),
                            ("fees_description", s(svc.cost ?? "Free of charge")), ("eligibility_description", s(svc.eligibility)),
                            ("minimum_age", svc.minimumAge.map { JSONValue($0) }), ("maximum_age", svc.maximumAge.map { JSONValue($0) }),
                            ("assured_date", s(assured.dateString)), ("alert", s(sampleNotice)),
                            ("last_modified", s("\(modified.dateString)T\(modified.timeString):00Z")),
                        ])
                    add(
                        "service_at_location",
                        [("id", s(StableID.uuid("sal:\(skey)"))), ("service_id", s(serviceID)), ("location_id", s(locationID))])
                    for (i, session) in svc.sessions.enumerated() {
                        let parts = session.split(separator: " ")
                        guard parts.count == 2 else { continue }
                        let times = parts[1].split(separator: "-")
                        guard times.count == 2 else { continue }
                        add(
                            "schedule",
                            [
                                ("id", s(StableID.uuid("schedule:\(skey)/\(i)"))), ("service_id", s(serviceID)), ("freq", s("WEEKLY")),
                                ("wkst", s("MO")), ("byday", s(String(parts[0]))), ("opens_at", s(String(times[0]))),
                                ("closes_at", s(String(times[1]))), ("valid_from", s("2026-01-01")),
                                ("description", s(session)),
                            ])
                    }
                    for code in svc.languages {
                        add(
                            "language",
                            [
                                ("id", s(StableID.uuid("language:\(skey)/\(code)"))), ("service_id", s(serviceID)),
                                ("name", s(languageName(code))), ("code", s(code)),
                            ])
                    }
                    let amount = svc.cost.flatMap(firstAmount) ?? 0
                    add(
                        "cost_option",
                        [
                            ("id", s(StableID.uuid("cost:\(skey)"))), ("service_id", s(serviceID)), ("currency", s("EUR")),
                            ("amount", JSONValue(amount)), ("option", s(svc.cost ?? "Free")),
                        ])
                    for code in svc.terms {
                        add(
                            "attribute",
                            [
                                ("id", s(StableID.uuid("attribute:\(skey)/\(code)"))), ("link_id", s(serviceID)),
                                ("link_entity", s("service")), ("link_type", s("category")), ("taxonomy_term_id", s(termID(code))),
                            ])
                    }
                }
            }
        }
        return out
    }

    private static func rounded(_ v: Double) -> Double { (v * 1_000_000).rounded() / 1_000_000 }

    /// The first money amount in a cost text such as `"€4 per class"`.
    static func firstAmount(_ text: String) -> Double? {
        var digits = ""
        var started = false
        for ch in text {
            if ch.isNumber || (started && ch == ".") {
                digits.append(ch)
                started = true
            } else if started {
                break
            }
        }
        return Double(digits)
    }
}
