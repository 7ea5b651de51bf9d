import Foundation

/// A WGS 84 point.
public struct GeoPoint: Sendable, Hashable, CustomStringConvertible {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// `nil` unless both coordinates are in range.
    public init?(latitude: Double?, longitude: Double?) {
        guard let latitude, let longitude, (-90...90).contains(latitude), (-180...180).contains(longitude) else { return nil }
        self.init(latitude: latitude, longitude: longitude)
    }

    /// Great-circle distance in kilometres (haversine, mean Earth radius).
    public func distance(to other: GeoPoint) -> Double {
        let r = 6371.0088
        let rad = Double.pi / 180
        let dLat = (other.latitude - latitude) * rad
        let dLon = (other.longitude - longitude) * rad
        let a = pow(sin(dLat / 2), 2) + cos(latitude * rad) * cos(other.latitude * rad) * pow(sin(dLon / 2), 2)
        return 2 * r * asin(min(1, a.squareRoot()))
    }

    public var description: String { "\(latitude),\(longitude)" }
}
