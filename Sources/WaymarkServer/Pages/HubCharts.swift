import Foundation
import WaymarkCore

/// Charts of the hub's published figures as SVG drawn on the server (no JavaScript), each beside
/// the table it draws: needs by category as bars, referral flows between categories as a Sankey
/// diagram (bands as wide as the flow), and the closed-loop rate per receiving category.
enum HubCharts {
    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Horizontal bars, one per (label, value), longest first, each label on its own line above its
    /// bar: narrow enough (400 wide) that a phone shows the whole chart with its labels readable.
    static func bars(_ items: [(label: String, value: Int)], title: String) -> String {
        let rows = items.sorted { $0.value > $1.value }
        guard let top = rows.first?.value, top > 0 else { return "" }
        let rowHeight = 38, width = 400
        var svg = "<svg class=\"chart bars\" viewBox=\"0 0 \(width) \(rows.count * rowHeight + 6)\" role=\"img\" aria-label=\"\(escape(title))\"><title>\(escape(title))</title>"
        for (i, r) in rows.enumerated() {
            let y = i * rowHeight + 2
            let w = max(1, (width - 56) * r.value / top)
            svg += "<text x=\"0\" y=\"\(y + 13)\">\(escape(r.label))</text>"
            svg += "<rect x=\"0\" y=\"\(y + 18)\" width=\"\(w)\" height=\"14\" class=\"bar\"></rect>"
            svg += "<text x=\"\(w + 6)\" y=\"\(y + 30)\">\(r.value)</text>"
        }
        return svg + "</svg>"
    }

    /// One bar per row split into its parts (each part's share of the row), longest part classes
    /// `seg0` … in order, with a legend above: 400 wide, like `bars`, for a phone.
    static func stacked(_ rows: [(label: String, parts: [Int])], partLabels: [String], title: String) -> String {
        let rows = rows.filter { $0.parts.reduce(0, +) > 0 }
        guard !rows.isEmpty else { return "" }
        let width = 344, rowHeight = 40, legendHeight = 18 * partLabels.count + 6
        var svg = "<svg class=\"chart stacked\" viewBox=\"0 0 400 \(legendHeight + rows.count * rowHeight)\" role=\"img\" aria-label=\"\(escape(title))\"><title>\(escape(title))</title>"
        for (i, name) in partLabels.enumerated() {
            svg += "<rect x=\"0\" y=\"\(i * 18 + 2)\" width=\"12\" height=\"12\" class=\"seg\(i)\"></rect><text x=\"18\" y=\"\(i * 18 + 12)\">\(escape(name))</text>"
        }
        for (r, row) in rows.enumerated() {
            let y = legendHeight + r * rowHeight
            let total = row.parts.reduce(0, +)
            svg += "<text x=\"0\" y=\"\(y + 12)\">\(escape(row.label))</text>"
            var x = 0
            for (i, part) in row.parts.enumerated() {
                let w = i == row.parts.count - 1 ? width - x : width * part / total
                guard w > 0 else { continue }
                svg += "<rect x=\"\(x)\" y=\"\(y + 17)\" width=\"\(w)\" height=\"16\" class=\"seg\(i)\"></rect>"
                if w >= 30 { svg += "<text x=\"\(x + 3)\" y=\"\(y + 29)\" class=\"on-seg\">\(Int((Double(part) * 100 / Double(total)).rounded()))%</text>" }
                x += w
            }
        }
        return svg + "</svg>"
    }

    /// A Sankey diagram of flows from the categories on the left to those on the right.
    static func sankey(_ flows: [(from: String, to: String, value: Int)], title: String) -> String {
        let flows = flows.filter { $0.value > 0 }
        guard !flows.isEmpty else { return "" }
        let total = flows.reduce(0) { $0 + $1.value }
        let lefts = Dictionary(grouping: flows, by: \.from).mapValues { $0.reduce(0) { $0 + $1.value } }.sorted { $0.value > $1.value }
        let rights = Dictionary(grouping: flows, by: \.to).mapValues { $0.reduce(0) { $0 + $1.value } }.sorted { $0.value > $1.value }
        let height = 360.0, gap = 8.0, width = 640.0, nodeWidth = 12.0, labelRoom = 170.0
        let usable = height - gap * Double(max(lefts.count, rights.count))
        let scale = usable / Double(total)
        func positions(_ nodes: [(key: String, value: Int)]) -> [String: Double] {
            var y = 4.0, out: [String: Double] = [:]
            for n in nodes {
                out[n.key] = y
                y += Double(n.value) * scale + gap
            }
            return out
        }
        let leftY = positions(lefts), rightY = positions(rights)
        var leftUsed: [String: Double] = [:], rightUsed: [String: Double] = [:]
        let x0 = labelRoom, x1 = width - labelRoom
        var svg = "<svg class=\"chart sankey\" viewBox=\"0 0 \(Int(width)) \(Int(height + 8))\" role=\"img\" aria-label=\"\(escape(title))\"><title>\(escape(title))</title>"
        for f in flows.sorted(by: { $0.value > $1.value }) {
            let band = Double(f.value) * scale
            let ya = leftY[f.from]! + leftUsed[f.from, default: 0] + band / 2
            let yb = rightY[f.to]! + rightUsed[f.to, default: 0] + band / 2
            leftUsed[f.from, default: 0] += band
            rightUsed[f.to, default: 0] += band
            let mid = (x0 + nodeWidth + x1) / 2
            svg += String(
                format: "<path d=\"M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f\" class=\"flow\" stroke-width=\"%.1f\"><title>%@ → %@: %d</title></path>",
                x0 + nodeWidth, ya, mid, ya, mid, yb, x1, yb, max(1, band), escape(f.from), escape(f.to), f.value)
        }
        for n in lefts {
            svg += String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"node\"></rect>", x0, leftY[n.key]!, nodeWidth, Double(n.value) * scale)
            svg += String(format: "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%@ (%d)</text>", x0 - 6, leftY[n.key]! + Double(n.value) * scale / 2 + 5, escape(n.key), n.value)
        }
        for n in rights {
            svg += String(format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" class=\"node\"></rect>", x1, rightY[n.key]!, nodeWidth, Double(n.value) * scale)
            svg += String(format: "<text x=\"%.1f\" y=\"%.1f\">%@ (%d)</text>", x1 + nodeWidth + 6, rightY[n.key]! + Double(n.value) * scale / 2 + 5, escape(n.key), n.value)
        }
        return svg + "</svg>"
    }
}

extension HubCharts {
    /// Lines over periods, one per series (a value may be missing: the line breaks there), with a
    /// legend; the periods along the bottom.
    static func lines(_ series: [(label: String, values: [Int?])], periods: [String], title: String) -> String {
        let top = series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0
        guard periods.count >= 2, top > 0 else { return "" }
        let width = 640.0, height = 260.0, left = 48.0, right = 180.0, bottom = 28.0
        let plotW = width - left - right, plotH = height - bottom - 10
        func x(_ i: Int) -> Double { left + plotW * Double(i) / Double(periods.count - 1) }
        func y(_ v: Int) -> Double { 10 + plotH * (1 - Double(v) / Double(top)) }
        let palette = ["#0b6e4f", "#8a3b12", "#1f4e9c", "#7a1f6e", "#5c5c00", "#00707a", "#6b4f1f", "#333333"]
        var svg = "<svg class=\"chart lines\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(escape(title))\"><title>\(escape(title))</title>"
        svg += String(format: "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" class=\"axis\"></line>", left, 10 + plotH, left + plotW, 10 + plotH)
        svg += String(format: "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\">%d</text>", left - 6, 16.0, top)
        svg += String(format: "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"end\">0</text>", left - 6, 10 + plotH)
        for (i, p) in periods.enumerated() where i == 0 || i == periods.count - 1 || periods.count <= 6 {
            svg += String(format: "<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\">%@</text>", x(i), height - 8, escape(p))
        }
        for (k, s) in series.enumerated() {
            let colour = palette[k % palette.count]
            var path = "", pen = false
            for (i, v) in s.values.enumerated() {
                guard let v else {
                    pen = false
                    continue
                }
                path += String(format: "%@%.1f %.1f ", pen ? "L" : "M", x(i), y(v))
                pen = true
                // A point for every week, so that a week standing alone shows too.
                svg += String(format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%@\"><title>%@, %@: %d</title></circle>", x(i), y(v), colour, escape(s.label), escape(periods[i]), v)
            }
            if !path.isEmpty { svg += "<path d=\"\(path)\" class=\"line\" stroke=\"\(colour)\"><title>\(escape(s.label))</title></path>" }
            let ly = 16.0 + Double(k) * 18
            svg += String(format: "<rect x=\"%.0f\" y=\"%.0f\" width=\"12\" height=\"4\" fill=\"%@\"></rect>", width - right + 12, ly - 5, colour)
            svg += String(format: "<text x=\"%.0f\" y=\"%.0f\">%@</text>", width - right + 30, ly, escape(s.label))
        }
        return svg + "</svg>"
    }
}
