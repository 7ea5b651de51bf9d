/// What makes a node's public pages belong to its district: the site's name, the places residents
/// can search near, where the map starts, and an example of a place to type. A district supplies its
/// own as JSON (`waymark district --file`); `ballymun` is the built-in one. The district's help lines
/// (`HelpLines`) and search words (`SearchWords`) are set apart, and its categories come with its data.
public struct District: Sendable, Equatable {
    /// The site's name in each interface language ("Ballymun community services").
    public var name: HelpLines.Localized
    /// Places to give as an example in the place box ("D11 or Ballymun Library").
    public var placeExample: HelpLines.Localized
    /// Where the map starts when it has no markers.
    public var centre: GeoPoint
    public var gazetteer: Gazetteer

    public static func == (a: District, b: District) -> Bool {
        a.name == b.name && a.placeExample == b.placeExample && a.centre == b.centre
            && a.gazetteer.landmarks == b.gazetteer.landmarks && a.gazetteer.routingKeys == b.gazetteer.routingKeys
    }

    public init(name: HelpLines.Localized, placeExample: HelpLines.Localized, centre: GeoPoint, gazetteer: Gazetteer) {
        self.name = name
        self.placeExample = placeExample
        self.centre = centre
        self.gazetteer = gazetteer
    }

    public static let ballymun = District(
        name: HelpLines.Localized(["en": "Ballymun community services", "ga": "Seirbhísí pobail Bhaile Munna"]),
        placeExample: HelpLines.Localized(["en": "D11 or Ballymun Library", "ga": "D11 nó Ballymun Library"]),
        centre: GeoPoint(latitude: 53.3955, longitude: -6.2645)!, gazetteer: .ballymun)

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case invalid(String)
        public var description: String {
            switch self {
            case .invalid(let d): return "The district is not usable: \(d)"
            }
        }
    }

    /// Reads `{"name": {...}, "place_example": {...}, "centre": {"latitude", "longitude"},
    /// "postal_areas": {"V92": {"name", "latitude", "longitude"}}, "landmarks": [{"name", "latitude", "longitude"}]}`.
    public init(json text: String) throws {
        let root = try ConfigJSON.object(text, notJSON: { ParseError.invalid("not JSON: \($0)") }, invalid: ParseError.invalid)
        func localized(_ field: String) throws -> HelpLines.Localized {
            try ConfigJSON.localized(root[field], field, required: true, invalid: ParseError.invalid)
        }
        func place(_ v: JSONValue?, _ field: String, name: String? = nil) throws -> Gazetteer.Place {
            guard let o = v?.objectValue, let n = name ?? o["name"]?.stringValue, !n.isEmpty,
                let point = GeoPoint(latitude: o["latitude"]?.doubleValue, longitude: o["longitude"]?.doubleValue)
            else { throw ParseError.invalid("\(field) needs a name, a latitude and a longitude") }
            return Gazetteer.Place(name: o["name"]?.stringValue ?? n, point: point)
        }
        name = try localized("name")
        placeExample = try localized("place_example")
        centre = try place(root["centre"], "centre", name: "centre").point
        var keys: [String: Gazetteer.Place] = [:]
        for (key, v) in root["postal_areas"]?.objectValue ?? JSONObject() {
            guard key.count == 3 else { throw ParseError.invalid("postal_areas.\(key): a postal area key has three characters") }
            keys[key] = try place(v, "postal_areas.\(key)")
        }
        var landmarks: [Gazetteer.Place] = []
        for (i, v) in (root["landmarks"]?.arrayValue ?? []).enumerated() { landmarks.append(try place(v, "landmarks[\(i)]")) }
        guard !keys.isEmpty || !landmarks.isEmpty else { throw ParseError.invalid("give at least one postal area or landmark") }
        gazetteer = Gazetteer(routingKeys: keys, landmarks: landmarks)
    }

    /// This district as JSON, to start another from.
    public var json: String {
        func localized(_ l: HelpLines.Localized) -> JSONValue {
            .object(JSONObject(l.byLanguage.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.string($0.value)) }))
        }
        func place(_ p: Gazetteer.Place) -> JSONValue {
            .object(JSONObject([("name", .string(p.name)), ("latitude", JSONValue(p.point.latitude)), ("longitude", JSONValue(p.point.longitude))]))
        }
        let root = JSONObject([
            ("name", localized(name)), ("place_example", localized(placeExample)),
            ("centre", .object(JSONObject([("latitude", JSONValue(centre.latitude)), ("longitude", JSONValue(centre.longitude))]))),
            ("postal_areas", .object(JSONObject(gazetteer.routingKeys.sorted { $0.key < $1.key }.map { ($0.key, place($0.value)) }))),
            ("landmarks", .array(gazetteer.landmarks.map(place))),
        ])
        return JSONWriter().string(.object(root))
    }
}
