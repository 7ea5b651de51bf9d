import Foundation

/// A service user as their home organisation records them. Held only on that organisation's node,
/// encrypted at rest under a key of the client's own (so that erasure can destroy it); what is shared
/// with another organisation travels in a referral, and only as far as the client's consent allows.
public struct ClientRecord: Sendable, Hashable {
    public var name: String
    /// ISO date, or empty when not known.
    public var dateOfBirth: String
    /// Phone, email or address, as the client wants to be reached.
    public var contact: String
    /// Terms of the node's needs list (linked to the directory's taxonomy).
    public var needs: [String]
    /// The language the client prefers (a name or code, as the directory lists languages); may be empty.
    public var language: String
    public var goals: [String]
    /// Local notes: never shared.
    public var notes: String
    /// Where the client lives, as coarse as the district's figures need (`Protocol/SPEC.md` §12.1):
    /// an Eircode routing key (`D11`: the first three characters only, never the whole Eircode,
    /// which finds a home), `other` for outside the district's postal areas, or empty when not known.
    public var area: String

    public init(
        name: String, dateOfBirth: String = "", contact: String = "", needs: [String] = [], language: String = "", goals: [String] = [], notes: String = "",
        area: String = ""
    ) {
        self.name = name
        self.dateOfBirth = dateOfBirth
        self.contact = contact
        self.needs = needs
        self.language = language
        self.goals = goals
        self.notes = notes
        self.area = area
    }

    /// The area to keep for what a worker chose or typed: a routing key (`d11`, `D11 X2Y3` and
    /// `Dublin 11` give `D11`; `D6W` stays), `other`, or empty; `nil` when it is none of these.
    public static func area(_ text: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty { return "" }
        if t.lowercased() == "other" { return "other" }
        let compact = t.uppercased().filter { !$0.isWhitespace }
        if compact.hasPrefix("DUBLIN"), let n = Int(compact.dropFirst(6)), (1...24).contains(n) { return String(format: "D%02d", n) }
        let key = String(compact.prefix(3))
        guard compact.count == 3 || compact.count == 7 else { return nil }
        let c = Array(key.unicodeScalars)
        guard c.count == 3, ("A"..."Z").contains(c[0]) else { return nil }
        if key == "D6W" { return key }
        return ("0"..."9").contains(c[1]) && ("0"..."9").contains(c[2]) ? key : nil
    }

    /// What is wrong with the record, or `nil`.
    public var problem: JourneyError? {
        let n = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if n.isEmpty { return JourneyError(.nameMissing, field: "name") }
        if n.count > 200 { return JourneyError(.nameTooLong, field: "name") }
        if !dateOfBirth.isEmpty && (dateOfBirth.utf8.count != 10 || LocalDateTime.parseDate(dateOfBirth) == nil) {
            return JourneyError(.dateOfBirthFormat, field: "date_of_birth")
        }
        if contact.count > 500 { return JourneyError(.contactTooLong, field: "contact") }
        if language.count > 100 { return JourneyError(.languageTooLong, field: "language") }
        if notes.count > 20_000 { return JourneyError(.notesTooLong, field: "notes") }
        if needs.count > 50 || goals.count > 50 { return JourneyError(.tooManyNeeds, field: "needs") }
        if Self.area(area) != area { return JourneyError(.areaFormat, field: "area") }
        return nil
    }

    /// Canonical JSON.
    public func encoded() -> [UInt8] {
        var pairs: [(String, JSONValue)] = [
            ("name", .string(name)), ("date_of_birth", .string(dateOfBirth)), ("contact", .string(contact)),
            ("needs", .array(needs.map(JSONValue.string))), ("language", .string(language)), ("goals", .array(goals.map(JSONValue.string))), ("notes", .string(notes)),
        ]
        // Records kept before areas were asked for read back the same.
        if !area.isEmpty { pairs.append(("area", .string(area))) }
        return JSONValue.object(JSONObject(pairs)).canonicalBytes
    }

    public static func decode(_ bytes: [UInt8]) throws -> ClientRecord {
        guard case .object(let o) = try JSONParser.parse(bytes), let name = o["name"]?.stringValue else {
            throw JourneyPayload.Problem(field: "client", message: "is not a client record")
        }
        func list(_ k: String) -> [String] { o[k]?.arrayValue?.compactMap(\.stringValue) ?? [] }
        return ClientRecord(
            name: name, dateOfBirth: o["date_of_birth"]?.stringValue ?? "", contact: o["contact"]?.stringValue ?? "", needs: list("needs"),
            language: o["language"]?.stringValue ?? "", goals: list("goals"), notes: o["notes"]?.stringValue ?? "", area: o["area"]?.stringValue ?? "")
    }
}

/// The duplicate warning on creating a client: the same date of birth and a similar name.
public enum ClientMatching {
    /// Lower case, accents and punctuation dropped, spaces collapsed: "Ó Briain-Murphy" → "o briain murphy".
    public static func normalize(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
        let words = folded.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) ? Character($0) : " " }
        return String(words).split(separator: " ").joined(separator: " ")
    }

    /// Whether two names are alike enough to warn: equal once normalised, the same words in another
    /// order, or within two edits of each other.
    public static func similar(_ a: String, _ b: String) -> Bool {
        let x = normalize(a)
        let y = normalize(b)
        if x.isEmpty || y.isEmpty { return false }
        if x == y || x.split(separator: " ").sorted() == y.split(separator: " ").sorted() { return true }
        return editDistance(Array(x), Array(y), limit: 2) <= 2
    }

    /// Whether a search of the client list finds this client: the date of birth typed in full, the
    /// name as typed (accents, case and punctuation aside), or every word of the query at the start
    /// of a word of the name or a small slip away from one (one letter in a word of four to seven
    /// letters, two in a longer one): "Kely" finds Kelly, "Shiobhan" Siobhán, "o suil" Ó Súilleabháin.
    public static func matches(query: String, name: String, dateOfBirth: String) -> Bool {
        let q = normalize(query)
        if q.isEmpty { return true }
        if !dateOfBirth.isEmpty && query.trimmingCharacters(in: .whitespaces) == dateOfBirth { return true }
        let n = normalize(name)
        if n.contains(q) || similar(name, query) { return true }
        let words = n.split(separator: " ").map(Array.init)
        return q.split(separator: " ").allSatisfy { part in
            let w = Array(part)
            let slips = w.count >= 8 ? 2 : w.count >= 4 ? 1 : 0
            return words.contains { word in
                word.starts(with: w) || (slips > 0 && editDistance(w, word, limit: slips) <= slips)
            }
        }
    }

    /// A possible duplicate: same date of birth (when both are known) and a similar name.
    public static func isPossibleDuplicate(_ a: ClientRecord, _ b: ClientRecord) -> Bool {
        !a.dateOfBirth.isEmpty && a.dateOfBirth == b.dateOfBirth && similar(a.name, b.name)
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            var best = current[0]
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                best = min(best, current[j])
            }
            if best > limit { return limit + 1 }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
