import Foundation

/// The directory's full-text index held in memory, answering the expressions `TextQuery` builds with
/// the same matches and the same scores as SQLite's FTS5 `bm25()` over the stored index.
///
/// Why: under thousands of distinct resident queries most of a search's time went to opening a read
/// transaction and running the FTS5 query, not to finding the answer. The stored index stays the
/// source of truth (its tokens, as SQLite's `unicode61 remove_diacritics 2` tokenizer made them, are
/// read from `fts5vocab`'s `instance` table), so nothing about tokenizing is re-implemented here;
/// a test compares every score with SQLite's.
///
/// Layout: term ids are given in sorted order, so the terms a prefix covers are one range of ids, and
/// their occurrences (grouped by term) one range of `occurrences`. A forward index (each row's and
/// column's term ids in order) checks the later words of a phrase.
public struct TextIndex: Sendable {
    /// One token of a row: the row (a position of `DirectoryIndex`), its column and its place in the column.
    public struct Occurrence: Sendable, Equatable {
        public var row: UInt32
        public var column: UInt8
        public var offset: UInt16
        public init(row: UInt32, column: UInt8, offset: UInt16) {
            self.row = row
            self.column = column
            self.offset = offset
        }
    }

    /// A phrase of an expression: words in a row in one column, the last matched as a prefix when
    /// `prefix`; in column `column` only, or any.
    public struct Phrase: Sendable, Hashable {
        public var tokens: [String]
        public var prefix: Bool
        public var column: Int?
        public init(tokens: [String], prefix: Bool, column: Int? = nil) {
            self.tokens = tokens
            self.prefix = prefix
            self.column = column
        }
    }

    /// Groups of alternative phrases, all groups required (`and`) or any one.
    public struct Expression: Sendable, Hashable {
        public var groups: [[Phrase]]
        public var and: Bool
        public init(groups: [[Phrase]], and: Bool) {
            self.groups = groups
            self.and = and
        }
    }

    public let terms: [String]
    private let termStart: [Int32]
    private let occurrences: [Occurrence]
    private let columnCount: Int
    /// Start of each (row, column)'s term ids in `sequence`; `rowCount * columnCount + 1` entries.
    private let cellStart: [Int32]
    private let sequence: [Int32]
    private let rowLength: [Double]
    public let rowCount: Int
    private let averageLength: Double
    /// Column weights, as passed to `bm25()`.
    public let weights: [Double]

    /// - Parameters:
    ///   - rowCount: the rows of the index (rows without text included).
    ///   - columnCount: columns per row.
    ///   - weights: the weight of a hit in each column.
    ///   - tokens: every token of every row as (term, row, column, offset), in any order.
    public init(rowCount: Int, columnCount: Int, weights: [Double], tokens: [(term: String, occurrence: Occurrence)]) {
        precondition(weights.count == columnCount && weights.allSatisfy { $0 > 0 })
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.weights = weights
        let sortedTerms = Array(Set(tokens.map(\.term))).sorted()
        var id: [String: Int32] = [:]
        id.reserveCapacity(sortedTerms.count)
        for (i, t) in sortedTerms.enumerated() { id[t] = Int32(i) }
        var perTerm = [Int32](repeating: 0, count: sortedTerms.count + 1)
        var cellSize = [Int32](repeating: 0, count: rowCount * columnCount + 1)
        var length = [Double](repeating: 0, count: rowCount)
        var ids: [Int32] = []
        ids.reserveCapacity(tokens.count)
        for (term, o) in tokens {
            let t = id[term]!
            ids.append(t)
            perTerm[Int(t) + 1] += 1
            let cell = Int(o.row) * columnCount + Int(o.column)
            cellSize[cell + 1] = max(cellSize[cell + 1], Int32(o.offset) + 1)
            length[Int(o.row)] += 1
        }
        for i in 1..<perTerm.count { perTerm[i] += perTerm[i - 1] }
        for i in 1..<cellSize.count { cellSize[i] += cellSize[i - 1] }
        var fill = perTerm
        var occ = [Occurrence](repeating: Occurrence(row: 0, column: 0, offset: 0), count: tokens.count)
        var seq = [Int32](repeating: -1, count: Int(cellSize.last ?? 0))
        for (i, (_, o)) in tokens.enumerated() {
            let t = Int(ids[i])
            occ[Int(fill[t])] = o
            fill[t] += 1
            seq[Int(cellSize[Int(o.row) * columnCount + Int(o.column)]) + Int(o.offset)] = ids[i]
        }
        for t in 0..<sortedTerms.count {
            occ[Int(perTerm[t])..<Int(perTerm[t + 1])].sort {
                ($0.row, $0.column, $0.offset) < ($1.row, $1.column, $1.offset)
            }
        }
        self.terms = sortedTerms
        self.termStart = perTerm
        self.occurrences = occ
        self.cellStart = cellSize
        self.sequence = seq
        self.rowLength = length
        self.averageLength = rowCount == 0 ? 0 : Double(tokens.count) / Double(rowCount)
    }

    /// Ids of the terms starting with `prefix` (or equal to it when not `prefix`).
    func termRange(_ token: String, prefix: Bool) -> Range<Int> {
        var lo = 0
        var hi = terms.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if terms[mid] < token { lo = mid + 1 } else { hi = mid }
        }
        let start = lo
        if !prefix { return start < terms.count && terms[start] == token ? start..<(start + 1) : start..<start }
        var end = start
        hi = terms.count
        while end < hi {
            let mid = (end + hi) / 2
            if terms[mid].hasPrefix(token) { end = mid + 1 } else { hi = mid }
        }
        return start..<end
    }

    /// Rows matching `expression`, each with its relevance: FTS5's `bm25()` with this index's column
    /// weights, negated (higher is better). Rows that do not match are absent.
    public func scores(_ expression: Expression) -> [(row: Int, score: Double)] {
        guard expression.groups.contains(where: { !$0.isEmpty }), rowCount > 0 else { return [] }
        let k1 = 1.2
        let b = 0.75
        var score = [Double](repeating: 0, count: rowCount)
        var freq = [Double](repeating: 0, count: rowCount)
        var groupsHit = [UInt16](repeating: 0, count: rowCount)
        var lastGroup = [Int32](repeating: -1, count: rowCount)
        // AND: the rows of the group that hit fewest (every match is among them); OR: every group's rows.
        var candidates: [Int]?
        var groupIndex = 0
        occurrences.withUnsafeBufferPointer { occurrences in
            sequence.withUnsafeBufferPointer { sequence in
                for group in expression.groups {
                    var groupRows: [Int] = []
                    for phrase in group {
                        var touched: [Int] = []
                        collect(phrase, occurrences, sequence, &freq, &touched)
                        // FTS5 counts the rows holding the phrase anywhere in the table (its IDF).
                        var idf = log((Double(rowCount) - Double(touched.count) + 0.5) / (Double(touched.count) + 0.5))
                        if idf <= 0 { idf = 1e-6 }
                        for row in touched {
                            let f = freq[row]
                            score[row] += idf * ((f * (k1 + 1.0)) / (f + k1 * (1 - b + b * rowLength[row] / averageLength)))
                            freq[row] = 0
                            if lastGroup[row] != Int32(groupIndex) {
                                lastGroup[row] = Int32(groupIndex)
                                groupsHit[row] += 1
                                groupRows.append(row)
                            }
                        }
                    }
                    if !expression.and {
                        candidates = (candidates ?? []) + groupRows
                    } else if groupRows.count < candidates?.count ?? .max {
                        candidates = groupRows
                    }
                    groupIndex += 1
                }
            }
        }
        let needed = expression.and ? UInt16(expression.groups.count) : 1
        var out: [(row: Int, score: Double)] = []
        out.reserveCapacity(candidates?.count ?? 0)
        for row in candidates ?? [] where groupsHit[row] >= needed {
            // A row hit by several groups of an OR is listed by each: keep it once.
            groupsHit[row] = 0
            out.append((row, score[row]))
        }
        return out
    }

    /// Adds each hit of `phrase` to `freq` (the weight of its column) and lists the rows hit, once each.
    private func collect(
        _ phrase: Phrase, _ occurrences: UnsafeBufferPointer<Occurrence>, _ sequence: UnsafeBufferPointer<Int32>,
        _ freq: inout [Double], _ touched: inout [Int]
    ) {
        guard let first = phrase.tokens.first else { return }
        let single = phrase.tokens.count == 1
        let firstRange = termRange(first, prefix: phrase.prefix && single)
        guard !firstRange.isEmpty else { return }
        // The later words: exact ids, the last a range when it is a prefix.
        var later: [Range<Int>] = []
        for (i, t) in phrase.tokens.enumerated().dropFirst() {
            let r = termRange(t, prefix: phrase.prefix && i == phrase.tokens.count - 1)
            if r.isEmpty { return }
            later.append(r)
        }
        let column = phrase.column.map(UInt8.init)
        for index in Int(termStart[firstRange.lowerBound])..<Int(termStart[firstRange.upperBound]) {
            let o = occurrences[index]
            if let column, o.column != column { continue }
            if !later.isEmpty {
                let cell = Int(o.row) * columnCount + Int(o.column)
                let start = Int(cellStart[cell])
                let end = Int(cellStart[cell + 1])
                var at = start + Int(o.offset) + 1
                var matched = true
                for r in later {
                    guard at < end, r.contains(Int(sequence[at])) else {
                        matched = false
                        break
                    }
                    at += 1
                }
                if !matched { continue }
            }
            let row = Int(o.row)
            if freq[row] == 0 { touched.append(row) }
            freq[row] += weights[Int(o.column)]
        }
    }
}
