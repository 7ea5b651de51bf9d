import Foundation
import Testing
import WaymarkCore
import WaymarkCrypto
import WaymarkStore
import WaymarkTestKit

/// The hub's round between five databases (three organisations, the hub, the helper), envelopes
/// carried across by hand as sync would (`Protocol/SPEC.md` §12.5).
struct HubRoundTests {
    static let now = ReferralStoreTests.now
    static let orgs = [Fixtures.identity(11), Fixtures.identity(12), Fixtures.identity(13)]
    static let hub = Fixtures.identity(14), helper = Fixtures.identity(15)
    static let layout = FigureLayout.district(categories: ["education", "health"], areas: ["D11"], instrumentAreas: [])
    static let period = StatisticsPeriod(week: "2026-W48")!

    static func everyone(_ orgs: [NodeIdentity] = orgs) throws -> [NodeDatabase] {
        let all = orgs + [hub, helper]
        let records = all.enumerated().map { k, who in ReferralStoreTests.nodeRecord(who, "Node \(k)") }
        return try all.map { who in
            let db = try NodeDatabase.inTestFederation(opener: who)
            _ = try db.ledger.ingest(records, from: "t", nowMilliseconds: now)
            return db
        }
    }

    static func syncAll(_ dbs: [NodeDatabase], at t: UInt64) throws {
        for a in dbs { for b in dbs where a !== b { try ReferralStoreTests.sync(a, b, at: t) } }
    }

    /// One organisation's figures: `n` clients each needing education in D11 aged 25–44, and (the
    /// first organisation only) a few needing health.
    static func figures(_ n: Int, health: Int) -> [UInt64] {
        var counter = BoundedCounter(layout: layout)
        for c in 0..<n { counter.add(client: "c\(c)", FigureCell("needs", ["education", "D11", "25-44"])) }
        for c in 0..<health { counter.add(client: "h\(c)", FigureCell("needs", ["health", "D11", "45-64"])) }
        return counter.figures
    }

    @Test func threeOrganisationsAHubAndAHelper() throws {
        let dbs = try Self.everyone()
        let (hubDB, helperDB) = (dbs[3], dbs[4])
        #expect(throws: HubError.self) { try dbs[0].useHub(hub: Self.hub.signingPublicKey, helper: Self.hub.signingPublicKey) }
        #expect(throws: HubError.self) {
            try dbs[0].sendStatistics(Self.figures(1, health: 0), layout: Self.layout, period: Self.period, identity: Self.orgs[0], nowMilliseconds: Self.now)
        }
        let counts = [(400, 12), (300, 0), (350, 0)]
        for (k, db) in dbs.prefix(3).enumerated() {
            try db.useHub(hub: Self.hub.signingPublicKey, helper: Self.helper.signingPublicKey)
            try db.sendStatistics(
                Self.figures(counts[k].0, health: counts[k].1), layout: Self.layout, period: Self.period, identity: Self.orgs[k], nowMilliseconds: Self.now + 1)
        }
        #expect(throws: HubError.self) {
            try dbs[0].sendStatistics(Self.figures(1, health: 0), layout: Self.layout, period: Self.period, identity: Self.orgs[0], nowMilliseconds: Self.now + 2)
        }
        try Self.syncAll(dbs, at: Self.now + 10)
        // The hub cannot release before the helper answers.
        var rng = SeededRandom(seed: 5)
        #expect(throws: HubError.self) {
            try hubDB.releaseAsHub(
                period: Self.period, layout: Self.layout, helper: Self.helper.signingPublicKey, rules: DisclosureRules(), budgetLimit: 1.8, identity: Self.hub, using: &rng)
        }
        // The helper cannot answer before the hub's checks come; the hub sends them once.
        #expect(throws: HubError.self) {
            try helperDB.answerAsHelper(period: Self.period, layout: Self.layout, hub: Self.hub.signingPublicKey, identity: Self.helper, nowMilliseconds: Self.now + 11)
        }
        #expect(try hubDB.checkAsHub(period: Self.period, layout: Self.layout, helper: Self.helper.signingPublicKey, identity: Self.hub, nowMilliseconds: Self.now + 12) == 3)
        #expect(throws: HubError.self) {
            try hubDB.checkAsHub(period: Self.period, layout: Self.layout, helper: Self.helper.signingPublicKey, identity: Self.hub, nowMilliseconds: Self.now + 13)
        }
        try Self.syncAll(dbs, at: Self.now + 14)
        let answer = try helperDB.answerAsHelper(period: Self.period, layout: Self.layout, hub: Self.hub.signingPublicKey, identity: Self.helper, nowMilliseconds: Self.now + 20)
        #expect(answer.counted == 3 && answer.refused.isEmpty)
        #expect(throws: HubError.self) {
            try helperDB.answerAsHelper(period: Self.period, layout: Self.layout, hub: Self.hub.signingPublicKey, identity: Self.helper, nowMilliseconds: Self.now + 21)
        }
        try Self.syncAll(dbs, at: Self.now + 30)
        // Not before the helper opened the cells from 3 organisations or more.
        #expect(throws: HubError.self) {
            try hubDB.releaseAsHub(
                period: Self.period, layout: Self.layout, helper: Self.helper.signingPublicKey, rules: DisclosureRules(), budgetLimit: 1.8, identity: Self.hub, using: &rng)
        }
        #expect(throws: HubError.self) {
            try helperDB.openAsHelper(period: Self.period, layout: Self.layout, hub: Self.hub.signingPublicKey, identity: Self.helper, nowMilliseconds: Self.now + 31)
        }
        let asked = try hubDB.askToOpenAsHub(period: Self.period, layout: Self.layout, helper: Self.helper.signingPublicKey, identity: Self.hub, nowMilliseconds: Self.now + 32)
        // Education at D11 25–44 from all three; health at D11 45–64 from the first alone.
        #expect(asked.opening == 1 && asked.cells == Self.layout.cells.count)
        try Self.syncAll(dbs, at: Self.now + 33)
        #expect(try helperDB.openAsHelper(period: Self.period, layout: Self.layout, hub: Self.hub.signingPublicKey, identity: Self.helper, nowMilliseconds: Self.now + 34).opened == 1)
        #expect(throws: HubError.self) {
            try helperDB.openAsHelper(period: Self.period, layout: Self.layout, hub: Self.hub.signingPublicKey, identity: Self.helper, nowMilliseconds: Self.now + 35)
        }
        try Self.syncAll(dbs, at: Self.now + 36)
        try Self.neverOpened(FigureCell("needs", ["health", "D11", "45-64"]), figure: 12, opened: FigureCell("needs", ["education", "D11", "25-44"]), total: 1050, hub: hubDB)
        let published = try hubDB.releaseAsHub(
            period: Self.period, layout: Self.layout, helper: Self.helper.signingPublicKey, rules: DisclosureRules(), budgetLimit: 1.8, identity: Self.hub, using: &rng)
        let education = try #require(published.first { $0.cell == FigureCell("needs", ["education", "D11", "25-44"]) })
        #expect(education.organisations == 3 && education.withheld == nil && abs(education.value! - 1050) < 100, "\(education)")
        let health = try #require(published.first { $0.cell == FigureCell("needs", ["health", "D11", "45-64"]) })
        #expect(health.withheld == .fewOrganisations && health.value == nil && health.organisations == 1)
        #expect(throws: HubError.self) {
            try hubDB.releaseAsHub(
                period: Self.period, layout: Self.layout, helper: Self.helper.signingPublicKey, rules: DisclosureRules(), budgetLimit: 1.8, identity: Self.hub, using: &rng)
        }
        let kept = try #require(try hubDB.hubRelease(period: "2026-W48"))
        #expect(kept.nodes == 3 && kept.quarterSpent > 0 && kept.cells.count == Self.layout.cells.count)
        #expect(kept.cells.first { $0.cell == education.cell }?.value == education.value)
        // The next week is released from a budget of its own: nothing of it is withheld for the budget
        // (a budget per quarter spent the whole quarter in its first week), and the page can say
        // what the quarter's releases spent in all.
        let week49 = StatisticsPeriod(week: "2026-W49")!
        for (k, db) in dbs.prefix(3).enumerated() {
            try db.sendStatistics(
                Self.figures(counts[k].0, health: counts[k].1), layout: Self.layout, period: week49, identity: Self.orgs[k], nowMilliseconds: Self.now + 40)
        }
        try Self.syncAll(dbs, at: Self.now + 50)
        try hubDB.checkAsHub(period: week49, layout: Self.layout, helper: Self.helper.signingPublicKey, identity: Self.hub, nowMilliseconds: Self.now + 55)
        try Self.syncAll(dbs, at: Self.now + 56)
        #expect(try helperDB.answerAsHelper(period: week49, layout: Self.layout, hub: Self.hub.signingPublicKey, identity: Self.helper, nowMilliseconds: Self.now + 60).counted == 3)
        try Self.syncAll(dbs, at: Self.now + 70)
        try Self.open(dbs, hub: hubDB, helper: helperDB, period: week49, at: Self.now + 72)
        let next = try hubDB.releaseAsHub(
            period: week49, layout: Self.layout, helper: Self.helper.signingPublicKey, rules: DisclosureRules(), budgetLimit: 1.8, identity: Self.hub, using: &rng)
        #expect(!next.contains { $0.withheld == .budget })
        #expect(next.first { $0.cell == education.cell }?.withheld == nil)
        let second = try #require(try hubDB.hubRelease(period: "2026-W49"))
        #expect(second.limit == 1.8 && second.spent > 0 && abs(second.quarterSpent - (kept.spent + second.spent)) < 1e-9)
        // Neither the hub nor the helper can open another party's shares; the organisations cannot
        // open their own once sent.
        #expect(try helperDB.hubRelease(period: "2026-W48") == nil)
        #expect(throws: HubError.self) {
            var other = SeededRandom(seed: 6)
            try helperDB.releaseAsHub(
                period: Self.period, layout: Self.layout, helper: Self.helper.signingPublicKey, rules: DisclosureRules(), budgetLimit: 1.8, identity: Self.helper,
                using: &other)
        }
    }

    /// A member that sends figures no honest count gives (a count over the cap, an indicator of 2, a
    /// wrong fourth power) is left out of the sum by the check, and the round goes on with the others;
    /// the hub's ledger names it. A member that gives the two parties different parts of the joint
    /// randomness is left out too.
    @Test func figuresThatFailTheirCheckAreLeftOut() throws {
        let liars = [Fixtures.identity(16), Fixtures.identity(17), Fixtures.identity(18)]
        let orgs = Self.orgs + liars
        let dbs = try Self.everyone(orgs)
        let (hubDB, helperDB) = (dbs[orgs.count], dbs[orgs.count + 1])
        let circuit = FigureProof(cells: Self.layout.cells.count)
        for (k, db) in dbs.prefix(orgs.count).enumerated() {
            try db.useHub(hub: Self.hub.signingPublicKey, helper: Self.helper.signingPublicKey)
            var input = circuit.encode(Self.figures(100 + k, health: 0))
            switch k {
            case 3: input[2] = Field64(16)  // a count of 4,096 or more
            case 4: input[3] = Field64(2)  // an indicator of 2
            case 5: input[4] += .one  // a fourth power that is not one
            default: break
            }
            try db.sendStatistics(input: input, layout: Self.layout, period: Self.period, identity: orgs[k], nowMilliseconds: Self.now + 1)
        }
        try Self.syncAll(dbs, at: Self.now + 10)
        #expect(try hubDB.checkAsHub(period: Self.period, layout: Self.layout, helper: Self.helper.signingPublicKey, identity: Self.hub, nowMilliseconds: Self.now + 12) == 6)
        try Self.syncAll(dbs, at: Self.now + 14)
        let answer = try helperDB.answerAsHelper(period: Self.period, layout: Self.layout, hub: Self.hub.signingPublicKey, identity: Self.helper, nowMilliseconds: Self.now + 20)
        #expect(answer.counted == 3)
        #expect(Set(answer.refused) == Set(liars.map(\.signingPublicKey)))
        let logged = try helperDB.audit.lines().filter { $0.action == "statistics-refused" }.map(\.subject)
        #expect(Set(logged) == Set(liars.map { NodeIdentity.fingerprint(of: $0.signingPublicKey) }))
        let education = try Self.releasedEducation(dbs, hub: hubDB, helper: helperDB)
        // 100 + 101 + 102 from the honest three; the liars' counts (103–105 and worse) are not in it.
        #expect(education.organisations == 3 && abs(education.value! - 303) < 60, "\(education)")
        let ledger = try #require(try hubDB.hubLedger().first)
        #expect(ledger.organisations == 3 && Set(ledger.refused) == Set(liars.map { NodeIdentity.fingerprint(of: $0.signingPublicKey) }))
    }

    /// A layout too large for a share to fit its kind's limit is refused before anything is sent, in words.
    @Test func aLayoutTooLargeForAShareIsRefusedInWords() throws {
        let dbs = try Self.everyone()
        try dbs[0].useHub(hub: Self.hub.signingPublicKey, helper: Self.helper.signingPublicKey)
        let big = FigureLayout.district(categories: (0..<40).map { "c\($0)" }, areas: (0..<20).map { "D\($0)" }, instrumentAreas: [])
        #expect(big.cells.count > 3_300)
        do {
            try dbs[0].sendStatistics(
                [UInt64](repeating: 1, count: big.cells.count), layout: big, period: Self.period, identity: Self.orgs[0], nowMilliseconds: Self.now)
            Issue.record("a share over the limit was sent")
        } catch let e as HubError {
            #expect(e.description.contains("use fewer categories or areas"), "\(e)")
        }
    }

    /// The shares' bytes: the helper's are seeds, the hub's the input and proof less the helper's;
    /// a party reads only a share of its own layout and format.
    @Test func sharesAreReadOnlyWhole() throws {
        let circuit = FigureProof(cells: Self.layout.cells.count)
        let period = Self.period
        let (hub, helper) = StatisticsShares.split(circuit.encode(Self.figures(7, health: 2)), proof: circuit, period: period, node: Self.orgs[0].signingPublicKey)
        #expect(StatisticsShares.ForHub(hub.bytes[...], proof: circuit) == hub && StatisticsShares.ForHelper(helper.bytes[...]) == helper)
        #expect(helper.bytes.count == 129 && hub.bytes.count == 65 + 8 * (circuit.inputLength + circuit.proofLength))
        #expect(StatisticsShares.ForHub(hub.bytes.dropLast(8), proof: circuit) == nil && StatisticsShares.ForHelper(helper.bytes.dropLast()) == nil)
        var high = hub.bytes
        for i in 65..<73 { high[i] = 0xFF }  // an element not below p
        #expect(StatisticsShares.ForHub(high[...], proof: circuit) == nil)
        // The two shares add up to the input, and the proof passes between them.
        let sum = zip(hub.input, helper.input(circuit)).map { $0 + $1 }
        #expect(sum == circuit.encode(Self.figures(7, health: 2)))
        let key = SecureRandom.bytes(32)
        let v = try #require(hub.verify(proof: circuit, period: period, node: Self.orgs[0].signingPublicKey, verifyKey: key))
        #expect(helper.check(proof: circuit, period: period, node: Self.orgs[0].signingPublicKey, verifyKey: key, hubJointSeed: v.jointSeed, hubVerifier: v.verifier).valid)
        // Checked as another node's, or another week's, the parts do not agree.
        #expect(!helper.check(proof: circuit, period: period, node: Self.orgs[1].signingPublicKey, verifyKey: key, hubJointSeed: v.jointSeed, hubVerifier: v.verifier).valid)
        let w49 = StatisticsPeriod(week: "2026-W49")!
        #expect(!helper.check(proof: circuit, period: w49, node: Self.orgs[0].signingPublicKey, verifyKey: key, hubJointSeed: v.jointSeed, hubVerifier: v.verifier).valid)
        // A node that tells the hub another helper's part than the helper's is caught the same way.
        var lying = hub
        lying.helperPart = Array(repeating: 7, count: 32)
        let w = try #require(lying.verify(proof: circuit, period: period, node: Self.orgs[0].signingPublicKey, verifyKey: key))
        #expect(!helper.check(proof: circuit, period: period, node: Self.orgs[0].signingPublicKey, verifyKey: key, hubJointSeed: w.jointSeed, hubVerifier: w.verifier).valid)
    }

    /// The next envelope of `who`'s chain as `db` holds it: its sequence and the previous one's id.
    static func next(_ db: NodeDatabase, _ who: NodeIdentity) throws -> (sequence: UInt64, previous: [UInt8]) {
        let mine = try db.ledger.envelopes(try db.ledger.reconciliationItems().map(\.id)).compactMap { try? Envelope.decode($0) }
            .filter { $0.header.author == who.signingPublicKey }
        let last = try #require(mine.max { $0.header.sequence < $1.header.sequence })
        return (last.header.sequence + 1, EnvelopeCrypto.id(of: last))
    }

    static func statisticsEnvelope(
        _ kind: Envelope.Kind, _ plaintext: [UInt8], to party: NodeIdentity, by who: NodeIdentity, after: (sequence: UInt64, previous: [UInt8]), clock: UInt64
    ) throws -> [UInt8] {
        try PrivateEnvelope.sign(
            kind: kind, scope: period.scope, plaintext: plaintext, recipients: [party.encryptionPublicKey], by: who, sequence: after.sequence,
            dependencies: [after.previous], clock: HybridClock.pack(milliseconds: clock, counter: 0)
        ).envelope.encoded()
    }

    /// The hub asks the helper to open, the helper opens, each synced to the other.
    static func open(_ dbs: [NodeDatabase], hub hubDB: NodeDatabase, helper helperDB: NodeDatabase, period: StatisticsPeriod = period, at t: UInt64) throws {
        try hubDB.askToOpenAsHub(period: period, layout: layout, helper: helper.signingPublicKey, identity: hub, nowMilliseconds: t)
        try syncAll(dbs, at: t + 1)
        try helperDB.openAsHelper(period: period, layout: layout, hub: hub.signingPublicKey, identity: helper, nowMilliseconds: t + 2)
        try syncAll(dbs, at: t + 3)
    }

    /// Everything the hub can put together of `cell` (a cell one organisation alone counted in, its
    /// figure `figure`) from what it holds — its own shares of every node, the helper's answer and
    /// the cells the helper opened — is not that organisation's count nor its fourth power, while
    /// the same sums give `opened` exactly (`total`, from 3 organisations): the helper never opened
    /// the first (§12.3).
    static func neverOpened(_ cell: FigureCell, figure: UInt64, opened: FigureCell, total: UInt64, hub hubDB: NodeDatabase) throws {
        let circuit = FigureProof(cells: layout.cells.count)
        let all = try hubDB.ledger.envelopes(try hubDB.ledger.reconciliationItems().map(\.id)).compactMap { try? Envelope.decode($0) }
        var own = [UInt64](repeating: 0, count: circuit.outputLength)
        var answer: [UInt64] = [], openedWords: [UInt64] = []
        for e in all where e.header.scope == period.scope {
            guard let plain = try? hub.open(e) else { continue }
            switch e.header.kind {
            case .statisticsShare:
                let share = try #require(StatisticsShares.ForHub(plain[32...], proof: circuit))
                AdditiveShares.add(circuit.output(share.input).map(\.value), into: &own)
            case .statisticsSum: answer = try #require(StatisticsPayload.readSum(plain, layoutHash: layoutHash, words: circuit.outputLength)).words
            case .statisticsOpened: openedWords = try #require(StatisticsPayload.readOpenedCells(plain, layoutHash: layoutHash, words: circuit.outputLength))
            default: continue
            }
        }
        #expect(!answer.isEmpty && !openedWords.isEmpty)
        let w = AdditiveShares.wordsPerCell
        func put(_ c: FigureCell, _ word: Int) -> UInt64 {
            let i = w * layout.index[c]! + word
            return (Field64(own[i]) + Field64(answer[i]) + Field64(openedWords[i])).value
        }
        #expect(put(opened, 0) == total && put(opened, 1) == 3, "the opened cell does not add up: the test reads the wrong words")
        #expect(put(cell, 1) == 1, "the hub knows how many organisations counted in the cell")
        #expect(put(cell, 0) != figure && put(cell, 2) != figure * figure * figure * figure, "the hub can put together one organisation's figure")
        #expect(answer[w * layout.index[cell]!] == 0 && openedWords[w * layout.index[cell]!] == 0 && openedWords[w * layout.index[cell]! + 2] == 0)
    }

    /// Syncs, releases as the hub, and gives the published cell of education needs in D11 at 25–44.
    static func releasedEducation(_ dbs: [NodeDatabase], hub hubDB: NodeDatabase, helper helperDB: NodeDatabase) throws -> PublishedCell {
        try syncAll(dbs, at: now + 30)
        try open(dbs, hub: hubDB, helper: helperDB, at: now + 31)
        var rng = SeededRandom(seed: 5)
        let published = try hubDB.releaseAsHub(
            period: period, layout: layout, helper: helper.signingPublicKey, rules: DisclosureRules(), budgetLimit: 1.8, identity: hub, using: &rng)
        return try #require(published.first { $0.cell == FigureCell("needs", ["education", "D11", "25-44"]) })
    }

    static var layoutHash: [UInt8] { Blake2b.hash(Array(("waymark/stats/v2\n" + layout.canonicalText).utf8)) }

    /// A member that sends the hub a second share after the hub checked its first — dated earlier, so
    /// that it would sort first — gets nothing of it added: the release adds exactly the shares the
    /// hub checked. A member that sent the hub two shares before the check is not checked at all.
    @Test func onlyTheSharesTheHubCheckedAreAdded() throws {
        let orgs = Self.orgs + [Fixtures.identity(19)]
        let dbs = try Self.everyone(orgs)
        let (hubDB, helperDB) = (dbs[orgs.count], dbs[orgs.count + 1])
        for (k, db) in dbs.prefix(orgs.count).enumerated() {
            try db.useHub(hub: Self.hub.signingPublicKey, helper: Self.helper.signingPublicKey)
            try db.sendStatistics(Self.figures(100 + k, health: 0), layout: Self.layout, period: Self.period, identity: orgs[k], nowMilliseconds: Self.now + 1)
        }
        try Self.syncAll(dbs, at: Self.now + 10)
        let circuit = FigureProof(cells: Self.layout.cells.count)
        // A share that is no share: the whole figures plus 5,000 a cell would show, no proof.
        let forged = StatisticsShares.ForHub(
            blind: Array(repeating: 1, count: 32), helperPart: Array(repeating: 2, count: 32),
            input: circuit.encode(Self.figures(4000, health: 0)), proof: Array(repeating: .zero, count: circuit.proofLength))
        // The fourth organisation sends the hub a second share before the check: it is left out.
        let doubled = try Self.statisticsEnvelope(
            .statisticsShare, Self.layoutHash + forged.bytes, to: Self.hub, by: orgs[3], after: try Self.next(dbs[3], orgs[3]), clock: Self.now + 2)
        #expect(try hubDB.ledger.ingest([doubled], from: "t", nowMilliseconds: Self.now + 11).accepted == 1)
        #expect(try hubDB.checkAsHub(period: Self.period, layout: Self.layout, helper: Self.helper.signingPublicKey, identity: Self.hub, nowMilliseconds: Self.now + 12) == 3)
        // The first organisation, checked already, sends another dated before its first.
        let late = try Self.statisticsEnvelope(
            .statisticsShare, Self.layoutHash + forged.bytes, to: Self.hub, by: orgs[0], after: try Self.next(dbs[0], orgs[0]), clock: Self.now - 5_000)
        #expect(try hubDB.ledger.ingest([late], from: "t", nowMilliseconds: Self.now + 13).accepted == 1)
        try Self.syncAll(dbs, at: Self.now + 14)
        let answer = try helperDB.answerAsHelper(period: Self.period, layout: Self.layout, hub: Self.hub.signingPublicKey, identity: Self.helper, nowMilliseconds: Self.now + 20)
        #expect(answer.counted == 3 && answer.refused.isEmpty)
        let education = try Self.releasedEducation(dbs, hub: hubDB, helper: helperDB)
        #expect(education.organisations == 3 && abs(education.value! - 303) < 60, "\(education)")
    }

    /// A hub that asks the helper to open with other nodes than the helper answered for, or with
    /// counts that give a cell more organisations than were summed (so as to open a cell one
    /// organisation alone counted in), gets nothing opened; the helper logs the second.
    @Test func aRequestToOpenThatDoesNotAddUpOpensNothing() throws {
        let circuit = FigureProof(cells: Self.layout.cells.count)
        let nodes = Self.orgs.map(\.signingPublicKey)
        let requests: [(String, [UInt8])] = [
            ("other nodes", StatisticsPayload.openRequest(
                layoutHash: Self.layoutHash, nodes: Array(nodes.prefix(2)) + [Fixtures.identity(20).signingPublicKey],
                counts: [UInt64](repeating: 0, count: Self.layout.cells.count))),
            ("counts over the nodes", StatisticsPayload.openRequest(
                layoutHash: Self.layoutHash, nodes: nodes, counts: [UInt64](repeating: 100, count: Self.layout.cells.count))),
        ]
        for (what, plaintext) in requests {
            let dbs = try Self.everyone()
            let (hubDB, helperDB) = (dbs[3], dbs[4])
            for (k, db) in dbs.prefix(3).enumerated() {
                try db.useHub(hub: Self.hub.signingPublicKey, helper: Self.helper.signingPublicKey)
                try db.sendStatistics(Self.figures(100 + k, health: k == 0 ? 9 : 0), layout: Self.layout, period: Self.period, identity: Self.orgs[k], nowMilliseconds: Self.now + 1)
            }
            try Self.syncAll(dbs, at: Self.now + 10)
            try hubDB.checkAsHub(period: Self.period, layout: Self.layout, helper: Self.helper.signingPublicKey, identity: Self.hub, nowMilliseconds: Self.now + 12)
            try Self.syncAll(dbs, at: Self.now + 14)
            #expect(try helperDB.answerAsHelper(period: Self.period, layout: Self.layout, hub: Self.hub.signingPublicKey, identity: Self.helper, nowMilliseconds: Self.now + 20).counted == 3)
            let request = try Self.statisticsEnvelope(.statisticsOpen, plaintext, to: Self.helper, by: Self.hub, after: try Self.next(hubDB, Self.hub), clock: Self.now + 21)
            #expect(try helperDB.ledger.ingest([request], from: "t", nowMilliseconds: Self.now + 22).accepted == 1, "\(what)")
            #expect(throws: HubError.self, "\(what)") {
                try helperDB.openAsHelper(period: Self.period, layout: Self.layout, hub: Self.hub.signingPublicKey, identity: Self.helper, nowMilliseconds: Self.now + 23)
            }
            #expect(circuit.outputLength == 3 * Self.layout.cells.count)
            if what == "counts over the nodes" {
                #expect(try helperDB.audit.lines().contains { $0.action == "statistics-open-refused" })
            }
        }
    }

    /// A helper whose sum names a node twice, a node the hub did not check, or fewer than 3 nodes
    /// would have the hub publish one node's figures: such a sum is never released.
    @Test func aSumNamingNodesTheHubDidNotCheckIsNotReleased() throws {
        let circuit = FigureProof(cells: Self.layout.cells.count)
        let outsider = Fixtures.identity(20).signingPublicKey
        let sums: [(String, [UInt8])] = [
            ("a node three times", Self.layoutHash + [3, 0, 0, 0] + Array(repeating: Self.orgs[0].signingPublicKey, count: 3).flatMap { $0 }
                + AdditiveShares.encode([UInt64](repeating: 0, count: circuit.outputLength)) + [0, 0, 0, 0]),
            ("a node the hub did not check", StatisticsPayload.sum(
                layoutHash: Self.layoutHash, nodes: [Self.orgs[0].signingPublicKey, Self.orgs[1].signingPublicKey, outsider],
                [UInt64](repeating: 0, count: circuit.outputLength))),
            ("two nodes", StatisticsPayload.sum(
                layoutHash: Self.layoutHash, nodes: [Self.orgs[0].signingPublicKey, Self.orgs[1].signingPublicKey],
                [UInt64](repeating: 0, count: circuit.outputLength))),
        ]
        for (what, plaintext) in sums {
            let dbs = try Self.everyone()
            let (hubDB, helperDB) = (dbs[3], dbs[4])
            for (k, db) in dbs.prefix(3).enumerated() {
                try db.useHub(hub: Self.hub.signingPublicKey, helper: Self.helper.signingPublicKey)
                try db.sendStatistics(Self.figures(100 + k, health: 0), layout: Self.layout, period: Self.period, identity: Self.orgs[k], nowMilliseconds: Self.now + 1)
            }
            try Self.syncAll(dbs, at: Self.now + 10)
            try hubDB.checkAsHub(period: Self.period, layout: Self.layout, helper: Self.helper.signingPublicKey, identity: Self.hub, nowMilliseconds: Self.now + 12)
            let sum = try Self.statisticsEnvelope(.statisticsSum, plaintext, to: Self.hub, by: Self.helper, after: try Self.next(helperDB, Self.helper), clock: Self.now + 20)
            #expect(try hubDB.ledger.ingest([sum], from: "t", nowMilliseconds: Self.now + 21).accepted == 1, "\(what)")
            var rng = SeededRandom(seed: 5)
            #expect(throws: HubError.self, "\(what)") {
                try hubDB.releaseAsHub(
                    period: Self.period, layout: Self.layout, helper: Self.helper.signingPublicKey, rules: DisclosureRules(), budgetLimit: 1.8, identity: Self.hub, using: &rng)
            }
            #expect(try hubDB.hubPeriods().isEmpty, "\(what)")
        }
    }
}
