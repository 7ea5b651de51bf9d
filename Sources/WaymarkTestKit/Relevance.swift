import Foundation
import WaymarkCore

/// Judged resident queries and the measures of how well a ranking answers them: nDCG@10 (graded
/// gain 2^grade − 1, discounted by log2 of the position + 1) and success@3 (a service judged "a good
/// answer lists it first", grade 2, is among the first three).
public struct JudgedQuery: Sendable {
    public var query: String
    public var kind: String
    /// Service name to grade: 2 a good answer lists it first, 1 acceptable.
    public var relevant: [String: Int]

    /// Reads `Tests/relevance/judged-queries.json`'s shape.
    public static func load(_ url: URL) throws -> [JudgedQuery] {
        let value = try JSONParser.parse(Array(try Data(contentsOf: url)))
        return (value["queries"]?.arrayValue ?? []).compactMap { q in
            guard let text = q["query"]?.stringValue, let rel = q["relevant"]?.objectValue else { return nil }
            var grades: [String: Int] = [:]
            for (name, grade) in rel { grades[name] = Int(grade.doubleValue ?? 0) }
            return JudgedQuery(query: text, kind: q["kind"]?.stringValue ?? "", relevant: grades)
        }
    }
}

public struct RelevanceReport: Sendable {
    public struct Row: Sendable {
        public var query: JudgedQuery
        public var ndcg: Double
        public var success: Bool
        public var top: [String]
    }

    public var rows: [Row]
    public var ndcg: Double { rows.isEmpty ? 0 : rows.map(\.ndcg).reduce(0, +) / Double(rows.count) }
    public var successAt3: Double { rows.isEmpty ? 0 : Double(rows.filter(\.success).count) / Double(rows.count) }

    /// Measures `search` (a query to the names it lists, best first) over `queries`.
    public init(_ queries: [JudgedQuery], search: (String) throws -> [String]) rethrows {
        rows = try queries.map { q in
            let ranked = try search(q.query)
            return Row(query: q, ndcg: Self.ndcg(ranked, q.relevant, k: 10), success: ranked.prefix(3).contains { q.relevant[$0] == 2 }, top: Array(ranked.prefix(5)))
        }
    }

    public static func ndcg(_ ranked: [String], _ relevant: [String: Int], k: Int) -> Double {
        func dcg(_ grades: [Int]) -> Double {
            grades.prefix(k).enumerated().reduce(0) { sum, item in sum + (pow(2, Double(item.element)) - 1) / log2(Double(item.offset) + 2) }
        }
        let ideal = dcg(relevant.values.sorted(by: >))
        return ideal == 0 ? 0 : dcg(ranked.map { relevant[$0] ?? 0 }) / ideal
    }

    /// The figures by kind of query, and the queries a good answer would not have started with.
    public var summary: String {
        var lines = [String(format: "all: %d queries, nDCG@10 %.3f, success@3 %.3f", rows.count, ndcg, successAt3)]
        for kind in Set(rows.map(\.query.kind)).sorted() {
            let part = rows.filter { $0.query.kind == kind }
            let n = part.map(\.ndcg).reduce(0, +) / Double(part.count)
            let s = Double(part.filter(\.success).count) / Double(part.count)
            lines.append(String(format: "  %@: %d queries, nDCG@10 %.3f, success@3 %.3f", kind, part.count, n, s))
        }
        for row in rows where !row.success {
            lines.append("  missed: \"\(row.query.query)\" → \(row.top.prefix(3).joined(separator: " | "))")
        }
        return lines.joined(separator: "\n")
    }
}
