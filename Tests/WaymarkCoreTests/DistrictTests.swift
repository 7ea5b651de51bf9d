import Testing

@testable import WaymarkCore

@Suite struct DistrictTests {
    @Test func theBuiltInDistrictRoundTripsThroughItsJSON() throws {
        let again = try District(json: District.ballymun.json)
        #expect(again == District.ballymun)
        #expect(again.gazetteer.lookUp("d11 x2y3")?.name == "Dublin 11")
        #expect(again.gazetteer.lookUp("ballymun library")?.name == "Ballymun Library")
    }

    @Test func anotherDistrictKnowsOnlyItsOwnPlaces() throws {
        let d = try District(json: """
            {"name": {"en": "Ardnagreena community services"}, "place_example": "V92 or the Pier",
             "centre": {"latitude": 52.27, "longitude": -9.70},
             "postal_areas": {"v92": {"name": "Ardnagreena", "latitude": 52.273, "longitude": -9.7}},
             "landmarks": [{"name": "Ardnagreena Pier", "latitude": 52.2711, "longitude": -9.702}]}
            """)
        #expect(d.gazetteer.lookUp("V92 AB12")?.name == "Ardnagreena")
        #expect(d.gazetteer.lookUp("pier")?.name == "Ardnagreena Pier")
        #expect(d.gazetteer.lookUp("D11") == nil && d.gazetteer.lookUp("Ballymun Library") == nil)
        #expect(d.name.text("ga") == "Ardnagreena community services")
    }

    @Test(arguments: [
        "[]", #"{"place_example": "x", "centre": {"latitude": 1, "longitude": 1}, "landmarks": [{"name": "a", "latitude": 1, "longitude": 1}]}"#,
        #"{"name": "n", "place_example": "x", "centre": {"latitude": 100, "longitude": 1}, "landmarks": [{"name": "a", "latitude": 1, "longitude": 1}]}"#,
        #"{"name": "n", "place_example": "x", "centre": {"latitude": 1, "longitude": 1}}"#,
        #"{"name": "n", "place_example": "x", "centre": {"latitude": 1, "longitude": 1}, "postal_areas": {"V9": {"name": "a", "latitude": 1, "longitude": 1}}}"#,
    ])
    func anUnusableDistrictIsRefused(_ json: String) {
        #expect(throws: District.ParseError.self) { try District(json: json) }
    }
}
