import ArgumentParser
import Foundation
import WaymarkCore
import WaymarkCrypto
import WaymarkStore

struct HubCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hub", abstract: "The hub's statistics: what this node would share for a period (Protocol/SPEC.md §12).",
        subcommands: [HubFigures.self, HubLayout.self, HubUse.self, HubSend.self, HubCheck.self, HubAnswer.self, HubRelease.self])
}

struct HubFigures: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "Print this organisation's own figures for a week, as it would share them with the hub (only to this node's admin: they are its own).",
        discussion: "Cells are family/labels (categories are the directory's top-level taxonomy term ids); only cells above zero are printed.")
    @OptionGroup var data: DataOption
    @OptionGroup var week: WeekOption

    func run() throws {
        let db = try data.database()
        let week = try HubWeek(week.week)
        let (layout, counter) = try week.figures(db, identity: try data.identity())
        print("week \(week.period): \(layout.cells.count) cells; contributions dropped by the bound per client: \(counter.dropped)")
        for (cell, value) in zip(layout.cells, counter.figures) where value > 0 { print("\(cell)\t\(value)") }
    }
}

/// `--week`, shared by the hub's commands.
struct WeekOption: ParsableArguments {
    @Option(help: "The ISO week, YYYY-Www (default: the current week).") var week: String?
}

/// Runs a step of the hub's round, its refusals told as the command's error.
func hubStep<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as HubError { throw fail(e.description) }
}

/// A week of the hub's statistics, from `--week` (default: the current ISO week), with the layout
/// every node of the district builds alike from the shared taxonomy.
struct HubWeek {
    let period: StatisticsPeriod
    let start: Date, end: Date

    init(_ week: String?) throws {
        let label = week ?? StatisticsPeriod(containing: LocalClock.nowMilliseconds()).week
        guard let period = StatisticsPeriod(week: label) else { throw fail("--week takes an ISO week such as 2026-W49, got \(label)") }
        let bounds = period.bounds
        (self.period, self.start, self.end) = (
            period, Date(timeIntervalSince1970: Double(bounds.start) / 1000), Date(timeIntervalSince1970: Double(bounds.end) / 1000)
        )
    }

    /// The hub and the helper, or a clear error.
    static func parties(_ db: NodeDatabase) throws -> (hub: [UInt8], helper: [UInt8]) {
        guard let parties = try db.hubParties() else {
            throw fail("no hub and helper yet: a founder vouches for them (waymark member add ... --role hub, --role helper), or choose them (waymark hub use)")
        }
        return parties
    }

    static func layout(_ db: NodeDatabase) throws -> FigureLayout {
        FigureLayout.district(categories: try Directory(database: db).hubCategories().categories, areas: try areas(db), instrumentAreas: Instrument.standard.areas)
    }

    /// The district's postal areas (`waymark district`): every node of a district lays its figures out alike.
    static func areas(_ db: NodeDatabase) throws -> [String] {
        Array(try db.district().gazetteer.routingKeys.keys)
    }

    /// This node's own figures for the week.
    func figures(_ db: NodeDatabase, identity: NodeIdentity) throws -> (FigureLayout, BoundedCounter) {
        let (categories, need, organisation) = try Directory(database: db).hubCategories()
        let layout = FigureLayout.district(categories: categories, areas: try Self.areas(db), instrumentAreas: Instrument.standard.areas)
        let day = ISO8601DateFormatter().string(from: end.addingTimeInterval(-1)).prefix(10)
        var cache: [String: String?] = [:]
        let counter = try db.hubFigures(
            layout: layout, identity: identity, from: UInt64(start.timeIntervalSince1970 * 1000), to: UInt64(end.timeIntervalSince1970 * 1000),
            day: String(day), needCategory: need,
            organisationCategory: { key in
                if let known = cache[key] { return known }
                let found: String? = (try? organisation(key)) ?? nil
                cache[key] = .some(found)
                return found
            })
        return (layout, counter)
    }
}

/// A node's key from its fingerprint or its signing key (hex), among the nodes this node knows.
func knownNodeKey(_ db: NodeDatabase, _ text: String) throws -> [UInt8] {
    if let key = bytesFromHex(text), key.count == 32 { return key }
    for n in try db.knownNodes() where NodeIdentity.fingerprint(of: n.author) == text { return n.author }
    throw fail("no known node with fingerprint or key \(text) (sync with the federation first)")
}

struct HubLayout: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "layout",
        abstract: "Print the cells every node of this district counts, one a line, then the bounds per family: the text whose hash every share names (§12.5).")
    @OptionGroup var data: DataOption

    func run() throws {
        let layout = try HubWeek.layout(try data.database())
        let proof = FigureProof(cells: layout.cells.count)
        print(layout.canonicalText)
        FileHandle.standardError.write(Data("\(layout.cells.count) cells; a share to the hub holds \(proof.inputLength) input and \(proof.proofLength) proof elements\n".utf8))
    }
}

struct HubUse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "use", abstract: "Choose the hub and the helper this organisation sends its statistics to (two different members).")
    @OptionGroup var data: DataOption
    @Option(help: "The hub's fingerprint or signing key.") var hub: String
    @Option(help: "The helper's fingerprint or signing key.") var helper: String

    func run() throws {
        let db = try data.database()
        try hubStep { try db.useHub(hub: try knownNodeKey(db, hub), helper: try knownNodeKey(db, helper)) }
        print("Statistics from this node go to the hub and the helper chosen; neither sees this organisation's figures.")
    }
}

struct HubSend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send", abstract: "Send this organisation's figures for a week, as two shares: one sealed to the hub, one to the helper.")
    @OptionGroup var data: DataOption
    @OptionGroup var week: WeekOption

    func run() throws {
        let db = try data.database()
        let identity = try data.identity()
        let w = try HubWeek(week.week)
        let (layout, counter) = try w.figures(db, identity: identity)
        try hubStep { try db.sendStatistics(counter.figures, layout: layout, period: w.period, identity: identity, nowMilliseconds: LocalClock.nowMilliseconds()) }
        print("Sent the figures for \(w.period) (\(layout.cells.count) cells) as two shares; they travel with the next sync.")
    }
}

struct HubCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "As the hub: check the hub's share of each organisation's proof for a week and send the helper the checks (once a week, after the shares came).")
    @OptionGroup var data: DataOption
    @OptionGroup var week: WeekOption
    @Option(help: "Refuse, to be tried again after the next sync, until the shares of this many organisations have reached the hub (at least 3).")
    var atLeast: Int = 3

    func run() throws {
        let db = try data.database()
        let parties = try HubWeek.parties(db)
        let w = try HubWeek(week.week)
        let n = try hubStep {
            try db.checkAsHub(
                period: w.period, layout: try HubWeek.layout(db), helper: parties.helper, identity: try data.identity(), atLeast: atLeast,
                nowMilliseconds: LocalClock.nowMilliseconds())
        }
        print("Sent the helper the checks of \(n) organisations' figures for \(w.period); the helper answers next (waymark hub answer).")
    }
}

struct HubAnswer: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer",
        abstract:
            "As the helper: finish the hub's checks and send the hub its share of each cell's count of organisations (once a week); run again after the hub's request to open, to send the cells from 3 organisations or more.")
    @OptionGroup var data: DataOption
    @OptionGroup var week: WeekOption

    func run() throws {
        let db = try data.database()
        let parties = try HubWeek.parties(db)
        let w = try HubWeek(week.week)
        let identity = try data.identity()
        if try db.helperCanOpen(period: w.period, hub: parties.hub, identity: identity) {
            let opened = try hubStep {
                try db.openAsHelper(period: w.period, layout: try HubWeek.layout(db), hub: parties.hub, identity: identity, nowMilliseconds: LocalClock.nowMilliseconds())
            }
            print(
                "Opened \(opened.opened) of \(opened.cells) cells of \(w.period) for the hub (those from at least \(StatisticsPayload.openingMinimum) organisations); the hub releases next (waymark hub release)."
            )
            return
        }
        let answer = try hubStep {
            try db.answerAsHelper(
                period: w.period, layout: try HubWeek.layout(db), hub: parties.hub, identity: identity, nowMilliseconds: LocalClock.nowMilliseconds())
        }
        print(
            "Sent the hub the counts of organisations in each cell over \(answer.counted) organisations' shares for \(w.period); once the hub asks (waymark hub release), answer again to open the cells from 3 organisations or more."
        )
        if !answer.refused.isEmpty {
            print("Left out \(answer.refused.count), whose figures failed the check: \(answer.refused.map { NodeIdentity.fingerprint(of: $0) }.joined(separator: ", ")).")
        }
    }
}

struct HubRelease: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release", abstract: "As the hub: add the helper's sum to the hub's shares and publish the week's figures, noised and suppressed.")
    @OptionGroup var data: DataOption
    @OptionGroup var week: WeekOption
    @Option(
        help: ArgumentHelp(
            "ε spent on a family of figures, as FAMILY=E (needs, referrals, outcomes, response, progress; repeat for several), or E for every family. Without it: needs 0.8, the others 0.25 each.",
            valueName: "family=ε"))
    var epsilon: [String] = []
    @Option(help: "The privacy budget of the week's release (each family spends its ε of it). Without it: the sum of the families' ε.") var budget: Double?
    @Option(
        help:
            "A need category whose figures are shown only from 10 people (its name or taxonomy term id; repeat for several). Without it: the top-level categories whose names speak of health, addiction, drugs, alcohol, domestic violence or abuse."
    ) var sensitive: [String] = []

    @Option(help: "Published figures under this are withheld.") var threshold: Int = DisclosureRules().threshold
    @Option(help: "The same for the figures of sensitive categories (needs, referrals, outcomes and days to respond).")
    var sensitiveThreshold: Int = DisclosureRules().sensitiveThreshold

    /// Words in a category's name that make it sensitive when no `--sensitive` is given.
    static let sensitiveWords = ["health", "addiction", "drug", "alcohol", "domestic", "violence", "abuse"]

    func run() throws {
        let db = try data.database()
        let parties = try HubWeek.parties(db)
        let w = try HubWeek(week.week)
        var rules = DisclosureRules()
        guard threshold >= 1, sensitiveThreshold >= threshold else {
            throw fail("--threshold must be at least 1 and --sensitive-threshold at least --threshold (given \(threshold) and \(sensitiveThreshold))")
        }
        rules.threshold = threshold
        rules.sensitiveThreshold = sensitiveThreshold
        let layout = try HubWeek.layout(db)
        let families = Set(layout.cells.map(\.family))
        for given in epsilon {
            let parts = given.split(separator: "=", maxSplits: 1).map(String.init)
            guard let value = Double(parts.last!), value > 0, value.isFinite else { throw fail("--epsilon \(given): ε must be a positive number, as in needs=0.8 or 0.25") }
            if parts.count == 1 {
                rules.spendEvenly(value, over: layout)
            } else {
                guard families.contains(parts[0]) else { throw fail("--epsilon \(given): there is no family \(parts[0]); the families are \(families.sorted().joined(separator: ", "))") }
                rules.epsilons[parts[0]] = value
            }
        }
        let snap = try Directory(database: db).snapshot()
        let categories = try Directory(database: db).hubCategories().categories
        func name(_ id: String) -> String { snap.terms[id]?.name.lowercased() ?? id.lowercased() }
        if sensitive.isEmpty {
            rules.sensitiveCategories = Set(categories.filter { id in Self.sensitiveWords.contains { name(id).contains($0) } })
        } else {
            for given in sensitive {
                guard let id = categories.first(where: { $0 == given || name($0) == given.lowercased() }) else {
                    throw fail("no top-level need category is called \(given); the categories are: \(categories.map { snap.terms[$0]?.name ?? $0 }.joined(separator: ", "))")
                }
                rules.sensitiveCategories.insert(id)
            }
        }
        let identity = try data.identity()
        if try !db.hubAskedToOpen(period: w.period, identity: identity) {
            let asked = try hubStep {
                try db.askToOpenAsHub(period: w.period, layout: layout, helper: parties.helper, identity: identity, nowMilliseconds: LocalClock.nowMilliseconds())
            }
            print(
                "Asked the helper to open \(asked.opening) of \(asked.cells) cells of \(w.period) (those from at least \(StatisticsPayload.openingMinimum) organisations); once it has (waymark hub answer on the helper, then a sync), run waymark hub release again."
            )
            return
        }
        var rng = SystemRandomNumberGenerator()
        let cells = try hubStep {
            try db.releaseAsHub(
                period: w.period, layout: layout, helper: parties.helper, rules: rules, budgetLimit: budget ?? rules.weekSpend(layout), identity: identity,
                using: &rng)
        }
        print("Released \(w.period): \(cells.filter { $0.value != nil }.count) of \(cells.count) cells published (the rest withheld); see /hub.")
        print(
            "ε spent: " + families.sorted().map { "\($0) " + String(format: "%.2f", rules.epsilon($0)) }.joined(separator: ", ")
                + String(format: "; a week %.2f; a quarter's releases at most %.2f for one person.", rules.weekSpend(layout), rules.quarterBound(layout)))
        let strict = rules.sensitiveCategories.map { snap.terms[$0]?.name ?? $0 }.sorted()
        print("Figures shown only from \(rules.sensitiveThreshold) people in: " + (strict.isEmpty ? "no category" : strict.joined(separator: ", ")) + "; from \(rules.threshold) elsewhere.")
    }
}

/// `waymark sample-caseload`: fictional clients with needs, registered now, so that the hub has
/// real-looking figures in the demo and the tests (§12).
struct SampleCaseload: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample-caseload",
        abstract: "Add fictional clients with needs from the directory's categories, goals and readings, and referrals (for the hub's demo and tests).")
    @OptionGroup var data: DataOption
    @Option(help: "How many clients.") var clients: Int = 200
    @Option(help: "The seed: the same seed gives the same clients.") var seed: UInt64 = 1
    @Option(help: "The share of clients (0 to 1) referred, with their consent, to another organisation this node knows.") var referred: Double = 0.3
    @Flag(
        help:
            "Instead of adding clients, answer the open referrals other nodes' sample caseloads sent here: about 3 in 5 accepted (half of those completed), 1 in 5 declined (half for no capacity), the rest left open."
    ) var answerReceived = false

    func run() throws {
        let db = try data.database()
        let identity = try data.identity()
        if answerReceived { return try answer(db, identity: identity) }
        let snap = try Directory(database: db).snapshot()
        let terms = snap.terms.values.filter { $0.parentID != nil }.map(\.name).sorted()
        guard !terms.isEmpty else { throw fail("the directory has no categories to take needs from (import or sync it first)") }
        var rng = SeededRandom(seed: seed)
        var now = LocalClock.nowMilliseconds()
        let today = BusinessDays.isoDate(dayNumber: LocalClock().now().day)
        let partners = try db.journeys.partnerOrganizations(identity: identity)
        var referrals = 0
        for k in 0..<max(0, clients) {
            let needs = (0..<Int(1 + rng.next() % 3)).map { _ in terms[Int(rng.next() % UInt64(terms.count))] }
            let year = 1940 + Int(rng.next() % 70), month = 1 + Int(rng.next() % 12), day = 1 + Int(rng.next() % 28)
            // Most of Ballymun is Dublin 11, some Dublin 9; a few live elsewhere or did not say.
            let area = ["D11", "D11", "D11", "D11", "D11", "D11", "D09", "D09", "other", ""][Int(rng.next() % 10)]
            now += 1
            let client = try db.caseload.createClient(
                ClientRecord(
                    name: "Sample Client \(seed)-\(k) (fictional)", dateOfBirth: String(format: "%04d-%02d-%02d", year, month, day), needs: needs, area: area),
                identity: identity, by: "sample", nowMilliseconds: now)
            // About 2 in 5 have a goal on the standard instrument, with a first reading 3 to 6 weeks
            // ago and one today in one or two areas: the hub's progress figures count the change.
            if rng.next() % 5 < 2, let circle = try db.journeys.circle(clientID: client) {
                let goal = "sample-goal-\(seed)-\(k)"
                let title = ["Back to work", "Manage money", "A stable home", "Feel better", "Back to learning"][Int(rng.next() % 5)]
                now += 1
                try db.journeys.recordProgress(
                    circle: circle, .goal(id: goal, title: title, instrumentID: Instrument.standard.id), identity: identity, by: "sample", today: today,
                    nowMilliseconds: now)
                let day = LocalClock().now().day
                for area in Instrument.standard.areas.shuffled(using: &rng).prefix(Int(1 + rng.next() % 2)) {
                    let first = 2 + Int(rng.next() % 5), change = [-1, 0, 0, 1, 1, 2, 3][Int(rng.next() % 7)]
                    for (stage, date) in [(first, BusinessDays.isoDate(dayNumber: day - 21 - Int(rng.next() % 22))), (min(10, max(1, first + change)), today)] {
                        now += 1
                        try db.journeys.recordProgress(
                            circle: circle, .reading(goalID: goal, area: area, stage: stage, date: date), identity: identity, by: "sample", today: today,
                            nowMilliseconds: now)
                    }
                }
            }
            guard !partners.isEmpty, Double(rng.next() % 1000) / 1000 < referred else { continue }
            let partner = partners[Int(rng.next() % UInt64(partners.count))]
            let key = hexString(partner.author)
            now += 1
            try db.journeys.recordConsent(
                clientID: client,
                .grant(
                    ConsentGrant(
                        organization: key, purposes: [.referral], dataClasses: ["needs"], start: today, end: BusinessDays.consentEnd(months: 12, from: today),
                        method: .written, recordedBy: "Sample Caseworker"), after: []),
                identity: identity, by: "sample", nowMilliseconds: now)
            now += 1
            let service = try db.journeys.partnerService(of: partner.author)
            try db.journeys.sendReferral(
                clientID: client, to: key, serviceID: service?.id, serviceName: service?.name ?? "Any suitable service", note: "Sample referral (fictional).",
                identity: identity, by: "sample", today: today, nowMilliseconds: now)
            referrals += 1
        }
        print("Added \(clients) fictional clients with needs, some with a goal and readings, \(referrals) of them referred to another organisation.")
    }

    /// Answers the sample referrals received here, as the receiving organisation's staff would.
    func answer(_ db: NodeDatabase, identity: NodeIdentity) throws {
        var rng = SeededRandom(seed: seed)
        var now = LocalClock.nowMilliseconds()
        let today = BusinessDays.isoDate(dayNumber: LocalClock().now().day)
        try db.journeys.acknowledgeReferrals(identity: identity, nowMilliseconds: now)
        let open = try db.journeys.incomingReferrals(identity: identity, today: today, statuses: [.requested, .received]).items
        var counts: [String: Int] = [:]
        for referral in open where referral.clientName.hasSuffix("(fictional)") {
            let roll = rng.next() % 100
            var steps: [ReferralTransition] = []
            switch roll {
            case 0..<10: steps = [ReferralTransition(to: .rejected, declineReason: .noCapacity)]
            case 10..<15: steps = [ReferralTransition(to: .rejected, declineReason: .notEligible)]
            case 15..<20: steps = [ReferralTransition(to: .rejected, declineReason: .clientDeclined)]
            case 20..<50: steps = [ReferralTransition(to: .accepted)]
            case 50..<80: steps = [ReferralTransition(to: .accepted), ReferralTransition(to: .completed, outcome: "Sample outcome: took part (fictional).")]
            default: break
            }
            for step in steps {
                now += 1
                let t = step.to == .rejected ? ReferralTransition(to: .rejected, reason: step.declineReason?.words, declineReason: step.declineReason) : step
                try db.journeys.changeReferral(key: referral.key, t, identity: identity, by: "sample", today: today, nowMilliseconds: now)
            }
            counts[steps.last?.to.rawValue ?? "open", default: 0] += 1
        }
        print("Answered the sample referrals received here: " + counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ") + ".")
    }
}
