import Foundation

/// Urgent help a deployment shows on every public page: the emergency numbers, the crisis lines, a
/// neutral page for the quick-exit control, and the words (in every interface language) that bring
/// the crisis lines to the top of a search.
///
/// A district supplies its own as JSON (the README's "Urgent help" describes the format); the built-in
/// ones are Ireland's national lines. Pure: parsing and matching only.
public struct HelpLines: Sendable, Equatable {
    /// Text in each interface language, by language code (`en`, `ga`); English stands in for a missing one.
    public struct Localized: Sendable, Equatable {
        public var byLanguage: [String: String]
        public init(_ byLanguage: [String: String]) { self.byLanguage = byLanguage }
        public func text(_ language: String) -> String { byLanguage[language] ?? byLanguage["en"] ?? byLanguage.values.sorted().first ?? "" }
        public var isEmpty: Bool { byLanguage.values.allSatisfy(\.isEmpty) }
    }

    /// One crisis line.
    public struct Line: Sendable, Equatable {
        public var id: String
        public var name: Localized
        /// Who it is for and what it offers, in a sentence.
        public var about: Localized
        /// When it answers ("Any time, day or night").
        public var hours: Localized
        /// A number to call, as people write it ("116 123").
        public var phone: String?
        /// How to reach it by text message ("Text HELP to 51444").
        public var text: Localized
        public var web: String?
        /// The topics it answers; a search matching one of them lists it first.
        public var topics: [String]
    }

    /// The numbers for the emergency services, most familiar first ("112", "999").
    public let emergencyNumbers: [String]
    /// The page the quick-exit control goes to: neutral and unremarkable (a weather forecast).
    public let quickExitURL: String
    public let lines: [Line]
    /// Words and phrases per topic, in any language, matched against what a visitor searches for.
    public let topicWords: [String: [String]]
    /// Topics whose lines are shown with any crisis match (general listening lines).
    public let generalTopics: [String]
    /// `topicWords` and the lines' names as folded words (`SearchWords.fold`), folded once here
    /// rather than on every search.
    private let topicPhrases: [(topic: String, phrases: [[String]])]
    private let linePhrases: [[[String]]]

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case notJSON(String)
        case missing(String)
        case invalid(String)
        public var description: String {
            switch self {
            case .notJSON(let d): return "The help lines are not valid JSON: \(d)"
            case .missing(let field): return "The help lines lack \(field)."
            case .invalid(let d): return "The help lines are not usable: \(d)"
            }
        }
    }

    /// Reads the JSON a district supplies.
    public init(json text: String) throws {
        let root = try ConfigJSON.object(text, notJSON: ParseError.notJSON, invalid: ParseError.invalid)
        func localized(_ v: JSONValue?, _ field: String) throws -> Localized {
            try ConfigJSON.localized(v, field, required: false, invalid: ParseError.invalid)
        }
        func strings(_ v: JSONValue?, _ field: String) throws -> [String] { try ConfigJSON.texts(v, field, invalid: ParseError.invalid) }
        emergencyNumbers = try strings(root["emergency_numbers"], "emergency_numbers").filter { Self.dialable($0) != nil }
        guard !emergencyNumbers.isEmpty else { throw ParseError.missing("emergency_numbers (at least one number to dial)") }
        guard let exit = root["quick_exit_url"]?.stringValue, exit.hasPrefix("https://") || exit.hasPrefix("http://") else {
            throw ParseError.missing("quick_exit_url (an http or https address)")
        }
        quickExitURL = exit
        var lines: [Line] = []
        var seen = Set<String>()
        for (i, item) in (root["lines"]?.arrayValue ?? []).enumerated() {
            guard let o = item.objectValue else { throw ParseError.invalid("lines[\(i)] must be an object") }
            guard let id = o["id"]?.stringValue, !id.isEmpty, seen.insert(id).inserted else {
                throw ParseError.invalid("lines[\(i)] needs an id of its own")
            }
            let name = try localized(o["name"], "lines[\(i)].name")
            guard !name.isEmpty else { throw ParseError.missing("lines[\(i)].name") }
            let phone = o["phone"]?.stringValue
            if let phone, Self.dialable(phone) == nil { throw ParseError.invalid("lines[\(i)].phone is not a number to dial") }
            let text = try localized(o["text"], "lines[\(i)].text")
            let web = o["web"]?.stringValue
            if let web, !web.hasPrefix("https://") && !web.hasPrefix("http://") { throw ParseError.invalid("lines[\(i)].web must be an http or https address") }
            guard phone != nil || !text.isEmpty || web != nil else { throw ParseError.missing("lines[\(i)]: a phone, a text message or a web address") }
            lines.append(
                Line(
                    id: id, name: name, about: try localized(o["about"], "lines[\(i)].about"), hours: try localized(o["hours"], "lines[\(i)].hours"),
                    phone: phone, text: text, web: web, topics: try strings(o["topics"], "lines[\(i)].topics")))
        }
        self.lines = lines
        var topicWords: [String: [String]] = [:]
        if let t = root["topics"] {
            guard let o = t.objectValue else { throw ParseError.invalid("topics must be an object of word lists") }
            for (k, v) in o { topicWords[k] = try strings(v, "topics.\(k)") }
        }
        self.topicWords = topicWords
        generalTopics = try strings(root["general_topics"], "general_topics")
        topicPhrases = topicWords.keys.sorted().map { ($0, topicWords[$0]!.map(SearchWords.fold)) }
        linePhrases = lines.map { $0.name.byLanguage.values.map(SearchWords.fold) }
    }

    public static func == (a: HelpLines, b: HelpLines) -> Bool {
        a.emergencyNumbers == b.emergencyNumbers && a.quickExitURL == b.quickExitURL && a.lines == b.lines && a.topicWords == b.topicWords
            && a.generalTopics == b.generalTopics
    }

    /// The digits and a leading `+` of a number, or nil when it has letters or too few digits.
    public static func dialable(_ number: String) -> String? {
        var out = ""
        for ch in number {
            if ch.isNumber, ch.isASCII { out.append(ch) } else if ch == "+", out.isEmpty { out.append(ch) } else if " -().".contains(ch) { continue } else { return nil }
        }
        return out.filter(\.isNumber).count >= 3 ? out : nil
    }

    /// The topics a search touches: a topic matches when all the words of one of its phrases appear in
    /// a row. A phrase word of four letters or more also matches longer words it begins
    /// ("abuse" matches "abused", "suicid" matches "suicidal"). Also matches a line's own name
    /// ("samaritans" finds the Samaritans' topics).
    public func topics(in query: String) -> [String] {
        let q = SearchWords.fold(query)
        guard !q.isEmpty else { return [] }
        func matches(_ phrase: [String]) -> Bool {
            guard !phrase.isEmpty, phrase.count <= q.count else { return false }
            for start in 0...(q.count - phrase.count) {
                var ok = true
                for (j, w) in phrase.enumerated() {
                    let candidate = q[start + j]
                    if !(candidate == w || (w.count >= 4 && candidate.hasPrefix(w))) { ok = false; break }
                }
                if ok { return true }
            }
            return false
        }
        var found: [String] = []
        for (topic, phrases) in topicPhrases where phrases.contains(where: matches) { found.append(topic) }
        for (line, names) in zip(lines, linePhrases) where names.contains(where: matches) {
            for t in line.topics where !found.contains(t) { found.append(t) }
            if line.topics.isEmpty, !found.contains("line:" + line.id) { found.append("line:" + line.id) }
        }
        return found
    }

    /// The lines to show for a search: empty when it touches no crisis topic; otherwise the lines for
    /// its topics first (in the order the deployment lists them), then the general listening lines.
    public func lines(forSearch query: String) -> [Line] { lines(forTopics: topics(in: query)) }

    /// The lines for topics found by `topics(in:)`.
    public func lines(forTopics found: [String]) -> [Line] {
        let topics = Set(found)
        guard !topics.isEmpty else { return [] }
        let direct = lines.filter { !Set($0.topics).isDisjoint(with: topics) || topics.contains("line:" + $0.id) }
        let general = lines.filter { line in !direct.contains(line) && !Set(line.topics).isDisjoint(with: generalTopics) }
        return direct + general
    }
}
