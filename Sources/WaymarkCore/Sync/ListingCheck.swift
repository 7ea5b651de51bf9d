/// A local champion's check of a listing (`Protocol/SPEC.md` §11): a named volunteer or community
/// worker, admitted by a member organisation, saw the service in person on a day and says its listing
/// is right. Signed by the admitting organisation's node (kind 24, public), so every node can show
/// who checked a listing and when, and who vouches for the champion.
public struct ListingCheck: Sendable, Hashable {
    public var serviceID: String
    /// The day the champion saw the service (YYYY-MM-DD).
    public var checkedOn: String
    /// The champion's name, as they want it shown.
    public var champion: String
    /// What they saw, if they said (shown with the check).
    public var note: String?

    public init(serviceID: String, checkedOn: String, champion: String, note: String?) {
        self.serviceID = serviceID
        self.checkedOn = checkedOn
        self.champion = champion
        self.note = note
    }

    /// Longest name and note, in bytes.
    public static let longestName = 120, longestNote = 500

    public func encoded() -> [UInt8] {
        var o = JSONObject([("champion", .string(champion)), ("checked_on", .string(checkedOn)), ("service_id", .string(serviceID))])
        if let note { o["note"] = .string(note) }
        return JSONValue.object(o).canonicalBytes
    }

    public static func decode(_ bytes: [UInt8]) throws -> ListingCheck {
        let o = try SuggestionAnswer.object(bytes)
        let champion = try JourneyPayload.string(o, "champion")
        guard champion.utf8.count <= longestName else { throw JourneyPayload.Problem(field: "champion", message: "is longer than \(longestName) bytes") }
        let note = try o["note"].map { _ in try JourneyPayload.string(o, "note") }
        if let note, note.utf8.count > longestNote { throw JourneyPayload.Problem(field: "note", message: "is longer than \(longestNote) bytes") }
        return ListingCheck(serviceID: try JourneyPayload.string(o, "service_id"), checkedOn: try JourneyPayload.date(o, "checked_on"), champion: champion, note: note)
    }
}
