import Foundation
import Hummingbird
import WaymarkCore
import WaymarkCrypto
import WaymarkStore

/// The hub's planners (`Protocol/SPEC.md` §12): a staff account with the role `planner` on the hub's
/// node opens `/staff/hub` and nothing else of the staff area (admins open it too). The public `/hub`
/// shows one week at a time; this page is the planners' working view: every week released, what each
/// withheld and why, the privacy budget each spent and each quarter's total, where this week's round
/// stands (who sent their shares, whether the helper answered), and every week's figures as one CSV.
/// It shows nothing the hub does not keep: only published, noised figures and the reasons for the
/// rest; no organisation's own figures exist here to show.
extension StaffPages {
    func hubPlannersPage(_ request: Request, _ s: StaffSession, _ language: InterfaceLanguage) throws -> Response {
        var ctx = base(request, language, title: t("staff.hub", language), session: s)
        let ledger = try database.hubLedger()
        let reasons = ["small", "few-organisations", "dominated", "inconsistent", "budget"]
        ctx["hasReleases"] = !ledger.isEmpty
        ctx["releases"] = ledger.map { e -> [String: Any] in
            [
                "period": e.period, "organisations": String(e.organisations), "refused": e.refused.isEmpty ? false as Any : e.refused.joined(separator: ", "), "published": String(e.published), "cells": String(e.cells),
                "withheld": e.withheld.isEmpty
                    ? t("staff.hub.nothing", language)
                    : reasons.compactMap { r in e.withheld[r].map { "\(t("hub.withheld.\(r)", language)): \($0)" } }.joined(separator: "; "),
                "epsilon": String(format: "%.2f", e.spent) + " / " + String(format: "%.2f", e.limit),
            ]
        }
        ctx["quarters"] = try database.hubQuarters().map { ["text": "\($0.quarter): ε " + String(format: "%.2f", $0.spent)] }
        if let identity {
            let period = StatisticsPeriod(containing: now())
            let round = try database.hubRound(period: period, identity: identity)
            ctx["round"] = [
                "period": round.period, "count": String(round.senders.count),
                "senders": round.senders.isEmpty ? t("staff.hub.none", language) : round.senders.joined(separator: ", "),
                "check": t(round.checkSent ? "staff.hub.check.yes" : "staff.hub.check.no", language),
                "helper": t(round.helperAnswered ? "staff.hub.helper.yes" : "staff.hub.helper.no", language),
                "opened": t(round.helperOpened ? "staff.hub.opened.yes" : round.openAsked ? "staff.hub.opened.asked" : "staff.hub.opened.no", language),
                "released": t(round.released ? "staff.hub.released.yes" : "staff.hub.released.no", language),
            ]
        }
        return page("staffHub", ctx)
    }

    /// Every released week's figures, one CSV (published cells only, as on `/hub.csv`).
    func hubPlannersCSV(_ s: StaffSession, _ language: InterfaceLanguage) throws -> Response {
        let releases = try database.hubPeriods().reversed().compactMap { period in
            try database.hubRelease(period: period).map { (period: period, cells: $0.cells) }
        }
        let out = PublicPages.hubCSVText(releases, label: try pages.hubLabel(language))
        var response = Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: out)))
        response.headers[.contentDisposition] = "attachment; filename=\"hub-all-weeks.csv\""
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
