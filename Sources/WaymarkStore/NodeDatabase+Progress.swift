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
    static func instruments(_ db: Database) throws -> [Instrument] {
        guard let text = try setting(db, "instruments"), let list = try? Instrument.decode(Array(text.utf8)), !list.isEmpty else { return [.standard] }
        return list
    }

    /// Refuses an event that does not fit the goals and instruments it names.
    static func check(_ event: ProgressEvent, in journey: JourneyView, by me: String, instruments: [Instrument]) throws {
        func goal(_ id: String) throws -> GoalView {
            guard let g = journey.goals.first(where: { $0.id == id }) else { throw JourneyError(.noSuchGoal, field: "goal") }
            return g
        }
        func date(_ d: String) throws {
            guard d.utf8.count == 10, BusinessDays.dayNumber(d) != nil else { throw JourneyError(.dateFormat, field: "date") }
        }
        switch event {
        case .goal(let id, let title, let instrument):
            if title.trimmingCharacters(in: .whitespaces).isEmpty { throw JourneyError(.goalTitleMissing, field: "title") }
            if title.utf8.count > 500 { throw JourneyError(.goalTitleTooLong, field: "title") }
            if journey.goals.contains(where: { $0.id == id }) { throw JourneyError(.goalExists, field: "goal") }
            if let instrument, !instruments.contains(where: { $0.id == instrument }) {
                throw JourneyError(.noSuchInstrument, field: "instrument", ["instrument": instrument])
            }
        case .reading(let g, let area, let stage, let d):
            let goal = try goal(g)
            guard let id = goal.instrumentID, let instrument = instruments.first(where: { $0.id == id }) else {
                throw JourneyError(.milestonesOnly, field: "goal")
            }
            if !instrument.areas.contains(area) { throw JourneyError(.noSuchArea, field: "area", ["instrument": instrument.name, "area": area]) }
            if !(1...instrument.stages).contains(stage) { throw JourneyError(.stageRange, field: "stage", ["stages": String(instrument.stages)]) }
            try date(d)
        case .milestone(let g, let label, let d):
            _ = try goal(g)
            if label.trimmingCharacters(in: .whitespaces).isEmpty { throw JourneyError(.milestoneLabelMissing, field: "label") }
            if label.utf8.count > 500 { throw JourneyError(.milestoneLabelTooLong, field: "label") }
            try date(d)
        case .correction(let target, let replacement):
            let original = journey.goals.flatMap(\.events).first { $0.originalID == target }
            guard let original else { throw JourneyError(.noSuchRecord, field: "supersedes") }
            if original.author != me { throw JourneyError(.notYourRecord, field: "supersedes") }
            if case .correction = replacement { throw JourneyError(.correctionOfCorrection, field: "supersedes") }
            if replacement.goalID != original.event.goalID { throw JourneyError(.correctionOtherGoal, field: "goal") }
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
