import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// A statistics round that cannot go ahead, in words an admin can act on.
public struct HubError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// The hub's round between real nodes (`Protocol/SPEC.md` §12.5): each organisation sends the two
/// shares of its figures (kind 25, one encrypted to the hub, one to the helper); the helper answers
/// the hub once with the sum of its shares (kind 26); the hub adds its own shares of the same nodes
/// and releases the period's cells, charged to its privacy budget. Which nodes are the hub and the
/// helper is each organisation's choice (`waymark hub use`).
extension NodeDatabase {
    static let hubKeySetting = "hub_key", helperKeySetting = "helper_key"

    /// Chooses the hub and the helper this organisation shares its statistics with (signing keys).
    public func useHub(hub: [UInt8], helper: [UInt8]) throws {
        guard hub != helper else { throw HubError(description: "the hub and the helper must be two different nodes, or the hub would see every share") }
        try writer.write { db in
            if let named = try Self.foundersParties(db), named.hub != hub || named.helper != helper {
                throw HubError(
                    description: "the federation's founders named the hub (\(NodeIdentity.fingerprint(of: named.hub))) and the helper (\(NodeIdentity.fingerprint(of: named.helper))): every organisation sends its figures to them")
            }
            for key in [hub, helper] where try Self.encryptionKey(db, organization: hexString(key)) == nil {
                throw HubError(description: "this node holds no node record of \(NodeIdentity.fingerprint(of: key)): sync with the federation first")
            }
            try Self.setSetting(db, Self.hubKeySetting, hexString(hub))
            try Self.setSetting(db, Self.helperKeySetting, hexString(helper))
        }
    }

    /// The hub and the helper: those the federation's founders named (by vouching each with the role
    /// `hub` or `helper`, one of each, §12.5), else those this organisation chose (`waymark hub use`).
    public func hubParties() throws -> (hub: [UInt8], helper: [UInt8])? {
        try writer.read { db in try Self.hubParties(db) }
    }

    static func hubParties(_ db: Database) throws -> (hub: [UInt8], helper: [UInt8])? {
        if let named = try foundersParties(db) { return named }
        guard let h = try setting(db, hubKeySetting).flatMap(bytesFromHex), let p = try setting(db, helperKeySetting).flatMap(bytesFromHex) else { return nil }
        return (h, p)
    }

    /// The hub and the helper the founders' vouches name, when they name exactly one of each, two
    /// different members.
    static func foundersParties(_ db: Database) throws -> (hub: [UInt8], helper: [UInt8])? {
        let roster = try roster(db)
        let hubs = roster.holders(of: "hub"), helpers = roster.holders(of: "helper")
        guard hubs.count == 1, helpers.count == 1, hubs[0] != helpers[0] else { return nil }
        return (hubs[0], helpers[0])
    }

    static func layoutHash(_ layout: FigureLayout) -> [UInt8] { Blake2b.hash(Array(layout.canonicalText.utf8)) }

    /// Sends this organisation's figures for a period as two shares, one sealed to the hub and one to
    /// the helper; once per period.
    public func sendStatistics(_ figures: [UInt64], layout: FigureLayout, period: StatisticsPeriod, identity: NodeIdentity, nowMilliseconds now: UInt64) throws {
        guard figures.count == layout.cells.count else { throw HubError(description: "figures of another layout") }
        try writer.write { db in
            guard let parties = try Self.hubParties(db) else {
                throw HubError(description: "no hub and helper yet: a founder vouches for them with --role hub and --role helper, or choose them (waymark hub use)")
            }
            let hub = hexString(parties.hub), helper = hexString(parties.helper)
            guard let hubKey = try Self.memberEncryptionKey(db, organization: hub), let helperKey = try Self.memberEncryptionKey(db, organization: helper) else {
                throw HubError(description: "the hub or the helper is not a current member with a node record")
            }
            let sent = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM envelope WHERE kind = 25 AND scope = ? AND author = ?", arguments: [period.scope, Data(identity.signingPublicKey)]) ?? 0
            guard sent == 0 else { throw HubError(description: "this node already sent its figures for \(period)") }
            let measurement = AdditiveShares.measurement(figures)
            let (forHub, forHelper) = AdditiveShares.split(measurement, random: SecureRandom.words(measurement.count))
            let hash = Self.layoutHash(layout)
            try Self.publishOwn(db, .statisticsShare, scope: period.scope, StatisticsPayload.share(layoutHash: hash, forHub), to: [hubKey], identity: identity, now: now)
            try Self.publishOwn(
                db, .statisticsShare, scope: period.scope, StatisticsPayload.share(layoutHash: hash, forHelper), to: [helperKey], identity: identity, now: now)
        }
    }

    /// The shares of a period addressed to this node, by the node that sent each (the first one a
    /// node sent counts).
    static func sharesForMe(_ db: Database, period: StatisticsPeriod, layout: FigureLayout, identity: NodeIdentity) throws -> [(node: [UInt8], words: [UInt64])] {
        let hash = layoutHash(layout)
        let words = layout.cells.count * AdditiveShares.wordsPerCell
        var out: [(node: [UInt8], words: [UInt64])] = []
        try forEachShareToMe(db, period: period, identity: identity) { author, e in
            guard let plain = try? identity.open(e), let share = StatisticsPayload.readShare(plain, layoutHash: hash, words: words) else { return false }
            out.append((author, share))
            return true
        }
        return out
    }

    /// The period's shares (kind 25) sealed to this node, oldest first, each author's first that
    /// `body` takes (returns true) and no later one of that author.
    static func forEachShareToMe(
        _ db: Database, period: StatisticsPeriod, identity: NodeIdentity, _ body: ([UInt8], Envelope) throws -> Bool
    ) throws {
        var seen: Set<[UInt8]> = []
        for row in try Row.fetchAll(
            db, sql: "SELECT author, wire FROM envelope WHERE kind = 25 AND scope = ? ORDER BY clock, id", arguments: [period.scope])
        {
            let author = [UInt8](row["author"] as Data)
            guard !seen.contains(author), let e = try? Envelope.decode([UInt8](row["wire"] as Data)), identity.isRecipient(of: e) else { continue }
            if try body(author, e) { seen.insert(author) }
        }
    }

    /// As the helper: sums the shares it holds for a period and sends the sum to the hub, once.
    /// - Returns: how many nodes the sum covers.
    @discardableResult
    public func answerAsHelper(period: StatisticsPeriod, layout: FigureLayout, hub: [UInt8], identity: NodeIdentity, nowMilliseconds now: UInt64) throws -> Int {
        try writer.write { db in
            let answered = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM envelope WHERE kind = 26 AND scope = ? AND author = ?", arguments: [period.scope, Data(identity.signingPublicKey)]) ?? 0
            guard answered == 0 else { throw HubError(description: "this helper already answered for \(period): a second sum could give one node's figures away") }
            guard let hubKey = try Self.memberEncryptionKey(db, organization: hexString(hub)) else { throw HubError(description: "the hub is not a current member with a node record") }
            var round = HelperRound(words: layout.cells.count * AdditiveShares.wordsPerCell)
            for s in try Self.sharesForMe(db, period: period, layout: layout, identity: identity) { try round.add(node: hexString(s.node), s.words) }
            let (sum, nodes) = try Self.mapRefusal { try round.answer(hubNodes: round.collector.nodes) }
            let keys = nodes.compactMap(bytesFromHex)
            try Self.publishOwn(
                db, .statisticsSum, scope: period.scope, StatisticsPayload.sum(layoutHash: Self.layoutHash(layout), nodes: keys, sum), to: [hubKey], identity: identity,
                now: now)
            return keys.count
        }
    }

    static func mapRefusal<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch HelperRound.Refusal.tooFewNodes(let n) {
            throw HubError(description: "only \(n) organisations sent figures for this period; at least 3 are needed")
        }
    }

    /// The quarter a week falls in (`2026-Q4`): the hub shows what a quarter's releases spent in all.
    static func quarter(_ period: StatisticsPeriod) -> String { period.quarter }

    /// As the hub: adds the helper's sum to its own shares of the same nodes and releases the
    /// period's cells (§12.3–12.4), charged to the week's budget (`budgetLimit`); keeps only what is published
    /// and why the rest is withheld.
    @discardableResult
    public func releaseAsHub(
        period: StatisticsPeriod, layout: FigureLayout, helper: [UInt8], rules: DisclosureRules, budgetLimit: Double, identity: NodeIdentity,
        using rng: inout some RandomNumberGenerator
    ) throws -> [PublishedCell] {
        try writer.write { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM hub_release WHERE period = ?", arguments: [period.week]) ?? 0 == 0 else {
                throw HubError(description: "\(period) is already released")
            }
            let words = layout.cells.count * AdditiveShares.wordsPerCell
            var answer: (nodes: [[UInt8]], words: [UInt64])?
            for row in try Row.fetchAll(
                db, sql: "SELECT wire FROM envelope WHERE kind = 26 AND scope = ? AND author = ? ORDER BY clock, id LIMIT 1", arguments: [period.scope, Data(helper)])
            {
                guard let e = try? Envelope.decode([UInt8](row["wire"] as Data)), identity.isRecipient(of: e), let plain = try? identity.open(e) else { continue }
                answer = StatisticsPayload.readSum(plain, layoutHash: Self.layoutHash(layout), words: words)
            }
            guard let answer else { throw HubError(description: "no sum from the helper for \(period) yet (or one of another layout)") }
            let mine = Dictionary(uniqueKeysWithValues: try Self.sharesForMe(db, period: period, layout: layout, identity: identity).map { ($0.node, $0.words) })
            let missing = answer.nodes.filter { mine[$0] == nil }
            guard missing.isEmpty else { throw HubError(description: "the hub lacks the shares of \(missing.count) of the \(answer.nodes.count) nodes the helper summed: sync, then release") }
            var totals = answer.words
            for node in answer.nodes { AdditiveShares.add(mine[node]!, into: &totals) }
            // The budget is the week's (§12.4): one release per week, its families charged to it. What
            // the quarter's releases spent in all is kept beside it, for the page to show.
            var budget = PrivacyBudget(limit: budgetLimit)
            let published = Disclosure.release(layout, totals: totals, nodes: answer.nodes.count, rules: rules, budget: &budget, period: period.week, using: &rng)
            try Self.setSetting(db, "hub_budget_spent:\(period.week)", String(budget.spent))
            try Self.setSetting(db, "hub_budget_limit:\(period.week)", String(budgetLimit))
            let quarterKey = "hub_quarter_spent:\(Self.quarter(period))"
            let before = try Self.setting(db, quarterKey).flatMap(Double.init) ?? 0
            try Self.setSetting(db, quarterKey, String(before + budget.spent))
            for p in published {
                try db.cachedStatement(
                    sql: "INSERT INTO hub_release (period, cell, family, labels, value, withheld, organisations, epsilon) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                ).execute(arguments: [
                    period.week, p.cell.description, p.cell.family, p.cell.labels.joined(separator: "/"), p.value, p.withheld?.rawValue, p.organisations, p.epsilon,
                ])
            }
            try Self.setSetting(db, "hub_release_nodes:\(period.week)", String(answer.nodes.count))
            return published
        }
    }

    /// A release as pages show it: the cells, the nodes it covers, the ε it spent of the week's
    /// budget, and what the quarter's releases spent in all so far.
    public func hubRelease(period: String) throws -> (cells: [PublishedCell], nodes: Int, spent: Double, limit: Double, quarterSpent: Double)? {
        try writer.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM hub_release WHERE period = ? ORDER BY cell", arguments: [period])
            guard !rows.isEmpty, let p = StatisticsPeriod(week: period) else { return nil }
            let cells = rows.map { row in
                PublishedCell(
                    cell: FigureCell(row["family"], (row["labels"] as String).split(separator: "/", omittingEmptySubsequences: false).map(String.init)),
                    value: row["value"], withheld: (row["withheld"] as String?).flatMap(PublishedCell.Withheld.init(rawValue:)), organisations: row["organisations"],
                    epsilon: row["epsilon"])
            }
            return (
                cells, Int(try Self.setting(db, "hub_release_nodes:\(period)") ?? "0") ?? 0,
                Double(try Self.setting(db, "hub_budget_spent:\(period)") ?? "0") ?? 0,
                Double(try Self.setting(db, "hub_budget_limit:\(period)") ?? "0") ?? 0,
                Double(try Self.setting(db, "hub_quarter_spent:\(Self.quarter(p))") ?? "0") ?? 0
            )
        }
    }

    /// The periods this node released, newest first.
    public func hubPeriods() throws -> [String] {
        try writer.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT period FROM hub_release ORDER BY period DESC") }
    }
}

/// One release as the hub's planners see it in the ledger (`/staff/hub`).
public struct HubLedgerEntry: Sendable, Equatable {
    public var period: String
    public var organisations: Int
    public var published: Int
    public var cells: Int
    /// Withheld cells by reason (`PublishedCell.Withheld` raw values).
    public var withheld: [String: Int]
    public var spent: Double
    public var limit: Double
}

/// Where this week's round stands at the hub: who sent shares sealed to it, and whether the helper answered.
public struct HubRoundStatus: Sendable, Equatable {
    public var period: String
    /// The organisations (names, or fingerprints where no name is known) whose share for the hub is held.
    public var senders: [String]
    public var helperAnswered: Bool
    public var released: Bool
}

extension NodeDatabase {
    /// Every release this node made, newest first, with what it withheld and spent (§12.4).
    public func hubLedger() throws -> [HubLedgerEntry] {
        try writer.read { db in
            var out: [HubLedgerEntry] = []
            for period in try String.fetchAll(db, sql: "SELECT DISTINCT period FROM hub_release ORDER BY period DESC") {
                var withheld: [String: Int] = [:]
                var published = 0, cells = 0
                for row in try Row.fetchAll(db, sql: "SELECT withheld, count(*) AS n FROM hub_release WHERE period = ? GROUP BY withheld", arguments: [period]) {
                    let n: Int = row["n"]
                    cells += n
                    if let why = row["withheld"] as String? { withheld[why] = n } else { published = n }
                }
                out.append(
                    HubLedgerEntry(
                        period: period, organisations: Int(try Self.setting(db, "hub_release_nodes:\(period)") ?? "0") ?? 0, published: published,
                        cells: cells, withheld: withheld, spent: Double(try Self.setting(db, "hub_budget_spent:\(period)") ?? "0") ?? 0,
                        limit: Double(try Self.setting(db, "hub_budget_limit:\(period)") ?? "0") ?? 0))
            }
            return out
        }
    }

    /// What each quarter's releases spent in all, newest first.
    public func hubQuarters() throws -> [(quarter: String, spent: Double)] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT key, value FROM node_setting WHERE key LIKE 'hub\\_quarter\\_spent:%' ESCAPE '\\' ORDER BY key DESC").map {
                (String(($0["key"] as String).dropFirst("hub_quarter_spent:".count)), Double($0["value"] as String) ?? 0)
            }
        }
    }

    /// The round of `period` as the hub holds it: shares sealed to it (read from the envelopes'
    /// headers, never opened here) and the helper's answer.
    public func hubRound(period: StatisticsPeriod, identity: NodeIdentity) throws -> HubRoundStatus {
        try writer.read { db in
            let names = try Self.organizationNames(db)
            var senders: [String] = []
            try Self.forEachShareToMe(db, period: period, identity: identity) { author, _ in
                senders.append(names[hexString(author)] ?? NodeIdentity.fingerprint(of: author))
                return true
            }
            let helper = try Self.hubParties(db)?.helper
            let answered =
                try helper.map {
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM envelope WHERE kind = 26 AND scope = ? AND author = ?", arguments: [period.scope, Data($0)]) ?? 0
                } ?? 0
            let released = try Int.fetchOne(db, sql: "SELECT count(*) FROM hub_release WHERE period = ?", arguments: [period.week]) ?? 0
            return HubRoundStatus(period: period.week, senders: senders.sorted(), helperAnswered: answered > 0, released: released > 0)
        }
    }
}
