/// Named places a resident can type instead of coordinates: postal areas (Eircode routing keys in
/// Ireland) and landmarks, with approximate centroids. Each district supplies its own (`District`);
/// `ballymun` is the built-in one.
public struct Gazetteer: Sendable {
    public struct Place: Sendable, Equatable {
        public let name: String
        public let point: GeoPoint
        public init(name: String, point: GeoPoint) {
            self.name = name
            self.point = point
        }
    }

    /// Postal area keys (the first three characters of an Eircode), upper case.
    public let routingKeys: [String: Place]
    /// Landmarks, matched case-insensitively.
    public let landmarks: [Place]

    public init(routingKeys: [String: Place], landmarks: [Place]) {
        self.routingKeys = Dictionary(routingKeys.map { ($0.key.uppercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        self.landmarks = landmarks
    }

    /// Dublin Eircode routing areas of the north city and Ballymun's landmarks.
    public static let ballymun = Gazetteer(routingKeys: ballymunRoutingKeys, landmarks: ballymunLandmarks)

    static let ballymunRoutingKeys: [String: Place] = [
        "D09": Place(name: "Dublin 9", point: GeoPoint(latitude: 53.3790, longitude: -6.2530)),
        "D11": Place(name: "Dublin 11", point: GeoPoint(latitude: 53.3930, longitude: -6.2870)),
        "D01": Place(name: "Dublin 1", point: GeoPoint(latitude: 53.3520, longitude: -6.2600)),
        "D03": Place(name: "Dublin 3", point: GeoPoint(latitude: 53.3640, longitude: -6.2230)),
        "D05": Place(name: "Dublin 5", point: GeoPoint(latitude: 53.3850, longitude: -6.1910)),
        "D07": Place(name: "Dublin 7", point: GeoPoint(latitude: 53.3600, longitude: -6.2800)),
        "D13": Place(name: "Dublin 13", point: GeoPoint(latitude: 53.3950, longitude: -6.1500)),
        "D15": Place(name: "Dublin 15", point: GeoPoint(latitude: 53.3880, longitude: -6.3800)),
        "D17": Place(name: "Dublin 17", point: GeoPoint(latitude: 53.4000, longitude: -6.2100)),
        "K67": Place(name: "Swords", point: GeoPoint(latitude: 53.4597, longitude: -6.2181)),
    ]

    static let ballymunLandmarks: [Place] = [
        Place(name: "Ballymun Civic Centre", point: GeoPoint(latitude: 53.3960, longitude: -6.2640)),
        Place(name: "Ballymun Main Street", point: GeoPoint(latitude: 53.3955, longitude: -6.2645)),
        Place(name: "Ballymun Library", point: GeoPoint(latitude: 53.3947, longitude: -6.2650)),
        Place(name: "Poppintree Park", point: GeoPoint(latitude: 53.4025, longitude: -6.2740)),
        Place(name: "Shangan", point: GeoPoint(latitude: 53.3990, longitude: -6.2600)),
        Place(name: "Sillogue", point: GeoPoint(latitude: 53.4005, longitude: -6.2690)),
        Place(name: "Santry", point: GeoPoint(latitude: 53.3920, longitude: -6.2460)),
        Place(name: "Dublin City University", point: GeoPoint(latitude: 53.3861, longitude: -6.2564)),
        Place(name: "Beaumont Hospital", point: GeoPoint(latitude: 53.3905, longitude: -6.2232)),
        Place(name: "Glasnevin", point: GeoPoint(latitude: 53.3720, longitude: -6.2720)),
        Place(name: "Finglas", point: GeoPoint(latitude: 53.3900, longitude: -6.2980)),
    ]

    /// Finds a routing key (`D11`, `D11 X2Y3`, `Dublin 11`) or a landmark.
    public func lookUp(_ text: String) -> Place? {
        let t = text.trimmingWhitespace().uppercased()
        guard !t.isEmpty else { return nil }
        let compact = t.filter { !$0.isWhitespace }
        if compact.count >= 3, let p = routingKeys[String(compact.prefix(3))] { return p }
        // "D9" is how people write Dublin 9's routing key D09.
        if compact.count == 2, compact.hasPrefix("D"), let n = Int(compact.dropFirst()), let p = routingKeys["D0\(n)"] { return p }
        if t.hasPrefix("DUBLIN "), let n = Int(t.dropFirst(7).trimmingWhitespace()) {
            let key = n < 10 ? "D0\(n)" : "D\(n)"
            if let p = routingKeys[key] { return p }
        }
        return landmarks.first { $0.name.uppercased() == t } ?? landmarks.first { $0.name.uppercased().contains(t) }
    }
}
