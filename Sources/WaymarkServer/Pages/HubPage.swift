import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import WaymarkCore
import WaymarkStore

/// `/hub`: what the hub published for a week (`Protocol/SPEC.md` §12): only published cells, each
/// with how many organisations stand behind it and the ε it cost, and how many cells were withheld
/// for each reason; `/hub.csv` the same as CSV. On a node that is not the hub, it says there is
/// nothing yet.
extension PublicPages {
    func registerHub(on router: Router<WaymarkRequestContext>) {
        router.get("/hub") { request, _ in render { try hubPage(request) } }
        router.get("/hub.csv") { request, _ in render { try hubCSV(request) } }
    }

    /// The rows of a release that may be shown: published cells, labels in the page's language.
    func hubRows(_ cells: [PublishedCell], language: InterfaceLanguage) throws -> [[String: Any]] {
        let label = try hubLabel(language)
        return cells.compactMap { p -> [String: Any]? in
            guard let value = p.value else { return nil }
            let labels = p.cell.labels.map(label)
            return [
                "family": p.cell.family, "familyName": t("hub.family.\(p.cell.family)", language), "labels": labels.joined(separator: " · "), "value": value,
                "organisations": p.organisations, "epsilon": String(format: "%.2f", p.epsilon),
                "margin": "± \(DiscreteLaplace.margin(family: p.cell.family, epsilon: p.epsilon))",
            ]
        }
    }

    /// The page's charts, from published cells only: needs per category (the published cells of a
    /// category added up), referral flows between categories, and per receiving category the share
    /// of its referrals closed with a final status (the closed-loop rate), where its open referrals
    /// are published.
    func hubCharts(_ cells: [PublishedCell], language: InterfaceLanguage) throws -> (needs: String, flows: String, closedLoop: [[String: Any]]) {
        let snap = try directory.snapshot()
        func name(_ id: String) -> String { snap.terms[id].map { snap.termName($0, language: language.rawValue) } ?? id }
        var needs: [String: Int] = [:], flows: [(from: String, to: String, value: Int)] = []
        var closed: [String: Int] = [:], all: [String: Int] = [:]
        // A rate only where the referrals still open are published: without them every published
        // outcome is a closed one and the rate would read 100 %.
        var openShown: Set<String> = []
        for c in cells {
            guard let v = c.value, let first = c.cell.labels.first else { continue }
            switch c.cell.family {
            case "referrals" where c.cell.labels.count == 2: flows.append((name(first), name(c.cell.labels[1]), v))
            case "outcomes" where c.cell.labels.count == 2:
                all[name(first), default: 0] += v
                if c.cell.labels[1] != "open" { closed[name(first), default: 0] += v } else { openShown.insert(name(first)) }
            default: break
            }
        }
        for (id, v) in Self.needsByCategory(cells) { needs[name(id), default: 0] += v }
        let loop = all.keys.sorted().compactMap { k -> [String: Any]? in
            guard openShown.contains(k), let total = all[k], total > 0 else { return nil }
            let share = Int((Double(closed[k] ?? 0) * 100 / Double(total)).rounded())
            return ["name": k, "rate": t("hub.loop.rate", language, ["n": String(share), "closed": String(closed[k] ?? 0), "total": String(total)])]
        }
        return (
            HubCharts.bars(needs.map { ($0.key, $0.value) }, title: t("hub.chart.needs", language)), HubCharts.sankey(flows, title: t("hub.chart.flows", language)),
            loop
        )
    }

    /// Progress on the staged scales: per instrument area whose four changes (went back, the same,
    /// up one, up two or more) are all published, each change's share, as a stacked bar and a table.
    func hubProgress(_ cells: [PublishedCell], language: InterfaceLanguage) -> (chart: String, rows: [[String: Any]]) {
        let series = Self.bucketed(cells, buckets: FigureLayout.progressBuckets, smallAsFew: false) { $0.family == "progress" && $0.labels.count == 2 }
        return stackedShares(
            series.map { (Localization.areaName($0.key, language), $0.parts, $0.few) }, buckets: FigureLayout.progressBuckets, title: t("hub.progress", language),
            language: language)
    }

    /// Days to respond and to close: per receiving category whose buckets are all published or
    /// withheld as small, each bucket's share, as a stacked bar and a table (one for responding, one
    /// for closing).
    func hubTimes(_ cells: [PublishedCell], close: Bool, language: InterfaceLanguage) throws -> (chart: String, rows: [[String: Any]]) {
        let snap = try directory.snapshot()
        let buckets = close ? FigureLayout.closeBuckets : FigureLayout.responseBuckets
        let series = Self.bucketed(cells, buckets: buckets, smallAsFew: true) {
            $0.family == "response" && $0.labels.count == (close ? 3 : 2) && (!close || $0.labels[1] == "close")
        }
        return stackedShares(
            series.map { (snap.terms[$0.key].map { snap.termName($0, language: language.rawValue) } ?? $0.key, $0.parts, $0.few) }, buckets: buckets,
            title: t(close ? "hub.times.close" : "hub.times.respond", language), language: language)
    }

    /// The cells `matching` grouped by their first label, each group's figures in the order of
    /// `buckets` (its last label), only groups with every bucket: published, or — with
    /// `smallAsFew` — withheld as small (its noised count under the threshold), then counted as 0
    /// and listed in `few` (by bucket index); a group withheld as small in every bucket is left out.
    static func bucketed(_ cells: [PublishedCell], buckets: [String], smallAsFew: Bool, matching: (FigureCell) -> Bool) -> [(
        key: String, parts: [Int], few: Set<Int>
    )] {
        var byKey: [String: [String: Int]] = [:], few: [String: Set<String>] = [:]
        for c in cells where matching(c.cell) {
            let key = c.cell.labels[0], bucket = c.cell.labels.last!
            if let v = c.value {
                byKey[key, default: [:]][bucket] = max(0, v)
            } else if smallAsFew && c.withheld == .small {
                byKey[key, default: [:]][bucket] = 0
                few[key, default: []].insert(bucket)
            }
        }
        return byKey.keys.sorted().filter { k in buckets.allSatisfy { byKey[k]?[$0] != nil } && (few[k]?.count ?? 0) < buckets.count }.map { k in
            (k, buckets.map { byKey[k]![$0]! }, Set(buckets.indices.filter { few[k]?.contains(buckets[$0]) == true }))
        }
    }

    /// Rows of counts by bucket as a stacked bar each and a table of each bucket's share (a bucket in
    /// `few` reads "a few").
    func stackedShares(_ series: [(label: String, parts: [Int], few: Set<Int>)], buckets: [String], title: String, language: InterfaceLanguage) -> (
        chart: String, rows: [[String: Any]]
    ) {
        let chart = HubCharts.stacked(series.map { ($0.label, $0.parts) }, partLabels: buckets.map { t("hub.label.\($0)", language) }, title: title)
        let rows = series.map { s -> [String: Any] in
            let total = max(1, s.parts.reduce(0, +))
            return [
                "name": s.label, "people": String(s.parts.reduce(0, +)),
                "parts": s.parts.enumerated().map { i, v in
                    [
                        "label": t("hub.label.\(buckets[i])", language),
                        "v": s.few.contains(i) ? t("hub.times.few", language) : "\(Int((Double(v) * 100 / Double(total)).rounded())) % (\(v))",
                    ]
                },
            ]
        }
        return (chart, rows)
    }

    /// Gaps: for each category, the people with that need this week (its published figures added
    /// up) against the active services the directory lists in it, and the people per service.
    /// With each category, the hours its active services are open in the release's week (from their
    /// published schedules; services without any count none).
    func hubGaps(_ cells: [PublishedCell], week: String, language: InterfaceLanguage) throws -> [[String: Any]] {
        let snap = try directory.snapshot()
        let needs = Self.needsByCategory(cells)
        // How rough each total is: the noise of the published cells it adds up.
        var summed: [String: (count: Int, epsilon: Double)] = [:]
        for c in cells where c.cell.family == "needs" && c.value != nil {
            if let first = c.cell.labels.first { summed[first] = ((summed[first]?.count ?? 0) + 1, c.epsilon) }
        }
        let active = snap.index.services.filter { $0.status == "active" }
        let monday = StatisticsPeriod(week: week).map { Int($0.bounds.start / 86_400_000) } ?? 0
        return needs.keys.compactMap { id -> (String, Int, Int, Int, Int)? in
            guard let term = snap.terms[id], let sum = summed[id] else { return nil }
            let services = active.filter { $0.termIDs.contains(id) }
            let minutes = services.reduce(0) { $0 + $1.hours.minutesOpen(weekStarting: monday) }
            let margin = DiscreteLaplace.margin(ofSumOf: sum.count, family: "needs", epsilon: sum.epsilon)
            return (snap.termName(term, language: language.rawValue), needs[id]!, services.count, minutes, margin)
        }
        .sorted { Double($0.1) / Double(max(1, $0.2)) > Double($1.1) / Double(max(1, $1.2)) }
        .map { name, people, services, minutes, margin in
            [
                "name": name, "people": people, "margin": "± \(margin)", "services": services, "hours": String(minutes / 60),
                "ratio": services == 0 ? t("hub.gaps.none", language) : String(format: "%.1f", Double(people) / Double(services)),
            ] as [String: Any]
        }
    }

    /// Needs by area: for each area (the district's postal areas, then elsewhere and not recorded),
    /// the people with a need recorded this week (its published needs cells added up), the active
    /// services whose address is in the area and the people per service, and the category most of
    /// them needed.
    func hubAreas(_ cells: [PublishedCell], language: InterfaceLanguage) throws -> [[String: Any]] {
        let snap = try directory.snapshot()
        let places = try directory.database.district().gazetteer.routingKeys
        var people: [String: Int] = [:], byCategory: [String: [String: Int]] = [:]
        for c in cells where c.cell.family == "needs" && c.cell.labels.count == 3 {
            guard let v = c.value else { continue }
            people[c.cell.labels[1], default: 0] += v
            byCategory[c.cell.labels[1], default: [:]][c.cell.labels[0], default: 0] += v
        }
        // Active services by the postal area their first address names (its postal code, or the
        // last part of the address line).
        var services: [String: Int] = [:]
        for service in snap.index.services where service.status == "active" {
            guard let line = service.addressLine, let last = line.split(separator: ",").last, let key = ClientRecord.area(String(last)),
                !key.isEmpty, key != "other"
            else { continue }
            services[places[key] == nil ? "other" : key, default: 0] += 1
        }
        func order(_ a: String) -> (Int, String) { (a == "other" ? 1 : a == "unknown" ? 2 : 0, a) }
        return people.keys.sorted { order($0) < order($1) }.map { area in
            let name: String
            switch area {
            case "other": name = t("hub.label.other", language)
            case "unknown": name = t("hub.areas.unknown", language)
            default: name = places[area].map { "\(area) · \($0.name)" } ?? area
            }
            let top = byCategory[area]?.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
            let listed = area == "unknown" ? nil : services[area] ?? 0
            return [
                "name": name, "people": people[area]!, "services": listed.map(String.init) ?? "–",
                "ratio": listed.map { $0 == 0 ? t("hub.gaps.none", language) : String(format: "%.1f", Double(people[area]!) / Double($0)) } ?? "–",
                "top": top.map { id in snap.terms[id].map { snap.termName($0, language: language.rawValue) } ?? id } ?? "",
            ] as [String: Any]
        }
    }

    /// Needs per category over the weeks released (oldest first, the last 12): a chart and its table.
    func hubTrend(periods: [String], language: InterfaceLanguage) throws -> (chart: String, head: [String], rows: [[String: Any]]) {
        let weeks = Array(periods.prefix(12).reversed())
        guard weeks.count >= 2 else { return ("", [], []) }
        let snap = try directory.snapshot()
        var byCategory: [String: [Int?]] = [:]
        for (i, week) in weeks.enumerated() {
            guard let release = try directory.database.hubRelease(period: week) else { continue }
            for (id, v) in Self.needsByCategory(release.cells) { byCategory[id, default: Array(repeating: nil, count: weeks.count)][i] = v }
        }
        let series = byCategory.keys.sorted().map { id in (label: snap.terms[id].map { snap.termName($0, language: language.rawValue) } ?? id, values: byCategory[id]!) }
        let rows = series.map { s in ["name": s.label, "values": s.values.map { ["v": $0.map(String.init) ?? "–"] }] as [String: Any] }
        return (HubCharts.lines(series, periods: weeks, title: t("hub.trend", language)), weeks, rows)
    }

    /// The people with each need category (its id) in a release: its published needs cells added up.
    static func needsByCategory(_ cells: [PublishedCell]) -> [String: Int] {
        var out: [String: Int] = [:]
        for c in cells where c.cell.family == "needs" { if let v = c.value, let first = c.cell.labels.first { out[first, default: 0] += v } }
        return out
    }

    func hubPage(_ request: Request) throws -> Response {
        let p = QueryParameters(rawQuery: request.uri.query)
        let language = PageRenderer.language(request, p)
        var ctx = base(request, language: language, title: t("hub.title", language))
        let periods = try directory.database.hubPeriods()
        let asked = p.string("period").flatMap { $0.isEmpty ? nil : $0 }
        let period = asked.flatMap { periods.contains($0) ? $0 : nil } ?? periods.first
        if let asked, !periods.contains(asked), let period {
            ctx["unknownPeriod"] = t("hub.period.unknown", language, ["asked": asked, "shown": period])
        }
        ctx["periods"] = periods.map { ["period": $0, "selected": $0 == period] as [String: Any] }
        ctx["hasRelease"] = false
        guard let period, let release = try directory.database.hubRelease(period: period) else { return renderer.page("hub", ctx) }
        let rows = try hubRows(release.cells, language: language)
        let families = Dictionary(grouping: rows, by: { $0["family"] as! String })
        ctx["hasRelease"] = true
        ctx["period"] = period
        ctx["summary"] = t(
            "hub.summary", language,
            ["nodes": String(release.nodes), "published": String(rows.count), "cells": String(release.cells.count), "spent": String(format: "%.2f", release.spent), "limit": String(format: "%.2f", release.limit),
                "quarter": String(format: "%.2f", release.quarterSpent)])
        // What a quarter's releases can say of one person: each family counts a client in at most
        // `weeksPerQuarter` weeks of a quarter, their needs once (in the week they were registered).
        var familyEpsilon: [String: Double] = [:]
        for c in release.cells { familyEpsilon[c.cell.family] = max(familyEpsilon[c.cell.family] ?? 0, c.epsilon) }
        let personBound = familyEpsilon.reduce(0.0) { $0 + $1.value * Double($1.key == "needs" ? 1 : FigureLayout.weeksPerQuarter) }
        ctx["personBound"] = t("hub.quarter.person", language, ["weeks": String(FigureLayout.weeksPerQuarter), "bound": String(format: "%.2f", personBound)])
        ctx["sharedPeople"] = t("hub.shared.people", language)
        ctx["families"] = families.keys.sorted().map { f in ["name": families[f]![0]["familyName"]!, "rows": families[f]!] as [String: Any] }
        let charts = try hubCharts(release.cells, language: language)
        ctx["needsChart"] = charts.needs.isEmpty ? false : charts.needs as Any
        ctx["flowsChart"] = charts.flows.isEmpty ? false : charts.flows as Any
        ctx["closedLoop"] = charts.closedLoop
        ctx["hasClosedLoop"] = !charts.closedLoop.isEmpty
        let progress = hubProgress(release.cells, language: language)
        ctx["progressChart"] = progress.chart.isEmpty ? false : progress.chart as Any
        ctx["progressRows"] = progress.rows
        ctx["progressHead"] = FigureLayout.progressBuckets.map { t("hub.label.\($0)", language) }
        for (key, close) in [("respond", false), ("close", true)] {
            let times = try hubTimes(release.cells, close: close, language: language)
            ctx["\(key)Chart"] = times.chart.isEmpty ? false : times.chart as Any
            ctx["\(key)Rows"] = times.rows
            ctx["\(key)Head"] = (close ? FigureLayout.closeBuckets : FigureLayout.responseBuckets).map { t("hub.label.\($0)", language) }
        }
        let gaps = try hubGaps(release.cells, week: period, language: language)
        ctx["gaps"] = gaps
        ctx["hasGaps"] = !gaps.isEmpty
        let areas = try hubAreas(release.cells, language: language)
        ctx["areas"] = areas
        ctx["hasAreas"] = !areas.isEmpty
        let trend = try hubTrend(periods: periods, language: language)
        ctx["trendChart"] = trend.chart.isEmpty ? false : trend.chart as Any
        ctx["trendHead"] = trend.head
        ctx["trendRows"] = trend.rows
        let withheld = Dictionary(grouping: release.cells.compactMap(\.withheld), by: { $0 }).mapValues(\.count)
        ctx["anyWithheld"] = !withheld.isEmpty
        ctx["withheld"] = withheld.keys.sorted { $0.rawValue < $1.rawValue }.map { w in
            ["reason": t("hub.withheld.\(w.rawValue)", language), "count": withheld[w]!] as [String: Any]
        }
        return renderer.page("hub", ctx)
    }

    func hubCSV(_ request: Request) throws -> Response {
        let p = QueryParameters(rawQuery: request.uri.query)
        let periods = try directory.database.hubPeriods()
        guard let period = p.string("period").flatMap({ periods.contains($0) ? $0 : nil }) ?? periods.first,
            let release = try directory.database.hubRelease(period: period)
        else { return Response(status: .notFound) }
        return Response(
            status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"waymark-hub-\(period).csv\""],
            body: ResponseBody(byteBuffer: ByteBuffer(string: Self.hubCSVText([(period, release.cells)], label: try hubLabel(PageRenderer.language(request, p))))))
    }

    /// The published cells of the given releases as CSV (the public `/hub.csv` and the planners'
    /// all-weeks export): one row a published cell, written by `CSV.write`.
    /// A cell's label in words: a taxonomy term's name, an outcome or bucket in the page's
    /// language, an area's name.
    func hubLabel(_ language: InterfaceLanguage) throws -> (String) -> String {
        let snap = try directory.snapshot()
        return { text in
            if let term = snap.terms[text] { return snap.termName(term, language: language.rawValue) }
            let key = "hub.label.\(text)"
            let translated = t(key, language)
            return translated == key ? Localization.areaName(text, language) : translated
        }
    }

    /// The published cells as CSV: the cell's labels as the protocol has them (`cell`) and in
    /// words (`what`, by `label`).
    static func hubCSVText(_ releases: [(period: String, cells: [PublishedCell])], label: (String) -> String) -> String {
        var rows = [["period", "family", "cell", "value", "organisations", "epsilon", "margin90", "what"]]
        for (period, cells) in releases {
            for c in cells {
                guard let v = c.value else { continue }
                rows.append([
                    period, c.cell.family, c.cell.labels.joined(separator: "/"), String(v), String(c.organisations), String(c.epsilon),
                    String(DiscreteLaplace.margin(family: c.cell.family, epsilon: c.epsilon)), c.cell.labels.map(label).joined(separator: " · "),
                ])
            }
        }
        return CSV.write(rows)
    }
}
