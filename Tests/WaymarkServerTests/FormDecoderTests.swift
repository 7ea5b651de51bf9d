import Testing
@testable import WaymarkServer

/// Posted forms decoded into structs (`FormDecoder`), as the staff pages read them.
struct FormDecoderTests {
    enum Role: String, Decodable { case admin, caseworker }

    struct Sample: Decodable {
        var name: String?
        var dateOfBirth: String?
        var need: [String]?
        var confirm: Bool
        var role: Role?
        var stage: Int?
        enum CodingKeys: String, CodingKey {
            case name, need, confirm, role, stage
            case dateOfBirth = "date_of_birth"
        }
    }

    struct Required: Decodable {
        var username: String
    }

    func decode<T: Decodable>(_ type: T.Type, _ body: String) throws -> T { try FormDecoder().decode(type, from: QueryParameters(rawQuery: body)) }

    @Test func fieldsAreReadAsTheFormSendsThem() throws {
        let s = try decode(Sample.self, "name=+M%C3%A1ire+Ni+Bhriain+&date_of_birth=1990-02-03&need=housing&need=&need=food+bank&confirm=1&role=admin&stage=3")
        #expect(s.name == "Máire Ni Bhriain", "trimmed, + is a space, percent-decoded")
        #expect(s.dateOfBirth == "1990-02-03", "a field named other than its property")
        #expect(s.need == ["housing", "food bank"], "every ticked box, blank ones left out")
        #expect(s.confirm && s.role == .admin && s.stage == 3)
    }

    @Test func missingAndBlankFieldsAreMissing() throws {
        let s = try decode(Sample.self, "name=+++&confirm=0")
        #expect(s.name == nil && s.dateOfBirth == nil && s.need == nil && s.role == nil && s.stage == nil)
        #expect(!s.confirm, "an unticked box is not sent, or sent as 0")
        #expect(try !decode(Sample.self, "").confirm)
    }

    @Test func whatCannotBeReadIsAnErrorNamingTheField() {
        #expect(throws: DecodingError.self) { try decode(Required.self, "name=x") }
        #expect(throws: DecodingError.self) { try decode(Sample.self, "stage=three") }
        #expect(throws: DecodingError.self) { try decode(Sample.self, "role=superuser") }
        do {
            _ = try decode(Required.self, "username=")
            Issue.record("a blank required field was accepted")
        } catch let DecodingError.keyNotFound(key, _) {
            #expect(key.stringValue == "username")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
