import Foundation
import WaymarkCore

extension SampleDirectory {
    /// Splits a directory between `parts` publishers, the way a federation of organisation nodes holds
    /// it: every row goes to the part of the organisation it belongs to (followed through its foreign
    /// keys), organisations are dealt out in turn, and rows that belong to no organisation (the
    /// taxonomy) go to part 0.
    /// - Returns: the rows of part `index` (0-based), in their original order.
    public static func part(_ records: [HSDSRecord], index: Int, of parts: Int) -> [HSDSRecord] {
        precondition(parts >= 1 && (0..<parts).contains(index), "part index out of range")
        var orgPart: [String: Int] = [:]
        for r in records where r.table == "organization" { orgPart[r.id] = orgPart.count % parts }
        var byID: [String: HSDSRecord] = [:]
        for r in records { byID["\(r.table)/\(r.id)"] = r }
        var memo: [String: Int] = [:]

        func owner(_ r: HSDSRecord, depth: Int) -> Int {
            let key = "\(r.table)/\(r.id)"
            if let known = memo[key] { return known }
            var result = 0
            if r.table == "organization" {
                result = orgPart[r.id] ?? 0
            } else if depth < 8 {
                for (field, value) in r.foreignKeys {
                    if field == "organization_id", let p = orgPart[value] {
                        result = p
                        break
                    }
                    if let table = HSDSSchema.owningTable(of: r, via: field), let parent = byID["\(table)/\(value)"] {
                        result = owner(parent, depth: depth + 1)
                        break
                    }
                }
            }
            memo[key] = result
            return result
        }
        return records.filter { owner($0, depth: 0) == index }
    }
}
