import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// Progress (`Protocol/SPEC.md` §8.3, §8.5): goals, dated readings on a staged instrument, and
/// milestones, each a kind-19 private envelope in the client's circle. The home organisation
/// encrypts to itself and to every organisation whose consent for progress sharing is in force; a
/// partner with such a consent encrypts to itself and the home organisation. Nothing is changed in
/// place: a correction supersedes the event it names.
extension NodeDatabase {
    /// The instruments staff may measure goals with (node setting `instruments`; the standard one
    /// until an admin sets a list).
    public func instruments() throws -> [Instrument] { try writer.read { db in try Self.instruments(db) } }

    static func instruments(_ db: Database) throws -> [Instrument] {
        guard let text = try setting(db, "instruments"), let list = try? Instrument.decode(Array(text.utf8)), !list.isEmpty else { return [.standard] }
        return list
    }

    /// Replaces the node's instruments (`waymark instrument set`). Readings already taken keep their
    /// area names and stages.
    public func setInstruments(_ list: [Instrument]) throws {
        for i in list { if let p = i.problem { throw ClientError(field: "instrument", message: "\(i.id): \(p)") } }
        guard Set(list.map(\.id)).count == list.count else { throw ClientError(field: "instrument", message: "instrument ids must differ") }
        try setSetting("instruments", String(decoding: Instrument.encode(list), as: UTF8.self))
    }

    /// Records a goal, reading, milestone or correction in a circle this organisation may write to.
    @discardableResult
    public func recordProgress(
        circle: String, _ event: ProgressEvent, identity: NodeIdentity, by username: String, today: String, nowMilliseconds now: UInt64
    ) throws -> String {
        try writer.write { db in
            guard let c = Circle(scope: circle) else { throw ClientError(field: "circle", message: "not a client's circle") }
            let me = hexString(identity.signingPublicKey)
            let journey = try Self.journey(db, identity: identity, circle: circle, today: today)
            var recipients = [identity.encryptionPublicKey]
            let clientID = try String.fetchOne(db, sql: "SELECT id FROM client WHERE circle = ?", arguments: [circle])
            if c.isOwned(by: identity.signingPublicKey) {
                guard clientID != nil else { throw ClientError(field: "circle", message: "that client has been erased") }
                for org in journey.consents.organizations(consentingTo: .progress, on: today) {
                    if let key = try Self.memberEncryptionKey(db, organization: org) { recipients.append(key) }
                }
            } else {
                guard journey.consents.consent(for: me, purpose: .progress, on: today) != nil else {
                    throw ClientError(field: "consent", message: "the client has not consented to share progress with this organisation")
                }
                guard let home = try Self.homeEncryptionKey(db, circle: c) else {
                    throw ClientError(field: "circle", message: "this node does not know the client's home organisation")
                }
                recipients.append(home)
            }
            try Self.check(event, in: journey, by: me, instruments: try Self.instruments(db))
            try Self.publishPrivate(db, .progress, circle: circle, JourneyPayload.progress(event).encoded(), to: recipients, identity: identity, now: now)
            try Self.audit(db, username, "record progress", subject: clientID ?? circle, detail: Self.describe(event), now: now)
            return event.goalID
        }
    }

    /// Refuses an event that does not fit the goals and instruments it names.
    static func check(_ event: ProgressEvent, in journey: JourneyView, by me: String, instruments: [Instrument]) throws {
        func problem(_ field: String, _ message: String) -> ClientError { ClientError(field: field, message: message) }
        func goal(_ id: String) throws -> GoalView {
            guard let g = journey.goals.first(where: { $0.id == id }) else { throw problem("goal", "there is no such goal for this client") }
            return g
        }
        func date(_ d: String) throws {
            guard d.utf8.count == 10, BusinessDays.dayNumber(d) != nil else { throw problem("date", "a date is YYYY-MM-DD") }
        }
        switch event {
        case .goal(let id, let title, let instrument):
            if title.trimmingCharacters(in: .whitespaces).isEmpty { throw problem("title", "a goal needs a title") }
            if title.utf8.count > 500 { throw problem("title", "a goal's title has at most 500 characters") }
            if journey.goals.contains(where: { $0.id == id }) { throw problem("goal", "that goal already exists") }
            if let instrument, !instruments.contains(where: { $0.id == instrument }) { throw problem("instrument", "this node has no instrument \(instrument)") }
        case .reading(let g, let area, let stage, let d):
            let goal = try goal(g)
            guard let id = goal.instrumentID, let instrument = instruments.first(where: { $0.id == id }) else {
                throw problem("goal", "this goal is tracked by milestones only")
            }
            if !instrument.areas.contains(area) { throw problem("area", "\(instrument.name) has no area \(area)") }
            if !(1...instrument.stages).contains(stage) { throw problem("stage", "a stage is from 1 to \(instrument.stages)") }
            try date(d)
        case .milestone(let g, let label, let d):
            _ = try goal(g)
            if label.trimmingCharacters(in: .whitespaces).isEmpty { throw problem("label", "a milestone needs a label") }
            if label.utf8.count > 500 { throw problem("label", "a milestone's label has at most 500 characters") }
            try date(d)
        case .correction(let target, let replacement):
            let original = journey.goals.flatMap(\.events).first { $0.originalID == target }
            guard let original else { throw problem("supersedes", "there is no such reading or milestone") }
            if original.author != me { throw problem("supersedes", "only the organisation that recorded it can correct it") }
            if case .correction = replacement { throw problem("supersedes", "a correction replaces a reading or a milestone") }
            if replacement.goalID != original.event.goalID { throw problem("goal", "a correction stays on the same goal") }
            try check(replacement, in: journey, by: me, instruments: instruments)
        }
    }

    /// What the audit log says of a progress record: its kind only, never what staff typed (goal
    /// titles, areas, milestones), which stays sealed in the client's circle.
    static func describe(_ event: ProgressEvent) -> String {
        switch event {
        case .goal: return "goal"
        case .reading: return "reading"
        case .milestone: return "milestone"
        case .correction(_, let with): return "correction of a " + describe(with)
        }
    }

    /// The encryption key of the organisation that opened a circle.
    static func homeEncryptionKey(_ db: Database, circle: Circle) throws -> [UInt8]? {
        for row in try Row.fetchAll(db, sql: "SELECT author, encryption_key FROM known_node") {
            if circle.isOwned(by: [UInt8](row["author"] as Data)) { return [UInt8](row["encryption_key"] as Data) }
        }
        return nil
    }
}
