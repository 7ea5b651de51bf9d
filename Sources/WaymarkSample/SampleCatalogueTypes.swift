import Foundation
import WaymarkCore

/// A term of the sample directory's category taxonomy.
///
/// Codes are dotted paths: `"children-families"` is a top-level category and
/// `"children-families.parenting"` one of its children.
public struct SampleTerm: Sendable {
    public let code: String
    public let name: String
    /// The Irish name: published as the term's row in Irish (`language` `ga`), which the website shows in Irish.
    public let nameGA: String
    public let description: String

    public init(_ code: String, _ name: String, ga nameGA: String, _ description: String) {
        self.code = code
        self.name = name
        self.nameGA = nameGA
        self.description = description
    }

    /// The parent term's code, or `nil` for a top-level category.
    public var parentCode: String? {
        guard let dot = code.lastIndex(of: ".") else { return nil }
        return String(code[..<dot])
    }
}

/// A curated, fictional service offered by a sample organisation.
public struct SampleService: Sendable {
    public let name: String
    public let description: String
    public let eligibility: String
    public let applicationProcess: String
    public let minimumAge: Int?
    public let maximumAge: Int?
    /// `nil` when the service is free; otherwise what it costs, e.g. `"€4 per class"`.
    public let cost: String?
    /// ISO 639-1 codes of the languages the service is delivered in.
    public let languages: [String]
    /// Weekly sessions as `"MO,WE 09:30-13:00"`: RFC 5545 day codes, then local opening and closing times.
    public let sessions: [String]
    /// Codes of the `SampleTerm`s that classify the service.
    public let terms: [String]

    public init(
        name: String, description: String, eligibility: String, applicationProcess: String,
        minimumAge: Int? = nil, maximumAge: Int? = nil, cost: String? = nil,
        languages: [String] = ["en"], sessions: [String], terms: [String]
    ) {
        self.name = name
        self.description = description
        self.eligibility = eligibility
        self.applicationProcess = applicationProcess
        self.minimumAge = minimumAge
        self.maximumAge = maximumAge
        self.cost = cost
        self.languages = languages
        self.sessions = sessions
        self.terms = terms
    }
}

/// A curated, fictional organisation of the Ballymun sample directory.
public struct SampleOrganization: Sendable {
    public let name: String
    public let description: String
    /// A fictional street address line, e.g. `"12 Shangan Road"`.
    public let street: String
    /// One of the neighbourhood names in `SampleCatalogue.neighbourhoods`.
    public let neighbourhood: String
    public let services: [SampleService]

    public init(name: String, description: String, street: String, neighbourhood: String, services: [SampleService]) {
        self.name = name
        self.description = description
        self.street = street
        self.neighbourhood = neighbourhood
        self.services = services
    }
}
