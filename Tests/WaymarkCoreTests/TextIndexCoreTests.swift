import Testing
import WaymarkCore

/// The in-memory text index on a handful of rows written by hand (the store's tests compare it with
/// SQLite's FTS5 on whole directories).
struct TextIndexCoreTests {
    /// Rows of two columns ("name", "categories"), tokens separated by spaces.
    static func index(_ rows: [(String, String)]) -> TextIndex {
        var tokens: [(term: String, occurrence: TextIndex.Occurrence)] = []
        for (r, (name, categories)) in rows.enumerated() {
            for (c, text) in [name, categories].enumerated() {
                for (o, t) in text.split(separator: " ").enumerated() {
                    tokens.append((String(t), TextIndex.Occurrence(row: UInt32(r), column: UInt8(c), offset: UInt16(o))))
                }
            }
        }
        return TextIndex(rowCount: rows.count, columnCount: 2, weights: [10, 3], tokens: tokens)
    }

    static let rows = [
        ("youth club", "youth services"),
        ("english classes", "education"),
        ("club for english speakers", "social"),
        ("young parents", "family support"),
        ("parent and toddler", "family"),
    ]

    func rows(_ e: TextIndex.Expression) -> [Int] { Self.index(Self.rows).scores(e).map(\.row).sorted() }

    @Test func aPrefixMatchesEveryWordItBegins() {
        #expect(rows(.init(groups: [[.init(tokens: ["you"], prefix: true)]], and: true)) == [0, 3])
        #expect(rows(.init(groups: [[.init(tokens: ["you"], prefix: false)]], and: true)) == [])
        #expect(rows(.init(groups: [[.init(tokens: ["parent"], prefix: true)]], and: true)) == [3, 4])
    }

    @Test func aPhraseMatchesItsWordsInARowOnly() {
        #expect(rows(.init(groups: [[.init(tokens: ["english", "cla"], prefix: true)]], and: true)) == [1])
        #expect(rows(.init(groups: [[.init(tokens: ["club", "english"], prefix: false)]], and: true)) == [])
        #expect(rows(.init(groups: [[.init(tokens: ["family", "support"], prefix: false, column: 1)]], and: true)) == [3])
        #expect(rows(.init(groups: [[.init(tokens: ["family"], prefix: false, column: 0)]], and: true)) == [])
    }

    @Test func groupsAreAllRequiredOrAnyOne() {
        let club = TextIndex.Phrase(tokens: ["club"], prefix: true)
        let english = TextIndex.Phrase(tokens: ["english"], prefix: true)
        let toddler = TextIndex.Phrase(tokens: ["toddler"], prefix: true)
        #expect(rows(.init(groups: [[club], [english]], and: true)) == [2])
        #expect(rows(.init(groups: [[club], [english]], and: false)) == [0, 1, 2])
        #expect(rows(.init(groups: [[club, toddler], [english]], and: true)) == [2])
        #expect(rows(.init(groups: [[club, toddler]], and: true)) == [0, 2, 4])
    }

    func scores(_ word: String) -> [Int: Double] {
        Dictionary(uniqueKeysWithValues: Self.index(Self.rows).scores(.init(groups: [[.init(tokens: [word], prefix: true)]], and: true)).map { ($0.row, $0.score) })
    }

    @Test func shorterRowsRankHigherAndEqualRowsEqually() {
        #expect(scores("youth").keys.sorted() == [0] && scores("youth")[0]! > 0)
        // Both hit once in the categories and hold four words each.
        let family = scores("family")
        #expect(family.keys.sorted() == [3, 4] && family[3] == family[4])
        let english = scores("english")
        // "english classes" (3 words) ranks above "club for english speakers" (5 words).
        #expect(english[1]! > english[2]!)
    }
}

/// The quick check used when a word may be one letter off agrees with the full edit distance.
struct NearSpellingTests {
    @Test func theOneEditCheckAgreesWithTheFullDistance() {
        var random = SeededRandom(seed: 5)
        func word() -> String {
            let n = 1 + Int(random.next() % 6)
            return String((0..<n).map { _ in "abcá".randomElement(using: &random)! })
        }
        var ones = 0
        for _ in 0..<20_000 {
            let a = word()
            let b = Bool.random(using: &random) ? a : word()
            var c = Array(b)
            if !c.isEmpty, Bool.random(using: &random) { c.swapAt(0, c.count - 1) }
            let other = String(c)
            let full = min(EditDistance.damerauLevenshtein(a, other, limit: 10), 2)
            #expect(EditDistance.damerauLevenshtein(a, other, limit: 1) == full, "\(a) / \(other)")
            if full == 1 { ones += 1 }
        }
        #expect(ones > 1_000)
    }
}
