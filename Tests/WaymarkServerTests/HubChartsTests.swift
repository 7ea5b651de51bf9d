import Foundation
import Testing

@testable import WaymarkServer

/// The hub's charts are SVG drawn on the server from published figures: sized by the figures,
/// labelled for screen readers, with nothing from the data left unescaped.
struct HubChartsTests {
    @Test func barsAreAsLongAsTheirFigures() {
        let svg = HubCharts.bars([("Health", 50), ("Children & families", 100)], title: "Needs <by category>")
        #expect(svg.hasPrefix("<svg class=\"chart bars\"") && svg.contains("role=\"img\"") && svg.contains("aria-label=\"Needs &lt;by category&gt;\""))
        #expect(svg.contains("Children &amp; families") && !svg.contains("Children & families"))
        // The longest bar first, the other half as long.
        let widths = svg.split(separator: "<rect").dropFirst().compactMap { $0.split(separator: "width=\"").dropFirst().first?.split(separator: "\"").first }
        #expect(widths.count == 2 && Int(widths[0])! == 2 * Int(widths[1])!)
        #expect(HubCharts.bars([], title: "x").isEmpty && HubCharts.bars([("A", 0)], title: "x").isEmpty)
    }

    @Test func aSankeyHasABandPerFlowAndANodePerCategory() {
        let svg = HubCharts.sankey([("Health", "Housing", 30), ("Health", "Education", 10), ("Youth", "Housing", 20), ("Youth", "Art", 0)], title: "Flows")
        #expect(svg.components(separatedBy: "class=\"flow\"").count - 1 == 3, "a band per flow above zero")
        #expect(svg.components(separatedBy: "class=\"node\"").count - 1 == 4, "Health and Youth on the left; Housing and Education on the right")
        #expect(svg.contains("Health → Housing: 30") && svg.contains("Housing (50)") && !svg.contains("Art"))
        #expect(HubCharts.sankey([], title: "Flows").isEmpty)
    }

    @Test func aStackedBarSplitsEachRowByItsParts() {
        let svg = HubCharts.stacked(
            [("Money", [10, 30, 40, 20]), ("Housing <area>", [0, 50, 50, 0]), ("Empty", [0, 0, 0, 0]), ("Tiny", [1, 99, 0, 0])],
            partLabels: ["went back", "the same", "up one", "up two"],
            title: "Progress")
        #expect(svg.hasPrefix("<svg class=\"chart stacked\"") && svg.contains("aria-label=\"Progress\"") && svg.contains("Housing &lt;area&gt;"))
        #expect(!svg.contains(">Empty<"), "a row with nothing is left out")
        // Money: 344 wide in all, split 10/30/40/20 %; its shares written on the wider parts.
        let money = svg.components(separatedBy: ">Money<")[1].components(separatedBy: "Housing")[0]
        let widths = money.split(separator: "<rect").dropFirst().compactMap { $0.split(separator: "width=\"").dropFirst().first?.split(separator: "\"").first }.map { Int($0)! }
        #expect(widths == [34, 103, 137, 70] && widths.reduce(0, +) == 344, "\(widths)")
        #expect(["10", "30", "40", "20"].allSatisfy { money.contains(">\($0)%<") })
        let tiny = svg.components(separatedBy: ">Tiny<")[1]
        #expect(!tiny.contains(">1%<") && tiny.contains(">99%<"), "a part under 30 wide has no label")
        #expect(svg.components(separatedBy: "class=\"seg0\"").count - 1 == 3, "the legend's, Money's and Tiny's; Housing has none gone back")
        #expect(HubCharts.stacked([], partLabels: ["a"], title: "x").isEmpty)
    }

    @Test func linesBreakWhereAWeekIsMissingAndEveryWeekHasItsPoint() {
        let svg = HubCharts.lines([("Health", [10, nil, 30]), ("Housing", [5, 6, 7])], periods: ["2026-W47", "2026-W48", "2026-W49"], title: "Week by week")
        #expect(svg.contains("class=\"chart lines\"") && svg.contains("aria-label=\"Week by week\""))
        #expect(svg.components(separatedBy: "<circle").count - 1 == 5, "a point per value present")
        #expect(svg.contains("Health, 2026-W49: 30"))
        let health = svg.components(separatedBy: "<path d=\"")[1].components(separatedBy: "\"")[0]
        #expect(health.filter { $0 == "M" }.count == 2 && !health.contains("L"), "the line breaks at the missing week: \(health)")
        #expect(HubCharts.lines([("A", [1])], periods: ["2026-W49"], title: "x").isEmpty, "one week is not a trend")
    }
}
