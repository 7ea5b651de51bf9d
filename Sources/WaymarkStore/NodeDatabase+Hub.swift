import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// A statistics round that cannot go ahead, in words an admin can act on.
public struct HubError: Error, CustomStringConvertible, Sendable {
    public let description: String
}

/// The hub's round between real nodes (`Protocol/SPEC.md` §12.5): each organisation sends the two
/// shares of its figures with their proof (kind 25, one encrypted to the hub, one to the helper); the
/// hub checks its share of each proof and sends the helper its checks (kind 34); the helper finishes
/// them and answers the hub once with its share of each cell's organisation count over the shares
/// that pass (kind 26); the hub sends its own (kind 35), and the helper opens, once, only the cells from
/// at least 3 organisations (kind 36); the hub adds its own shares of the same nodes and releases the
/// period's cells, charged to its privacy budget. The hub
/// and the helper are those the founders named, else each organisation's choice (`waymark hub use`).
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

    /// BLAKE2b-256 of the layout's canonical text after a line naming the shares' format (§12.5):
    /// shares of another layout or format are never added together.
    static func layoutHash(_ layout: FigureLayout) -> [UInt8] { Blake2b.hash(Array(("waymark/stats/v2\n" + layout.canonicalText).utf8)) }

    /// Sends this organisation's figures for a period as two shares with their validity proof, one
    /// sealed to the hub and one to the helper; once per period.
    public func sendStatistics(_ figures: [UInt64], layout: FigureLayout, period: StatisticsPeriod, identity: NodeIdentity, nowMilliseconds now: UInt64) throws {
        guard figures.count == layout.cells.count else { throw HubError(description: "figures of another layout") }
        try sendStatistics(input: FigureProof(cells: layout.cells.count).encode(figures), layout: layout, period: period, identity: identity, nowMilliseconds: now)
    }

    /// Sends `input` (what `FigureProof.encode` makes of the figures) with its proof. Anything else
    /// than an encoding of figures is refused when the hub and the helper check it: tests use this to
    /// play a node that lies.
    public func sendStatistics(input: [Field64], layout: FigureLayout, period: StatisticsPeriod, identity: NodeIdentity, nowMilliseconds now: UInt64) throws {
        let circuit = FigureProof(cells: layout.cells.count)
        guard input.count == circuit.inputLength else { throw HubError(description: "figures of another layout") }
        // The hub's share after the layout hash, sealed (nonce and tag, §8.2), must fit its kind's
        // limit (§12.5): about 40 bytes a cell.
        let shareBytes = 32 + StatisticsShares.ForHub.byteCount(circuit) + 40
        guard shareBytes <= Int(AdmissionRules.maximumPayload(.statisticsShare)) else {
            throw HubError(
                description:
                    "the district's layout has \(layout.cells.count) cells: a share to the hub would take \(shareBytes / 1024) KiB, over the \(AdmissionRules.maximumPayload(.statisticsShare) / 1024) KiB a share may take; use fewer categories or areas"
            )
        }
        try writer.write { db in
            guard let parties = try Self.hubParties(db) else {
                throw HubError(description: "no hub and helper yet: a founder vouches for them with --role hub and --role helper, or choose them (waymark hub use)")
            }
            let hub = hexString(parties.hub), helper = hexString(parties.helper)
            guard let hubKey = try Self.memberEncryptionKey(db, organization: hub), let helperKey = try Self.memberEncryptionKey(db, organization: helper) else {
                throw HubError(description: "the hub or the helper is not a current member with a node record")
            }
            guard try !Self.sentOwn(db, .statisticsShare, period: period, identity: identity) else { throw HubError(description: "this node already sent its figures for \(period)") }
            let (forHub, forHelper) = StatisticsShares.split(input, proof: circuit, period: period, node: identity.signingPublicKey)
            let hash = Self.layoutHash(layout)
            try Self.publishOwn(db, .statisticsShare, scope: period.scope, hash + forHub.bytes, to: [hubKey], identity: identity, now: now)
            try Self.publishOwn(db, .statisticsShare, scope: period.scope, hash + forHelper.bytes, to: [helperKey], identity: identity, now: now)
        }
    }

    /// Whether this node already signed an envelope of `kind` for the period.
    static func sentOwn(_ db: Database, _ kind: Envelope.Kind, period: StatisticsPeriod, identity: NodeIdentity) throws -> Bool {
        try sent(db, kind, period: period, author: identity.signingPublicKey)
    }

    /// Whether `author` signed an envelope of `kind` for the period that this node holds.
    static func sent(_ db: Database, _ kind: Envelope.Kind, period: StatisticsPeriod, author: [UInt8]) throws -> Bool {
        try Int.fetchOne(
            db, sql: "SELECT count(*) FROM envelope WHERE kind = ? AND scope = ? AND author = ?", arguments: [Int(kind.rawValue), period.scope, Data(author)]) ?? 0 > 0
    }

    /// A share sealed to this node, opened: the hub's or the helper's.
    enum OpenedShare {
        case hub(StatisticsShares.ForHub)
        case helper(StatisticsShares.ForHelper)
    }

    /// One node's share of a period sealed to this node, opened, with its envelope's id.
    struct ShareToMe {
        var node: [UInt8]
        var envelope: [UInt8]
        var share: OpenedShare
    }

    /// The shares of a period addressed to this node, one per node that sent exactly one (§12.2: a
    /// node that sent this party two or more for the period counts for nothing, whichever arrived
    /// first), and the nodes that sent more than one.
    static func sharesForMe(_ db: Database, period: StatisticsPeriod, layout: FigureLayout, identity: NodeIdentity) throws -> (
        shares: [ShareToMe], doubled: Set<[UInt8]>
    ) {
        let hash = layoutHash(layout)
        let circuit = FigureProof(cells: layout.cells.count)
        let (envelopes, doubled) = try sharesToMe(db, period: period, identity: identity)
        let shares = envelopes.compactMap { author, e in
            opened(e, identity: identity).flatMap { share($0, layoutHash: hash, proof: circuit) }.map { ShareToMe(node: author, envelope: EnvelopeCrypto.id(of: e), share: $0) }
        }
        return (shares, doubled)
    }

    /// A share's plaintext read: the layout's hash, then the hub's share or the helper's.
    static func share(_ plain: [UInt8], layoutHash: [UInt8], proof circuit: FigureProof) -> OpenedShare? {
        guard plain.count > 33, Array(plain.prefix(32)) == layoutHash else { return nil }
        if let s = StatisticsShares.ForHub(plain[32...], proof: circuit) { return .hub(s) }
        return StatisticsShares.ForHelper(plain[32...]).map { .helper($0) }
    }

    /// The plaintext of an envelope sealed to this node (nil if it is not, or does not open).
    static func opened(_ e: Envelope, identity: NodeIdentity) -> [UInt8]? {
        identity.isRecipient(of: e) ? try? identity.open(e) : nil
    }

    /// An envelope's plaintext from its stored wire bytes, when it is sealed to this node.
    static func opened(wire: Data, identity: NodeIdentity) -> [UInt8]? {
        (try? Envelope.decode([UInt8](wire))).flatMap { opened($0, identity: identity) }
    }

    /// The period's shares (kind 25) sealed to this node, oldest first, of the authors that sent it
    /// exactly one; and the authors that sent it more than one.
    static func sharesToMe(_ db: Database, period: StatisticsPeriod, identity: NodeIdentity) throws -> (
        envelopes: [(author: [UInt8], envelope: Envelope)], doubled: Set<[UInt8]>
    ) {
        var byAuthor: [[UInt8]: [Envelope]] = [:]
        var order: [[UInt8]] = []
        for row in try Row.fetchAll(
            db, sql: "SELECT author, wire FROM envelope WHERE kind = 25 AND scope = ? ORDER BY clock, id", arguments: [period.scope])
        {
            let author = [UInt8](row["author"] as Data)
            guard let e = try? Envelope.decode([UInt8](row["wire"] as Data)), identity.isRecipient(of: e) else { continue }
            if byAuthor[author] == nil { order.append(author) }
            byAuthor[author, default: []].append(e)
        }
        let doubled = Set(byAuthor.filter { $0.value.count > 1 }.keys)
        return (order.filter { !doubled.contains($0) }.map { ($0, byAuthor[$0]![0]) }, doubled)
    }

    /// The first envelope of `kind` in the period from `author` sealed to this node, opened.
    static func firstOpened(_ db: Database, kind: Int, period: StatisticsPeriod, author: [UInt8], identity: NodeIdentity) throws -> [UInt8]? {
        for row in try Row.fetchAll(
            db, sql: "SELECT wire FROM envelope WHERE kind = ? AND scope = ? AND author = ? ORDER BY clock, id LIMIT 1", arguments: [kind, period.scope, Data(author)])
        {
            if let plain = opened(wire: row["wire"], identity: identity) { return plain }
        }
        return nil
    }

    /// The hub's check for a period, its parts put together: those with the verify key of the
    /// earliest part from the hub sealed to this node; nil until every part of it is here.
    static func hubCheck(
        _ db: Database, period: StatisticsPeriod, hub: [UInt8], layoutHash: [UInt8], verifierLength: Int, identity: NodeIdentity
    ) throws -> (verifyKey: [UInt8], entries: [StatisticsPayload.CheckEntry])? {
        var key: [UInt8]?
        var parts: [Int: [StatisticsPayload.CheckEntry]] = [:]
        var count = 0
        for row in try Row.fetchAll(
            db, sql: "SELECT wire FROM envelope WHERE kind = 34 AND scope = ? AND author = ? ORDER BY clock, id", arguments: [period.scope, Data(hub)])
        {
            guard let plain = opened(wire: row["wire"], identity: identity),
                let part = StatisticsPayload.readCheck(plain, layoutHash: layoutHash, verifierLength: verifierLength)
            else { continue }
            if key == nil { (key, count) = (part.verifyKey, part.parts) }
            guard part.verifyKey == key, part.parts == count, parts[part.part] == nil else { continue }
            parts[part.part] = part.entries
        }
        guard let key, count > 0, parts.count == count else { return nil }
        var seen: Set<[UInt8]> = []
        let entries = (0..<count).flatMap { parts[$0]! }.filter { seen.insert($0.node).inserted }
        return (key, entries)
    }

    /// As the hub: checks its share of each node's proof and sends the helper its verifier shares
    /// (kind 34), once per period (§12.2). The helper finishes each check and sums only the nodes
    /// whose figures pass.
    /// `atLeast`: refuse (to be tried again after the next sync) until that many nodes' shares are here.
    /// - Returns: how many nodes' shares were checked.
    @discardableResult
    public func checkAsHub(
        period: StatisticsPeriod, layout: FigureLayout, helper: [UInt8], identity: NodeIdentity, atLeast: Int = 3, nowMilliseconds now: UInt64
    ) throws -> Int {
        try writer.write { db in
            guard try !Self.sentOwn(db, .statisticsCheck, period: period, identity: identity) else {
                throw HubError(description: "this hub already sent the helper its checks for \(period)")
            }
            guard let helperKey = try Self.memberEncryptionKey(db, organization: hexString(helper)) else { throw HubError(description: "the helper is not a current member with a node record") }
            let circuit = FigureProof(cells: layout.cells.count)
            let verifyKey = SecureRandom.bytes(StatisticsShares.seedBytes)
            var entries: [StatisticsPayload.CheckEntry] = []
            var checked: [(node: [UInt8], envelope: [UInt8])] = []
            for s in try Self.sharesForMe(db, period: period, layout: layout, identity: identity).shares {
                guard case .hub(let mine) = s.share, let v = mine.verify(proof: circuit, period: period, node: s.node, verifyKey: verifyKey) else { continue }
                entries.append(.init(node: s.node, jointSeed: v.jointSeed, verifier: v.verifier.map(\.value)))
                checked.append((s.node, s.envelope))
            }
            guard entries.count >= max(3, atLeast) else {
                throw HubError(description: "only \(entries.count) organisations' figures for this period have reached the hub; at least \(max(3, atLeast)) are needed")
            }
            // The release adds exactly the shares checked here (§12.5), whatever arrives later.
            for c in checked {
                try db.execute(sql: "INSERT INTO hub_checked (period, node, envelope) VALUES (?, ?, ?)", arguments: [period.week, Data(c.node), Data(c.envelope)])
            }
            for part in StatisticsPayload.check(layoutHash: Self.layoutHash(layout), verifyKey: verifyKey, entries) {
                try Self.publishOwn(db, .statisticsCheck, scope: period.scope, part, to: [helperKey], identity: identity, now: now)
            }
            return entries.count
        }
    }

    /// The helper's sum of its shares for a period: the hub's check of each node's proof finished
    /// (§12.2), the shares of the nodes whose figures pass added up (only those in `only`, when
    /// given), and the nodes refused.
    static func helperSum(
        _ db: Database, period: StatisticsPeriod, layout: FigureLayout, hub: [UInt8], identity: NodeIdentity, only: Set<[UInt8]>? = nil
    ) throws -> (sum: [UInt64], nodes: [[UInt8]], refused: [[UInt8]]) {
        let circuit = FigureProof(cells: layout.cells.count)
        let hash = Self.layoutHash(layout)
        guard let check = try Self.hubCheck(db, period: period, hub: hub, layoutHash: hash, verifierLength: circuit.verifierLength, identity: identity) else {
            throw HubError(description: "no check from the hub for \(period) yet, or not all of it (the hub sends it with waymark hub check; then sync and answer)")
        }
        var mine: [[UInt8]: StatisticsShares.ForHelper] = [:]
        let held = try Self.sharesForMe(db, period: period, layout: layout, identity: identity)
        for s in held.shares {
            if case .helper(let h) = s.share { mine[s.node] = h }
        }
        var round = HelperRound(words: circuit.outputLength)
        var refused: [[UInt8]] = []
        for entry in check.entries where only?.contains(entry.node) ?? true {
            // A node that sent the helper two shares counts for nothing (§12.2).
            if held.doubled.contains(entry.node) {
                refused.append(entry.node)
                continue
            }
            guard let share = mine[entry.node] else { continue }  // the helper lacks it: not counted
            let verdict = share.check(
                proof: circuit, period: period, node: entry.node, verifyKey: check.verifyKey, hubJointSeed: entry.jointSeed,
                hubVerifier: entry.verifier.map { Field64($0) })
            guard verdict.valid else {
                refused.append(entry.node)
                continue
            }
            try round.add(node: hexString(entry.node), verdict.output.map(\.value))
        }
        let (sum, nodes) = try Self.mapRefusal { try round.answer(hubNodes: round.collector.nodes) }
        return (sum, nodes.compactMap(bytesFromHex).sorted { $0.lexicographicallyPrecedes($1) }, refused.sorted { $0.lexicographicallyPrecedes($1) })
    }

    /// As the helper: finishes the hub's check of each node's proof (§12.2), sums its shares of the
    /// nodes whose figures pass and sends the hub, once, its share of each cell's organisation count
    /// only (kind 26): the counts and fourth powers wait for the hub's request to open (§12.3).
    /// - Returns: how many nodes the sum covers, and the nodes whose figures were refused.
    @discardableResult
    public func answerAsHelper(period: StatisticsPeriod, layout: FigureLayout, hub: [UInt8], identity: NodeIdentity, nowMilliseconds now: UInt64) throws -> (
        counted: Int, refused: [[UInt8]]
    ) {
        try writer.write { db in
            guard try !Self.sentOwn(db, .statisticsSum, period: period, identity: identity) else {
                throw HubError(description: "this helper already answered for \(period): a second sum could give one node's figures away")
            }
            guard let hubKey = try Self.memberEncryptionKey(db, organization: hexString(hub)) else { throw HubError(description: "the hub is not a current member with a node record") }
            let hash = Self.layoutHash(layout)
            let (sum, keys, refused) = try Self.helperSum(db, period: period, layout: layout, hub: hub, identity: identity)
            try Self.publishOwn(
                db, .statisticsSum, scope: period.scope, StatisticsPayload.sum(layoutHash: hash, nodes: keys, StatisticsPayload.countsOnly(sum), refused: refused),
                to: [hubKey], identity: identity, now: now)
            // The nodes it answered for (keys, no figures): the request to open must name the same.
            try Self.setSetting(db, "hub_helper_nodes:\(period.week)", keys.map(hexString).joined(separator: " "))
            for node in refused {
                try AuditLog.record(
                    db, "helper", "statistics-refused", subject: NodeIdentity.fingerprint(of: node),
                    detail: "the figures for \(period) did not pass their check (a proof that does not hold, or two shares sent) and were left out of the sum",
                    now: now)
            }
            return (keys.count, refused)
        }
    }

    /// Whether this helper has answered `period` and holds the hub's request to open, not yet answered.
    public func helperCanOpen(period: StatisticsPeriod, hub: [UInt8], identity: NodeIdentity) throws -> Bool {
        try writer.read { db in
            try Self.sentOwn(db, .statisticsSum, period: period, identity: identity) && !Self.sentOwn(db, .statisticsOpened, period: period, identity: identity)
                && Self.sent(db, .statisticsOpen, period: period, author: hub)
        }
    }

    /// As the helper, once it has answered: reads the hub's request to open (kind 35), adds the hub's
    /// shares of the organisation counts to its own, and sends the hub, once, its share of the count
    /// and the fourth powers of the cells from at least 3 organisations only (kind 36, §12.3). A
    /// request for other nodes than it answered for, or whose counts do not add up to honest ones,
    /// opens nothing.
    /// - Returns: how many cells it opened, of how many.
    @discardableResult
    public func openAsHelper(period: StatisticsPeriod, layout: FigureLayout, hub: [UInt8], identity: NodeIdentity, nowMilliseconds now: UInt64) throws -> (
        opened: Int, cells: Int
    ) {
        let outcome: (opened: Int, cells: Int)? = try writer.write { db in
            guard try Self.sentOwn(db, .statisticsSum, period: period, identity: identity) else { throw HubError(description: "this helper has not answered for \(period) yet") }
            guard try !Self.sentOwn(db, .statisticsOpened, period: period, identity: identity) else {
                throw HubError(description: "this helper already opened the cells of \(period)")
            }
            guard let hubKey = try Self.memberEncryptionKey(db, organization: hexString(hub)) else { throw HubError(description: "the hub is not a current member with a node record") }
            let hash = Self.layoutHash(layout)
            guard let plain = try Self.firstOpened(db, kind: Int(Envelope.Kind.statisticsOpen.rawValue), period: period, author: hub, identity: identity) else {
                throw HubError(description: "no request to open from the hub for \(period) yet (the hub sends it with waymark hub release; then sync and answer again)")
            }
            guard let request = StatisticsPayload.readOpenRequest(plain, layoutHash: hash, cells: layout.cells.count) else {
                throw HubError(description: "the hub's request to open \(period) is not of this layout: nothing opened")
            }
            let answered = (try Self.setting(db, "hub_helper_nodes:\(period.week)") ?? "").split(separator: " ").compactMap { bytesFromHex(String($0)) }
            guard request.nodes == answered else {
                throw HubError(description: "the hub's request to open \(period) names other nodes than this helper answered for: nothing opened")
            }
            let (sum, keys, _) = try Self.helperSum(db, period: period, layout: layout, hub: hub, identity: identity, only: Set(answered))
            guard keys == answered else { throw HubError(description: "this helper no longer holds every share it answered for \(period): nothing opened") }
            guard let open = StatisticsPayload.cellsToOpen(helperCounts: StatisticsPayload.counts(sum), hubCounts: request.counts, nodes: keys.count) else { return nil }
            try Self.publishOwn(
                db, .statisticsOpened, scope: period.scope, StatisticsPayload.openedCells(layoutHash: hash, StatisticsPayload.opened(sum, cells: open)), to: [hubKey],
                identity: identity, now: now)
            let count = open.filter { $0 }.count
            try AuditLog.record(
                db, "helper", "statistics-opened", subject: NodeIdentity.fingerprint(of: hub),
                detail: "opened \(count) of \(open.count) cells of \(period) (those from at least \(StatisticsPayload.openingMinimum) organisations)", now: now)
            return (count, open.count)
        }
        guard let outcome else {
            // Logged on its own: the refusal leaves nothing else behind.
            try writer.write { db in
                try AuditLog.record(
                    db, "helper", "statistics-open-refused", subject: NodeIdentity.fingerprint(of: hub),
                    detail: "the hub's request to open \(period) gives a cell more organisations than were summed; nothing opened", now: now)
            }
            throw HubError(description: "the hub's request to open \(period) does not add up to honest organisation counts: nothing opened")
        }
        return outcome
    }

    static func mapRefusal<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch HelperRound.Refusal.tooFewNodes(let n) {
            throw HubError(description: "only \(n) organisations sent figures for this period that passed their check; at least 3 are needed")
        }
    }

    /// The quarter a week falls in (`2026-Q4`): the hub shows what a quarter's releases spent in all.
    static func quarter(_ period: StatisticsPeriod) -> String { period.quarter }

    /// The helper's first answer for a period (kind 26) checked against what the hub checked, the
    /// hub's own shares of the same nodes added up (every word; the hub uses only the organisation
    /// counts until the helper opens cells), and the cells to open from the two parties' counts.
    static func hubSums(_ db: Database, period: StatisticsPeriod, layout: FigureLayout, helper: [UInt8], identity: NodeIdentity) throws -> (
        answer: (nodes: [[UInt8]], words: [UInt64], refused: [[UInt8]]), own: [UInt64], open: [Bool]
    ) {
        let circuit = FigureProof(cells: layout.cells.count)
        guard let plain = try Self.firstOpened(db, kind: 26, period: period, author: helper, identity: identity),
            let answer = StatisticsPayload.readSum(plain, layoutHash: Self.layoutHash(layout), words: circuit.outputLength)
        else { throw HubError(description: "no sum from the helper for \(period) yet (or one of another layout)") }
        // Exactly the shares the hub checked (§12.5), and only nodes the hub checked, each once,
        // none the helper refused, at least 3: a helper that named a node twice, or one node
        // alone, would have the hub publish that node's figures.
        var checked: [[UInt8]: [UInt8]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT node, envelope FROM hub_checked WHERE period = ?", arguments: [period.week]) {
            checked[[UInt8](row["node"] as Data)] = [UInt8](row["envelope"] as Data)
        }
        guard !checked.isEmpty else { throw HubError(description: "this hub has not checked \(period) (waymark hub check)") }
        let named = Set(answer.nodes)
        guard named.count == answer.nodes.count, named.count >= 3, named.isSubset(of: Set(checked.keys)), named.isDisjoint(with: Set(answer.refused)) else {
            throw HubError(description: "the helper's sum for \(period) names nodes the hub did not check, or too few: not released")
        }
        let hash = Self.layoutHash(layout)
        var own = [UInt64](repeating: 0, count: circuit.outputLength)
        for node in answer.nodes {
            guard let wire = try Data.fetchOne(db, sql: "SELECT wire FROM envelope WHERE id = ?", arguments: [Data(checked[node]!)]),
                case .hub(let share) = Self.opened(wire: wire, identity: identity).flatMap({ Self.share($0, layoutHash: hash, proof: circuit) })
            else { throw HubError(description: "the hub lacks a share it checked for \(period)") }
            AdditiveShares.add(circuit.output(share.input).map(\.value), into: &own)
        }
        guard
            let open = StatisticsPayload.cellsToOpen(
                helperCounts: StatisticsPayload.counts(answer.words), hubCounts: StatisticsPayload.counts(own), nodes: answer.nodes.count)
        else { throw HubError(description: "the helper's organisation counts for \(period) do not add up to honest ones: not released") }
        return (answer, own, open)
    }

    /// Whether the hub has asked the helper to open `period`'s cells.
    public func hubAskedToOpen(period: StatisticsPeriod, identity: NodeIdentity) throws -> Bool {
        try writer.read { db in try Self.sentOwn(db, .statisticsOpen, period: period, identity: identity) }
    }

    /// As the hub, once the helper has answered: sends the helper, once, its share of each cell's
    /// organisation count over the nodes the helper named (kind 35), so that both learn how many
    /// organisations stand behind each cell and the helper opens only those from at least 3 (§12.3).
    /// - Returns: how many cells will be opened, of how many.
    @discardableResult
    public func askToOpenAsHub(period: StatisticsPeriod, layout: FigureLayout, helper: [UInt8], identity: NodeIdentity, nowMilliseconds now: UInt64) throws -> (
        opening: Int, cells: Int
    ) {
        try writer.write { db in
            guard try !Self.sentOwn(db, .statisticsOpen, period: period, identity: identity) else {
                throw HubError(description: "this hub already asked the helper to open \(period)")
            }
            guard let helperKey = try Self.memberEncryptionKey(db, organization: hexString(helper)) else {
                throw HubError(description: "the helper is not a current member with a node record")
            }
            let (answer, own, open) = try Self.hubSums(db, period: period, layout: layout, helper: helper, identity: identity)
            try Self.publishOwn(
                db, .statisticsOpen, scope: period.scope,
                StatisticsPayload.openRequest(layoutHash: Self.layoutHash(layout), nodes: answer.nodes, counts: StatisticsPayload.counts(own)),
                to: [helperKey], identity: identity, now: now)
            return (open.filter { $0 }.count, open.count)
        }
    }

    /// As the hub: adds the helper's answers (the organisation counts, then the opened cells) to its
    /// own shares of the same nodes and releases the period's cells (§12.3–12.4), charged to the
    /// week's budget (`budgetLimit`); keeps only what is published and why the rest is withheld.
    /// Cells from fewer than 3 organisations were never opened: the hub knows only their count of
    /// organisations.
    @discardableResult
    public func releaseAsHub(
        period: StatisticsPeriod, layout: FigureLayout, helper: [UInt8], rules: DisclosureRules, budgetLimit: Double, identity: NodeIdentity,
        using rng: inout some RandomNumberGenerator
    ) throws -> [PublishedCell] {
        try writer.write { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM hub_release WHERE period = ?", arguments: [period.week]) ?? 0 == 0 else {
                throw HubError(description: "\(period) is already released")
            }
            let circuit = FigureProof(cells: layout.cells.count)
            let (answer, own, open) = try Self.hubSums(db, period: period, layout: layout, helper: helper, identity: identity)
            guard try Self.sentOwn(db, .statisticsOpen, period: period, identity: identity) else {
                throw HubError(description: "this hub has not asked the helper to open \(period)'s cells yet (waymark hub release sends the request)")
            }
            guard let plain = try Self.firstOpened(db, kind: Int(Envelope.Kind.statisticsOpened.rawValue), period: period, author: helper, identity: identity),
                let opened = StatisticsPayload.readOpenedCells(plain, layoutHash: Self.layoutHash(layout), words: circuit.outputLength)
            else { throw HubError(description: "the helper has not opened \(period)'s cells yet (waymark hub answer on the helper, after a sync)") }
            // Counts for every cell; count and fourth powers for the opened cells only, zero for the
            // rest (which the rules withhold for their few organisations before reading them). A
            // helper that opened what it should not have is not believed.
            guard let totals = StatisticsPayload.totals(answer: answer.words, opened: opened, own: own, cells: open) else {
                throw HubError(description: "the helper opened a cell of \(period) from fewer than \(StatisticsPayload.openingMinimum) organisations: not released")
            }
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
            // Who the helper left out because their figures did not pass the check, for the planners' ledger.
            try Self.setSetting(db, "hub_release_refused:\(period.week)", answer.refused.map { NodeIdentity.fingerprint(of: $0) }.joined(separator: " "))
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
    /// The organisations (fingerprints) the helper left out because their figures failed the check.
    public var refused: [String] = []
}

/// Where this week's round stands at the hub: who sent shares sealed to it, and whether the helper answered.
public struct HubRoundStatus: Sendable, Equatable {
    public var period: String
    /// The organisations (names, or fingerprints where no name is known) whose share for the hub is held.
    public var senders: [String]
    /// The hub sent the helper its share of the checks (kind 34).
    public var checkSent: Bool
    public var helperAnswered: Bool
    /// The hub asked the helper to open the cells from at least 3 organisations (kind 35).
    public var openAsked: Bool = false
    /// The helper's opened cells arrived (kind 36).
    public var helperOpened: Bool = false
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
                        limit: Double(try Self.setting(db, "hub_budget_limit:\(period)") ?? "0") ?? 0,
                        refused: (try Self.setting(db, "hub_release_refused:\(period)") ?? "").split(separator: " ").map(String.init)))
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
            let senders = try Self.sharesToMe(db, period: period, identity: identity).envelopes.map {
                names[hexString($0.author)] ?? NodeIdentity.fingerprint(of: $0.author)
            }
            let helper = try Self.hubParties(db)?.helper
            let answered = try helper.map { try Self.sent(db, .statisticsSum, period: period, author: $0) } ?? false
            let released = try Int.fetchOne(db, sql: "SELECT count(*) FROM hub_release WHERE period = ?", arguments: [period.week]) ?? 0
            let checked = try Self.sentOwn(db, .statisticsCheck, period: period, identity: identity)
            let opened = try helper.map { try Self.sent(db, .statisticsOpened, period: period, author: $0) } ?? false
            return HubRoundStatus(
                period: period.week, senders: senders.sorted(), checkSent: checked, helperAnswered: answered,
                openAsked: try Self.sentOwn(db, .statisticsOpen, period: period, identity: identity), helperOpened: opened, released: released > 0)
        }
    }
}
