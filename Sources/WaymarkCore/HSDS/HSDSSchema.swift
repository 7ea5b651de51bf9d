/// The shape of the HSDS 3.0 data model as Waymark stores it: one record per row of an HSDS
/// table, linked by the specification's foreign keys, and the nesting the API serves.
///
/// Field lists, required fields and enumerations follow the unit schemas in
/// `openreferral-specification-3.0/schema/*.json`; the nesting follows `schema/compiled/*.json`.
public enum HSDSSchema {
    /// How a nested member of a record is found.
    public enum Link: Sendable, Hashable {
        /// An array of rows of `table` whose field `foreignKey` holds the parent's id.
        case children(table: String, foreignKey: String)
        /// A single row of `table` whose id the parent holds in `referenceField`.
        case reference(table: String, referenceField: String)
    }

    /// A member of a table's JSON form that holds other records.
    public struct Nest: Sendable, Hashable {
        public let key: String
        public let link: Link
        public var table: String {
            switch link {
            case .children(let t, _), .reference(let t, _): return t
            }
        }
    }

    /// The description of one HSDS table.
    public struct Table: Sendable {
        public let name: String
        public let required: [String]
        public let numberFields: Set<String>
        public let enums: [String: [String]]
        public let fields: [String]
        public let nests: [Nest]
    }

    private static func commonNests(_ table: String) -> [Nest] {
        [
            Nest(key: "attributes", link: .children(table: "attribute", foreignKey: "link_id")),
            Nest(key: "metadata", link: .children(table: "metadata", foreignKey: "resource_id")),
        ]
    }

    private static func table(
        _ name: String, required: [String], fields: [String], numbers: Set<String> = [], enums: [String: [String]] = [:],
        nests: [Nest] = [], attributes: Bool = true
    ) -> Table {
        var all = nests
        if attributes { all += commonNests(name) } else { all.append(commonNests(name)[1]) }
        return Table(name: name, required: required, numberFields: numbers, enums: enums, fields: fields, nests: all)
    }

    private static func kids(_ key: String, _ table: String, _ fk: String) -> Nest {
        Nest(key: key, link: .children(table: table, foreignKey: fk))
    }

    private static func ref(_ key: String, _ table: String, _ field: String) -> Nest {
        Nest(key: key, link: .reference(table: table, referenceField: field))
    }

    /// Every HSDS 3.0 table, by name.
    public static let tables: [String: Table] = {
        let list: [Table] = [
            table(
                "organization", required: ["id", "name", "description"],
                fields: [
                    "id", "name", "alternate_name", "description", "email", "website", "tax_status", "tax_id", "year_incorporated",
                    "legal_status", "logo", "uri", "parent_organization_id",
                ],
                numbers: ["year_incorporated"],
                nests: [
                    kids("funding", "funding", "organization_id"), kids("contacts", "contact", "organization_id"),
                    kids("phones", "phone", "organization_id"), kids("locations", "location", "organization_id"),
                    kids("programs", "program", "organization_id"),
                    kids("organization_identifiers", "organization_identifier", "organization_id"),
                    kids("services", "service", "organization_id"),
                ]
            ),
            table(
                "service", required: ["id", "name", "status"],
                fields: [
                    "id", "organization_id", "program_id", "name", "alternate_name", "description", "url", "email", "status",
                    "interpretation_services", "application_process", "fees_description", "wait_time", "fees", "accreditations",
                    "eligibility_description", "minimum_age", "maximum_age", "assured_date", "assurer_email", "licenses", "alert",
                    "last_modified",
                ],
                numbers: ["minimum_age", "maximum_age"],
                enums: ["status": ["active", "inactive", "defunct", "temporarily closed"]],
                nests: [
                    kids("phones", "phone", "service_id"), kids("schedules", "schedule", "service_id"),
                    kids("service_areas", "service_area", "service_id"),
                    kids("service_at_locations", "service_at_location", "service_id"),
                    kids("languages", "language", "service_id"), ref("organization", "organization", "organization_id"),
                    kids("funding", "funding", "service_id"), kids("cost_options", "cost_option", "service_id"),
                    ref("program", "program", "program_id"), kids("required_documents", "required_document", "service_id"),
                    kids("contacts", "contact", "service_id"),
                ]
            ),
            table(
                "service_at_location", required: ["id"], fields: ["id", "service_id", "location_id", "description"],
                nests: [
                    kids("contacts", "contact", "service_at_location_id"), kids("phones", "phone", "service_at_location_id"),
                    kids("schedules", "schedule", "service_at_location_id"), ref("location", "location", "location_id"),
                    ref("service", "service", "service_id"),
                ]
            ),
            table(
                "location", required: ["id", "location_type"],
                fields: [
                    "id", "location_type", "url", "organization_id", "name", "alternate_name", "description", "transportation",
                    "latitude", "longitude", "external_identifier", "external_identifier_type",
                ],
                numbers: ["latitude", "longitude"], enums: ["location_type": ["physical", "postal", "virtual"]],
                nests: [
                    kids("languages", "language", "location_id"), kids("addresses", "address", "location_id"),
                    kids("contacts", "contact", "location_id"), kids("accessibility", "accessibility", "location_id"),
                    kids("phones", "phone", "location_id"), kids("schedules", "schedule", "location_id"),
                ]
            ),
            table(
                "address", required: ["id", "address_1", "city", "state_province", "postal_code", "country", "address_type"],
                fields: [
                    "id", "location_id", "attention", "address_1", "address_2", "city", "region", "state_province", "postal_code",
                    "country", "address_type",
                ],
                enums: ["address_type": ["physical", "postal", "virtual"]]
            ),
            table(
                "phone", required: ["id", "number"],
                fields: [
                    "id", "location_id", "service_id", "organization_id", "contact_id", "service_at_location_id", "number",
                    "extension", "type", "description",
                ],
                numbers: ["extension"], nests: [kids("languages", "language", "phone_id")]
            ),
            table(
                "contact", required: ["id"],
                fields: ["id", "organization_id", "service_id", "service_at_location_id", "location_id", "name", "title", "department", "email"],
                nests: [kids("phones", "phone", "contact_id")]
            ),
            table(
                "schedule", required: ["id"],
                fields: [
                    "id", "service_id", "location_id", "service_at_location_id", "valid_from", "valid_to", "dtstart", "timezone", "until",
                    "count", "wkst", "freq", "interval", "byday", "byweekno", "bymonthday", "byyearday", "description", "opens_at",
                    "closes_at", "schedule_link", "attending_type", "notes",
                ],
                numbers: ["timezone", "count", "interval"],
                enums: ["wkst": ["MO", "TU", "WE", "TH", "FR", "SA", "SU"], "freq": ["WEEKLY", "MONTHLY"]]
            ),
            table(
                "taxonomy", required: ["id", "name", "description"], fields: ["id", "name", "description", "uri", "version"],
                attributes: false
            ),
            table(
                "taxonomy_term", required: ["id", "name", "description"],
                fields: ["id", "code", "name", "description", "parent_id", "taxonomy", "language", "taxonomy_id", "term_uri"],
                nests: [ref("taxonomy_detail", "taxonomy", "taxonomy_id")], attributes: false
            ),
            table(
                "attribute", required: ["id"], fields: ["id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"],
                nests: [ref("taxonomy_term", "taxonomy_term", "taxonomy_term_id")], attributes: false
            ),
            table("language", required: ["id"], fields: ["id", "service_id", "location_id", "phone_id", "name", "code", "note"]),
            table("accessibility", required: ["id"], fields: ["id", "location_id", "description", "details", "url"]),
            table(
                "cost_option", required: ["id"],
                fields: ["id", "service_id", "valid_from", "valid_to", "option", "currency", "amount", "amount_description"],
                numbers: ["amount"]
            ),
            table("service_area", required: ["id"], fields: ["id", "service_id", "name", "description", "extent", "extent_type", "uri"]),
            table("program", required: ["id", "name", "description"], fields: ["id", "organization_id", "name", "alternate_name", "description"]),
            table("funding", required: ["id"], fields: ["id", "organization_id", "service_id", "source"]),
            table("required_document", required: ["id"], fields: ["id", "service_id", "document", "uri"]),
            table(
                "organization_identifier", required: ["id", "identifier_type", "identifier"],
                fields: ["id", "organization_id", "identifier_scheme", "identifier_type", "identifier"]
            ),
            table("meta_table_description", required: ["id"], fields: ["id", "name", "language", "character_set"], attributes: false),
            Table(
                name: "metadata",
                required: ["id", "last_action_date", "last_action_type", "field_name", "previous_value", "replacement_value", "updated_by"],
                numberFields: [], enums: [:],
                fields: [
                    "id", "resource_id", "resource_type", "last_action_date", "last_action_type", "field_name", "previous_value",
                    "replacement_value", "updated_by",
                ],
                nests: []
            ),
        ]
        return Dictionary(uniqueKeysWithValues: list.map { ($0.name, $0) })
    }()

    /// Table names in an order where every referenced table comes before the tables that point at it;
    /// used for tabular export so that a reader can load files one by one.
    public static let tableOrder: [String] = [
        "organization", "organization_identifier", "program", "service", "location", "address", "service_at_location",
        "contact", "phone", "schedule", "service_area", "language", "accessibility", "cost_option", "funding",
        "required_document", "taxonomy", "taxonomy_term", "attribute", "metadata", "meta_table_description",
    ]

    /// The file name of each table in the HSDS 3.0 tabular data package (`datapackage.json`).
    public static let tabularFileNames: [String: String] = [
        "organization": "organizations.csv", "program": "programs.csv", "service": "services.csv", "attribute": "attributes.csv",
        "service_at_location": "service_at_location.csv", "location": "locations.csv", "phone": "phones.csv",
        "contact": "contacts.csv", "address": "addresses.csv", "schedule": "schedules.csv", "funding": "funding.csv",
        "service_area": "service_areas.csv", "required_document": "required_documents.csv", "language": "languages.csv",
        "accessibility": "accessibility.csv", "taxonomy_term": "taxonomy_terms.csv", "metadata": "metadata.csv",
        "meta_table_description": "meta_table_descriptions.csv", "cost_option": "cost_options.csv",
        "organization_identifier": "organization_identifiers.csv", "taxonomy": "taxonomies.csv",
    ]

    /// The top-level entities the API lists and that own the other rows.
    public static let entityTables: Set<String> = ["organization", "service", "location", "service_at_location", "taxonomy", "taxonomy_term"]

    /// The fields of `table` that hold the id of another record (foreign keys), including the
    /// polymorphic `link_id` of attributes and `resource_id` of metadata.
    /// The table a row's foreign key points into: `link_id` and `resource_id` name theirs in the row
    /// (`link_entity`, `resource_type`), `parent_id` points into the row's own table, `x_id` into `x`.
    /// The foreign keys that refer to a shared vocabulary (a taxonomy and its terms) rather than to the
    /// row a record belongs under.
    public static let vocabularyReferences: Set<String> = ["taxonomy_term_id", "taxonomy_id", "parent_id"]

    /// The table of the row a record belongs under through `field` (a schedule under its service, an
    /// address under its location), or `nil` for vocabulary references and fields that name no table.
    public static func owningTable(of record: HSDSRecord, via field: String) -> String? {
        vocabularyReferences.contains(field) ? nil : parentTable(of: record, via: field)
    }

    /// `nil` when the field names no table of the schema (data in the wild puts placeholders in `link_entity`).
    public static func parentTable(of record: HSDSRecord, via field: String) -> String? {
        let table: String? =
            switch field {
            case "link_id": record.string("link_entity")
            case "resource_id": record.string("resource_type")
            case "parent_id": record.table
            default: field.hasSuffix("_id") ? String(field.dropLast(3)) : nil
            }
        return table.flatMap { tables[$0] != nil ? $0 : nil }
    }

    /// The fields of a table that name another row (worked out once per table: every stored row asks).
    public static func foreignKeyFields(of table: String) -> [String] { foreignKeyFieldsByTable[table] ?? [] }

    private static let foreignKeyFieldsByTable: [String: [String]] = tables.mapValues { t in
        t.fields.filter { $0 != "id" && ($0.hasSuffix("_id") || $0 == "link_id" || $0 == "resource_id") }
    }
}
