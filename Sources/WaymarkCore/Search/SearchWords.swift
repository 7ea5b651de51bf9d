import Foundation

/// What the words residents type mean, beyond the words themselves: synonyms and common misspellings
/// (English and Irish, "peil" → football, "counciling" → counselling), words that carry nothing for a
/// search ("need", "want", "my"), words that name a person ("my son", "my mam") which a search may
/// do without, and the words of category names in other languages (from the directory's own
/// taxonomy: "ceol" is a word of "Ceol agus Amhránaíocht", the Irish row of "Music & singing").
///
/// A district supplies its own as JSON (see the README, "How search works"); pure.
public struct SearchWords: Sendable, Equatable {
    /// Folded phrase (see `fold`) to what it also means, as plain text.
    public var synonyms: [String: [String]]
    public var stopWords: Set<String>
    public var personWords: Set<String>
    /// Folded word of a category's name in another language to the category's name in the directory's
    /// own language, as words (matched in the categories of a service only).
    public var categoryPhrases: [String: [String]]
    /// The longest synonym key, in words.
    public private(set) var longestPhrase: Int

    public static let none = SearchWords(synonyms: [:], stopWords: [], personWords: [])

    public init(synonyms: [String: [String]], stopWords: Set<String>, personWords: Set<String>, categoryPhrases: [String: [String]] = [:]) {
        var folded: [String: [String]] = [:]
        for (k, v) in synonyms {
            let key = Self.fold(k).joined(separator: " ")
            guard !key.isEmpty else { continue }
            folded[key, default: []] += v
        }
        self.synonyms = folded
        self.stopWords = Set(stopWords.flatMap(Self.fold))
        self.personWords = Set(personWords.flatMap(Self.fold))
        self.categoryPhrases = categoryPhrases
        longestPhrase = folded.keys.map { $0.split(separator: " ").count }.max() ?? 1
    }

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case invalid(String)
        public var description: String {
            switch self {
            case .invalid(let d): return "The search words are not usable: \(d)"
            }
        }
    }

    /// Reads `{"synonyms": {"peil": ["football"], …}, "stop_words": […], "person_words": […]}`.
    public init(json text: String) throws {
        let root = try ConfigJSON.object(text, notJSON: { ParseError.invalid("not JSON: \($0)") }, invalid: ParseError.invalid)
        func list(_ v: JSONValue?, _ field: String) throws -> [String] { try ConfigJSON.texts(v, field, invalid: ParseError.invalid) }
        var synonyms: [String: [String]] = [:]
        if let s = root["synonyms"] {
            guard let o = s.objectValue else { throw ParseError.invalid("synonyms must be an object of lists") }
            for (k, v) in o { synonyms[k] = try list(v, "synonyms.\(k)") }
        }
        self.init(
            synonyms: synonyms, stopWords: Set(try list(root["stop_words"], "stop_words")),
            personWords: Set(try list(root["person_words"], "person_words")))
    }

    /// These words with the words of category names in other languages added: each pair is a
    /// category's name in another language and its name in the directory's own. A word found in more
    /// than one category's name ("pobail", "tacaíocht") says too little to stand for any of them.
    public func adding(categoryNames pairs: [(other: String, own: String)]) -> SearchWords {
        var out = self
        var namesWith: [String: Set<String>] = [:]
        for (other, own) in pairs { for word in Set(Self.fold(other)) { namesWith[word, default: []].insert(own) } }
        for (other, own) in pairs {
            let phrase = TextQuery.tokenize(own)
            guard !phrase.isEmpty else { continue }
            let joined = phrase.joined(separator: " ")
            for word in Self.fold(other) where word.count >= 4 && !stopWords.contains(word) && (namesWith[word]?.count ?? 0) <= 1 {
                if !(out.categoryPhrases[word]?.contains(joined) ?? false) { out.categoryPhrases[word, default: []].append(joined) }
            }
        }
        return out
    }

    /// Lower-case words with accents and apostrophes taken out, as keys are compared ("Can't" → "cant").
    public static func fold(_ text: String) -> [String] {
        let plain = text.replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "’", with: "")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        return TextQuery.tokenize(plain)
    }
}
