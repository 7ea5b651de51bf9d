import ArgumentParser
import Foundation
import WaymarkCore
import WaymarkCrypto
import WaymarkStore

struct HubCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hub", abstract: "The hub's statistics: what this node would share for a period (Protocol/SPEC.md §12).",
        subcommands: [HubFigures.self])
}

struct HubFigures: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "Print this organisation's own figures for a week, as it would share them with the hub (only to this node's admin: they are its own).",
        discussion: "Cells are family/labels (categories are the directory's top-level taxonomy term ids); only cells above zero are printed.")
    @OptionGroup var data: DataOption
    @Option(help: "The ISO week, YYYY-Www (default: the current week).") var week: String?

    func run() throws {
        let db = try data.database()
        let identity = try data.identity()
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let now = Date()
        let label = week ?? String(format: "%04d-W%02d", calendar.component(.yearForWeekOfYear, from: now), calendar.component(.weekOfYear, from: now))
        let parts = label.split(separator: "-W")
        guard parts.count == 2, let year = Int(parts[0]), let number = Int(parts[1]), (1...53).contains(number),
            let start = calendar.date(from: DateComponents(weekOfYear: number, yearForWeekOfYear: year)),
            let end = calendar.date(byAdding: .day, value: 7, to: start)
        else { throw fail("--week takes an ISO week such as 2026-W49, got \(label)") }
        let directory = Directory(database: db)
        let (categories, need, organisation) = try directory.hubCategories()
        let layout = FigureLayout.district(categories: categories, areas: [], instrumentAreas: [])
        let day = ISO8601DateFormatter().string(from: end.addingTimeInterval(-1)).prefix(10)
        var cache: [String: String?] = [:]
        let counter = try db.hubFigures(
            layout: layout, identity: identity, from: UInt64(start.timeIntervalSince1970 * 1000), to: UInt64(end.timeIntervalSince1970 * 1000),
            day: String(day), needCategory: need,
            organisationCategory: { key in
                if let known = cache[key] { return known }
                let found = try? organisation(key)
                cache[key] = found ?? nil
                return found ?? nil
            })
        print("week \(label): \(layout.cells.count) cells; contributions dropped by the bound per client: \(counter.dropped)")
        for (cell, value) in zip(layout.cells, counter.figures) where value > 0 { print("\(cell)\t\(value)") }
    }
}
