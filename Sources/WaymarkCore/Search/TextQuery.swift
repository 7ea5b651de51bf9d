import Foundation

/// Turns what a person typed into a safe full-text query: words only (no user text ever reaches the
/// FTS syntax), a prefix match on each word, near spellings for words the index does not know, and
/// what the district's search words say a word or phrase also means (`SearchWords`).
public struct TextQuery: Sendable, Equatable {
    /// The words (a phrase the search words know counts as one), each with the spellings to accept for it.
    public let words: [[String]]
    /// For each word, what it also means: phrases matched anywhere, and category names matched in a
    /// service's categories only.
    public let meanings: [[Meaning]]
    /// For each word, whether it names a person ("son", "mam"), which a search may do without.
    public let isPerson: [Bool]

    public enum Meaning: Sendable, Hashable {
        /// Words matched in a row, the last as a prefix, in any column.
        case phrase(String)
        /// A category's name, matched as a phrase in the categories column only.
        case category(String)
    }

    /// Common English and Irish words that carry no meaning for search (a district's search words add more).
    static let stopWords: Set<String> = [
        "a", "an", "and", "at", "by", "for", "from", "in", "is", "it", "of", "on", "or", "the", "to", "with", "my", "me", "i",
        "agus", "an", "na", "do", "le", "ar",
    ]

    /// - Parameters:
    ///   - text: the raw search text.
    ///   - vocabulary: the index's words in sorted order, for prefix checks and typo tolerance.
    ///   - searchWords: synonyms, stop words, person words and category names in other languages.
    public init(_ text: String, vocabulary: SortedVocabulary, searchWords: SearchWords = .none) {
        let (raw, folded) = Self.tokensWithKeys(text)
        var words: [[String]] = []
        var meanings: [[Meaning]] = []
        var persons: [Bool] = []
        let stop = { (word: String) in Self.stopWords.contains(word) || searchWords.stopWords.contains(word) }
        let allStop = folded.allSatisfy(stop)
        var i = 0
        while i < raw.count, words.count < 12 {
            // The longest phrase the search words know, starting here.
            var matched = 0
            for n in stride(from: min(searchWords.longestPhrase, raw.count - i), through: 2, by: -1)
            where searchWords.synonyms[folded[i..<(i + n)].joined(separator: " ")] != nil {
                matched = n
                break
            }
            if matched > 0 {
                let key = folded[i..<(i + matched)].joined(separator: " ")
                words.append([raw[i..<(i + matched)].joined(separator: " ")])
                meanings.append(Self.phrases(searchWords.synonyms[key] ?? []))
                persons.append(false)
                i += matched
                continue
            }
            let t = raw[i]
            let f = folded[i]
            i += 1
            if !allStop && stop(f) { continue }
            var spellings = [t]
            var meaning = Self.phrases(searchWords.synonyms[f] ?? [])
            meaning += (searchWords.categoryPhrases[f] ?? []).map(Meaning.category)
            if !vocabulary.isEmpty && !vocabulary.hasWord(startingWith: t) {
                let near = vocabulary.nearWords(to: t)
                spellings += near.prefix(6)
                if near.isEmpty, meaning.isEmpty, let stem = vocabulary.longestKnownPrefix(of: t) { spellings = [stem] }
            }
            words.append(spellings)
            meanings.append(meaning)
            persons.append(searchWords.personWords.contains(f))
        }
        self.words = words
        self.meanings = meanings
        self.isPerson = persons
    }

    /// The words of `text` for the index (`raw`) and, for each, the key it is looked up by in the
    /// search words (`folded`). A short ending after an apostrophe belongs to its word ("won't" is
    /// looked up as "wont", "men's" as "mens"), but the index split it off ("won", "men"); any
    /// other apostrophe separates words ("O'Brien").
    static func tokensWithKeys(_ text: String) -> (raw: [String], folded: [String]) {
        var raw: [String] = []
        var folded: [String] = []
        for chunk in text.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "’") }) {
            let parts = chunk.split(whereSeparator: { $0 == "'" || $0 == "’" }).map(String.init)
            if parts.count == 2, parts[1].count <= 2, let first = tokenize(parts[0]).first {
                raw.append(first)
                folded.append(SearchWords.fold(parts[0] + parts[1]).joined())
            } else {
                for p in parts {
                    for t in tokenize(p) {
                        raw.append(t)
                        folded.append(SearchWords.fold(t).joined())
                    }
                }
            }
        }
        return (raw, folded)
    }

    static func phrases(_ texts: [String]) -> [Meaning] {
        texts.map { Self.tokenize($0).joined(separator: " ") }.filter { !$0.isEmpty }.map(Meaning.phrase)
    }

    public var isEmpty: Bool { words.isEmpty }

    /// Whether leaving out the words that name a person leaves something to search for.
    public var canDropPersons: Bool { isPerson.contains(true) && isPerson.contains(false) }

    /// Lower-cased words of letters and digits; everything else separates words.
    public static func tokenize(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber {
                current.append(ch)
            } else if !current.isEmpty {
                out.append(current)
                current = ""
            }
        }
        if !current.isEmpty { out.append(current) }
        return out.map { String($0.prefix(64)) }
    }

    /// The FTS5 MATCH expression: words joined by `AND` (or `OR` for the fallback), each word an
    /// `OR` of quoted prefix terms and of what it also means (quoted phrases; category names under a
    /// `categories` column filter). Every quoted text is made of `tokenize`'s letters and digits only.
    /// The same groups as `expression`, with the words as typed: SQLite folds them itself.
    public func ftsExpression(joinedBy op: String = "AND", droppingPersons: Bool = false) -> String {
        func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let groups = phraseGroups(droppingPersons: droppingPersons, words: Self.tokenize).map { group in
            let terms = group.map { p in
                (p.column.map { Self.columns[$0] + " : " } ?? "") + quoted(p.tokens.joined(separator: " ")) + (p.prefix ? "*" : "")
            }
            return terms.count == 1 ? terms[0] : "(" + terms.joined(separator: " OR ") + ")"
        }
        return groups.joined(separator: " \(op) ")
    }
}

extension TextQuery {
    /// The columns of the directory's full-text index, in order, and the weight of a hit in each
    /// (a word in a service's name counts ten times one in its description).
    public static let columns = ["name", "alternate_name", "description", "categories", "organization", "extra"]
    public static let columnWeights: [Double] = [10, 5, 1, 3, 2, 1]

    /// What `ftsExpression` says, for the in-memory index (`TextIndex`): the same groups and phrases,
    /// their words folded as the index folds them (lower case, accents removed).
    public func expression(and: Bool = true, droppingPersons: Bool = false) -> TextIndex.Expression {
        TextIndex.Expression(groups: phraseGroups(droppingPersons: droppingPersons, words: Self.indexTokens), and: and)
    }

    /// For each word kept, its spellings (matched as prefixes) and what it also means (phrases,
    /// category names in the categories column), each split into words by `words`.
    func phraseGroups(droppingPersons: Bool, words split: (String) -> [String]) -> [[TextIndex.Phrase]] {
        let categories = Self.columns.firstIndex(of: "categories")
        var groups: [[TextIndex.Phrase]] = []
        for (index, alternatives) in words.enumerated() where !(droppingPersons && isPerson[index]) {
            var group = alternatives.map { TextIndex.Phrase(tokens: split($0), prefix: true) }
            for m in meanings[index] {
                switch m {
                case .phrase(let p): group.append(TextIndex.Phrase(tokens: split(p), prefix: true))
                case .category(let c): group.append(TextIndex.Phrase(tokens: split(c), prefix: false, column: categories))
                }
            }
            groups.append(group.filter { !$0.tokens.isEmpty })
        }
        return groups
    }

    /// A text's words as the index holds them: SQLite's `unicode61 remove_diacritics 2` lower-cases
    /// and drops accents ("Gaeilge" and "gaeilge", "céim" and "ceim" are one word).
    public static func indexTokens(_ text: String) -> [String] {
        tokenize(text).map(fold)
    }

    static func fold(_ token: String) -> String {
        guard token.unicodeScalars.contains(where: { $0.value >= 0x80 }) else { return token }
        var out = String.UnicodeScalarView()
        for scalar in token.decomposedStringWithCanonicalMapping.unicodeScalars where !(0x300...0x36F).contains(scalar.value) {
            out.append(scalar)
        }
        return String(out)
    }
}

/// The words of the full-text index, sorted, with near-spelling lookup.
public struct SortedVocabulary: Sendable {
    private let words: [String]
    /// Words by their length in Unicode scalars, each as its scalars, for the edit-distance scan.
    private let byLength: [Int: [(word: String, scalars: [UInt32])]]

    public init(_ words: some Sequence<String>) {
        let sorted = Array(Set(words)).sorted()
        self.words = sorted
        self.byLength = Dictionary(grouping: sorted.map { ($0, $0.unicodeScalars.map(\.value)) }, by: { $0.1.count })
    }

    public var isEmpty: Bool { words.isEmpty }
    public var count: Int { words.count }

    /// Whether some word of the index starts with `prefix`.
    public func hasWord(startingWith prefix: String) -> Bool {
        var lo = 0
        var hi = words.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if words[mid] < prefix { lo = mid + 1 } else { hi = mid }
        }
        return lo < words.count && words[lo].hasPrefix(prefix)
    }

    /// The longest beginning of `word` (at least five letters and two thirds of it) that some word of
    /// the index starts with: "skateboarding" finds "skateboard" when only that is known.
    public func longestKnownPrefix(of word: String) -> String? {
        let letters = Array(word)
        let shortest = max(5, (letters.count * 2 + 2) / 3)
        guard letters.count > shortest else { return nil }
        for n in stride(from: letters.count - 1, through: shortest, by: -1) where hasWord(startingWith: String(letters[0..<n])) {
            return String(letters[0..<n])
        }
        return nil
    }

    /// Words within a small edit distance of `word` (1 for words of 4 to 7 letters, 2 for longer),
    /// closest first. Short words get none: too many near spellings would match.
    public func nearWords(to word: String) -> [String] {
        let x = word.unicodeScalars.map(\.value)
        let n = x.count
        guard n >= 4, n <= 64 else { return [] }
        let limit = n >= 8 ? 2 : 1
        var found: [(String, Int)] = []
        // One set of rows for the whole scan: the distance itself allocates nothing.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * (n + limit + 1)) { rows in
            x.withUnsafeBufferPointer { x in
                for len in (n - limit)...(n + limit) {
                    for candidate in byLength[len] ?? [] {
                        let d = candidate.scalars.withUnsafeBufferPointer { y in EditDistance.distance(x, y, limit: limit, rows: rows) }
                        if d <= limit { found.append((candidate.word, d)) }
                    }
                }
            }
        }
        return found.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.map(\.0)
    }
}

/// Edit distances for typo tolerance.
public enum EditDistance {
    /// Optimal string alignment distance (insertions, deletions, substitutions and adjacent
    /// transpositions), stopping early once it must exceed `limit`.
    public static func damerauLevenshtein(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let x = a.unicodeScalars.map(\.value)
        let y = b.unicodeScalars.map(\.value)
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * (y.count + 1)) { rows in
            x.withUnsafeBufferPointer { x in y.withUnsafeBufferPointer { y in distance(x, y, limit: limit, rows: rows) } }
        }
    }

    /// The same over scalars, in `rows` (room for three rows of `y.count + 1`).
    static func distance(_ x: UnsafeBufferPointer<UInt32>, _ y: UnsafeBufferPointer<UInt32>, limit: Int, rows: UnsafeMutableBufferPointer<Int>) -> Int {
        if abs(x.count - y.count) > limit { return limit + 1 }
        if limit == 1 { return withinOne(x, y) }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        let w = y.count + 1
        var prev2 = rows.baseAddress!
        var prev = prev2 + w
        var cur = prev + w
        for j in 0...y.count { prev[j] = j }
        for i in 1...x.count {
            cur[0] = i
            var rowMin = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var v = Swift.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { v = Swift.min(v, prev2[j - 2] + 1) }
                cur[j] = v
                rowMin = Swift.min(rowMin, v)
            }
            if rowMin > limit { return limit + 1 }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        return prev[y.count]
    }

    /// The distance when at most 1 matters (2 standing for anything more), without the table: one
    /// letter changed, added, dropped, or two neighbours swapped.
    static func withinOne(_ x: UnsafeBufferPointer<UInt32>, _ y: UnsafeBufferPointer<UInt32>) -> Int {
        if x.count == y.count {
            var first = -1
            var second = -1
            for i in 0..<x.count where x[i] != y[i] {
                if first < 0 {
                    first = i
                } else if second < 0 {
                    second = i
                } else {
                    return 2
                }
            }
            if first < 0 { return 0 }
            if second < 0 { return 1 }
            return second == first + 1 && x[first] == y[second] && x[second] == y[first] ? 1 : 2
        }
        let (long, short) = x.count > y.count ? (x, y) : (y, x)
        guard long.count == short.count + 1 else { return 2 }
        var i = 0
        while i < short.count && short[i] == long[i] { i += 1 }
        while i < short.count {
            if short[i] != long[i + 1] { return 2 }
            i += 1
        }
        return 1
    }
}
