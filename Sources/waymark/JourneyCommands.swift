import ArgumentParser
import Foundation
import WaymarkCore
import WaymarkCrypto
import WaymarkServer
import WaymarkStore

/// `waymark instrument …`: the staged scales caseworkers measure goals with.
struct InstrumentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "instrument", abstract: "List or configure the progress instruments (staged scales) of this node.",
        subcommands: [InstrumentList.self, InstrumentSet.self, InstrumentRemove.self])
}

struct InstrumentList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the instruments staff can measure goals with.")
    @OptionGroup var data: DataOption

    func run() throws {
        for i in try data.database().journeys.instruments() {
            print("\(i.id)\t\(i.name)\t\(i.stages) stages\t\(i.areas.joined(separator: "; "))")
            if !i.stageNames.isEmpty { print("\tstages: \(i.stageNames.joined(separator: "; "))") }
        }
    }
}

struct InstrumentSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Add an instrument, or replace the one with the same id.",
        discussion: """
            An instrument is a list of named areas, each scored on stages 1 to N (N from 2 to 10). Use
            your own wording: licensed instruments' content is not shipped. Readings already taken keep
            their area names and stages.
            """)
    @OptionGroup var data: DataOption
    @Option(help: "A short id, such as work.") var id: String
    @Option(help: "The name staff see.") var name: String
    @Option(help: "The areas, separated by semicolons.") var areas: String
    @Option(help: "How many stages each area has (2 to 10).") var stages = 10
    @Option(help: "Optional names of the stages, separated by semicolons (one per stage).") var stageNames: String?

    func run() throws {
        let db = try data.database()
        func list(_ s: String) -> [String] { s.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        let new = Instrument(id: id, name: name, areas: list(areas), stages: stages, stageNames: stageNames.map(list) ?? [])
        var all = try db.journeys.instruments()
        all.removeAll { $0.id == id }
        all.append(new)
        do { try db.journeys.setInstruments(all) } catch let e as JourneyError { throw fail(e.text(.english)) }
        print("Instrument \(id) saved: \(new.areas.count) areas, \(stages) stages.")
    }
}

struct InstrumentRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove an instrument (goals already measured with it keep their readings).")
    @OptionGroup var data: DataOption
    @Option(help: "The instrument's id.") var id: String

    func run() throws {
        let db = try data.database()
        var all = try db.journeys.instruments()
        guard all.contains(where: { $0.id == id }) else { throw fail("there is no instrument \(id)") }
        all.removeAll { $0.id == id }
        guard !all.isEmpty else { throw fail("a node keeps at least one instrument") }
        try db.journeys.setInstruments(all)
        print("Removed \(id).")
    }
}

/// `waymark needs`: which directory taxonomy the client form offers as the needs list.
struct NeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "needs", abstract: "Show or choose the directory taxonomy that clients' needs are picked from.",
        discussion: """
            The client form lists the terms of one taxonomy of the directory as needs; a need picked
            from it finds services classified under that term (or its children) when suggesting
            services. By default the taxonomy with the most terms is used.
            """)
    @OptionGroup var data: DataOption
    @Option(help: "The id of the taxonomy to use.") var taxonomy: String?

    func run() throws {
        let db = try data.database()
        let taxonomies = try db.journeys.taxonomies()
        if let taxonomy {
            guard taxonomies.contains(where: { $0.id == taxonomy }) else { throw fail("the directory has no taxonomy \(taxonomy)") }
            try db.setSetting("needs_taxonomy", taxonomy)
            print("Needs are now picked from \(taxonomy).")
            return
        }
        let chosen = try db.setting("needs_taxonomy")
        for t in taxonomies { print("\(t.id == chosen ? "*" : " ") \(t.id)\t\(t.name)\t\(t.terms) terms") }
        if chosen == nil { print("(none chosen: the taxonomy with the most terms is used)") }
    }
}

/// `waymark setting`: the journey settings an admin may change.
struct SettingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setting", abstract: "Show or change this node's journey settings.",
        discussion: """
            referral_response_days  working days to answer a referral before it shows as overdue (default 2)
            consent_months          the default term of a new consent, in months (default 12)
            needs_taxonomy          the directory taxonomy clients' needs are picked from (see `waymark needs`)
            """)
    static let known: [String: @Sendable (Int?) -> Bool] = [
        "referral_response_days": { ($0 ?? 0) >= 1 && ($0 ?? 0) <= 60 }, "consent_months": { ($0 ?? 0) >= 1 && ($0 ?? 0) <= 120 },
        "needs_taxonomy": { _ in true },
    ]
    @OptionGroup var data: DataOption
    @Argument(help: "The setting's name.") var name: String?
    @Argument(help: "Its new value.") var value: String?

    func run() throws {
        let db = try data.database()
        guard let name else {
            for key in Self.known.keys.sorted() { print("\(key)\t\(try db.setting(key) ?? "(default)")") }
            return
        }
        guard let check = Self.known[name] else { throw fail("unknown setting \(name); known: \(Self.known.keys.sorted().joined(separator: ", "))") }
        guard let value else {
            print(try db.setting(name) ?? "(default)")
            return
        }
        guard name == "needs_taxonomy" || check(Int(value)) else { throw fail("\(value) is not a valid value for \(name)") }
        try db.setSetting(name, value)
        print("\(name) = \(value)")
    }
}

/// `waymark sample-journey`: fictional clients with a journey, for the demo federation.
struct SampleJourney: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample-journey", abstract: "Add fictional sample clients with consents, a referral and progress (for the demo).",
        discussion: """
            Run on the home node once it knows the partner organisation (after a sync). Adds a client
            with consent for the partner, a referral to one of the partner's services, a goal with
            readings and a milestone, and a second client whose consent ends soon. Does nothing if the
            sample clients are already there.
            """)
    @OptionGroup var data: DataOption
    @Option(help: "Part of the partner organisation's name.") var partner: String
    @Flag(help: "Also print a receipt code for Róisín Sample (a new one each time; the old one stops working).") var receipt = false

    func run() throws {
        let db = try data.database()
        let identity = try data.identity()
        let now = LocalClock.nowMilliseconds()
        let today = BusinessDays.isoDate(dayNumber: LocalClock().now().day)
        let by = "sample"
        let name = "Róisín Sample (fictional)"
        if let existing = try db.caseload.clients(identity: identity, by: by, nowMilliseconds: now).first(where: { $0.record.name == name }) {
            print("The sample journey is already there.")
            if receipt { try printReceipt(db, identity, clientID: existing.id, now: now + 10) }
            return
        }
        guard let org = try db.journeys.partnerOrganizations(identity: identity).first(where: { $0.organizationName.localizedCaseInsensitiveContains(partner) }) else {
            throw fail("this node does not know an organisation named like \(partner) yet (sync first)")
        }
        let key = hexString(org.author)
        let client = try db.caseload.createClient(
            ClientRecord(
                name: name, dateOfBirth: "1994-04-12", contact: "085 000 0000 (sample)", needs: ["Digital skills", "Employment & job seeking", "Early years & childcare"],
                language: "ga", goals: ["Back to work"], notes: "Sample client for the demo federation."), identity: identity, by: by, nowMilliseconds: now)
        try db.journeys.recordConsent(
            clientID: client,
            .grant(
                ConsentGrant(
                    organization: key, purposes: [.referral, .progress], dataClasses: ["contact", "needs", "progress"], start: today,
                    end: BusinessDays.consentEnd(months: 12, from: today), method: .written, recordedBy: "Sample Caseworker"), after: []),
            identity: identity, by: by, nowMilliseconds: now + 1)
        let service = try db.journeys.partnerService(of: org.author)
        try db.journeys.sendReferral(
            clientID: client, to: key, serviceID: service?.id, serviceName: service?.name ?? "Any suitable service",
            note: "Sample referral: mornings suit best while the children are in school.", identity: identity, by: by, today: today,
            nowMilliseconds: now + 2)
        let circle = try db.journeys.journey(clientID: client, identity: identity, today: today)!.circle
        let goal = try db.journeys.recordProgress(
            circle: circle, .goal(id: "goal-sample-work", title: "Back to work", instrumentID: Instrument.standard.id), identity: identity, by: by,
            today: today, nowMilliseconds: now + 3)
        let earlier = BusinessDays.adding(-14, to: today)
        for (area, stage, date) in [("Confidence", 3, earlier), ("Job search", 2, earlier), ("Confidence", 4, today)] {
            try db.journeys.recordProgress(
                circle: circle, .reading(goalID: goal, area: area, stage: stage, date: date), identity: identity, by: by, today: today,
                nowMilliseconds: now + 4)
        }
        try db.journeys.recordProgress(
            circle: circle, .milestone(goalID: goal, label: "Wrote a CV", date: earlier), identity: identity, by: by, today: today, nowMilliseconds: now + 5)
        let second = try db.caseload.createClient(
            ClientRecord(name: "Darragh Sample (fictional)", dateOfBirth: "1988-08-08", needs: ["housing advice"]), identity: identity, by: by,
            nowMilliseconds: now + 6)
        try db.journeys.recordConsent(
            clientID: second,
            .grant(
                ConsentGrant(
                    organization: key, purposes: [.referral], dataClasses: ["needs"], start: BusinessDays.adding(-340, to: today),
                    end: BusinessDays.adding(20, to: today), method: .verbal, recordedBy: "Sample Caseworker"), after: []),
            identity: identity, by: by, nowMilliseconds: now + 7)
        print("Sample journey added: \(name), referred to \(org.organizationName); Darragh Sample's consent ends in 20 days.")
        if receipt { try printReceipt(db, identity, clientID: client, now: now + 10) }
    }

    /// A new receipt for the sample client (`Protocol/SPEC.md` §13): the code and date of birth.
    func printReceipt(_ db: NodeDatabase, _ identity: NodeIdentity, clientID: String, now: UInt64) throws {
        let r = try db.clientAccess.issueClientReceipt(clientID: clientID, identity: identity, by: "sample", nowMilliseconds: now)
        let parts = r.dateOfBirth.split(separator: "-").compactMap { Int($0) }
        print("Receipt code: \(ClientCode.shown(r.code))  date of birth: \(parts.count == 3 ? "\(parts[2]) \(parts[1]) \(parts[0])" : r.dateOfBirth)")
    }
}
