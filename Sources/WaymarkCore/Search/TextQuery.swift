import Foundation

/// Turns what a person typed into a safe full-text query: words only (no user text ever reaches the
/// FTS syntax), a prefix match on each word, and near spellings for words the index does not know.
public struct TextQuery: Sendable, Equatable {
    /// The words, each with the spellings to accept for it.
    public let words: [[String]]

    /// Common English and Irish words that carry no meaning for search.
    static let stopWords: Set<String> = [
        "a", "an", "and", "at", "by", "for", "from", "in", "is", "it", "of", "on", "or", "the", "to", "with", "my", "me", "i",
        "agus", "an", "na", "do", "le", "ar",
    ]

    /// - Parameters:
    ///   - text: the raw search text.
    ///   - vocabulary: the index's words in sorted order, for prefix checks and typo tolerance.
    public init(_ text: String, vocabulary: SortedVocabulary) {
        var tokens = Self.tokenize(text)
        let meaningful = tokens.filter { !Self.stopWords.contains($0) }
        if !meaningful.isEmpty { tokens = meaningful }
        var words: [[String]] = []
        for t in tokens.prefix(12) {
            if vocabulary.isEmpty || vocabulary.hasWord(startingWith: t) {
                words.append([t])
            } else {
                let near = vocabulary.nearWords(to: t)
                words.append([t] + near.prefix(6))
            }
        }
        self.words = words
    }

    public var isEmpty: Bool { words.isEmpty }

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
    /// `OR` of quoted prefix terms.
    public func ftsExpression(joinedBy op: String = "AND") -> String {
        words.map { alternatives in
            let terms = alternatives.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"*" }
            return terms.count == 1 ? terms[0] : "(" + terms.joined(separator: " OR ") + ")"
        }.joined(separator: " \(op) ")
    }
}

/// The words of the full-text index, sorted, with near-spelling lookup.
public struct SortedVocabulary: Sendable {
    private let words: [String]
    private let byLength: [Int: [String]]

    public init(_ words: some Sequence<String>) {
        let sorted = Array(Set(words)).sorted()
        self.words = sorted
        self.byLength = Dictionary(grouping: sorted, by: { $0.count })
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

    /// Words within a small edit distance of `word` (1 for words of 4 to 7 letters, 2 for longer),
    /// closest first. Short words get none: too many near spellings would match.
    public func nearWords(to word: String) -> [String] {
        let n = word.count
        guard n >= 4 else { return [] }
        let limit = n >= 8 ? 2 : 1
        var found: [(String, Int)] = []
        for len in (n - limit)...(n + limit) {
            for candidate in byLength[len] ?? [] {
                let d = EditDistance.damerauLevenshtein(word, candidate, limit: limit)
                if d <= limit { found.append((candidate, d)) }
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
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if abs(x.count - y.count) > limit { return limit + 1 }
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev2 = [Int](repeating: 0, count: y.count + 1)
        var prev = Array(0...y.count)
        var cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            var rowMin = cur[0]
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { v = min(v, prev2[j - 2] + 1) }
                cur[j] = v
                rowMin = min(rowMin, v)
            }
            if rowMin > limit { return limit + 1 }
            (prev2, prev, cur) = (prev, cur, prev2)
        }
        return prev[y.count]
    }
}
