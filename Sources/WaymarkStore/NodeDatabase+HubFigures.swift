import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

extension NodeDatabase {
    /// This organisation's figures for one period (`Protocol/SPEC.md` §12.1), each client's
    /// contribution bounded, from what the node holds of its own work:
    /// - `needs`: the clients registered here in the period, by each need's category, their area
    ///   (`FigureLayout.areaLabel`) and their age band on `day`;
    /// - `referrals`: the referrals this node **sent** in the period, by its category and the
    ///   receiver's (only the sender counts a referral, so no referral is counted twice);
    /// - `outcomes`: the referrals this node **received** in the period, by its category and where
    ///   they stand now (only the receiver counts them);
    /// - `response`: the same referrals by the working days this node took to accept or decline
    ///   them (`none` while it has not), and to close them (`close`, `open` while it has not).
    /// A client is their circle, so one person counts once in a cell however many referrals they have.
    /// - Parameters:
    ///   - needCategory: the category (a layout label) of a need term, if it has one.
    ///   - organisationCategory: the category of an organisation by its node's signing key (hex).
    public func hubFigures(
        layout: FigureLayout, identity: NodeIdentity, from: UInt64, to: UInt64, day: String, needCategory: (String) -> String?,
        organisationCategory: (String) -> String?
    ) throws -> BoundedCounter {
        var counter = BoundedCounter(layout: layout)
        let me = hexString(identity.signingPublicKey)
        // A client counts in a family in at most `FigureLayout.weeksPerQuarter` weeks of a quarter
        // (§12.4): the weeks of the quarter so far in which each client had something to count.
        let week = StatisticsPeriod(containing: from)
        let quarterStart = min(from, week.firstWeekOfQuarter.bounds.start)
        // Read first, then count: the callers' category look-ups read the database too.
        let (clients, quarterRows, responses, journeys, shared) = try writer.read { db in
            let quarterRows = try Row.fetchAll(
                db,
                sql:
                    "SELECT referral, circle, sender, recipient, status, sent_at FROM referral_index WHERE sent_at >= ? AND sent_at < ? AND (sender = ? OR recipient = ?) ORDER BY sent_at, referral",
                arguments: [Int64(quarterStart), Int64(to), me, me])
            let rows = quarterRows.filter { ($0["sent_at"] as Int64) >= Int64(from) }
            // Days to respond to the referrals received: from the referral to the receiver's first
            // accept or decline that took effect, in working days (folded from the circle's records).
            var responses: [String: Int?] = [:], closes: [String: Int] = [:]
            // Referrals declined for lack of capacity (the reason is inside the receiver's own status change).
            var declinedForCapacity = Set<String>()
            let toMe = rows.filter { ($0["recipient"] as String) == me }
            let received = Set(toMe.map { hexString([UInt8]($0["referral"] as Data)) })
            for circle in Set(toMe.map { $0["circle"] as String }) {
                for v in try Self.referralViews(db, identity: identity, circle: circle, today: day) where received.contains(v.key) {
                    if let closing = v.fold.closing, closing.to == .rejected, closing.declineReason == .noCapacity { declinedForCapacity.insert(v.key) }
                    let answer = v.fold.history.first { step in
                        step.refused == nil && step.role == .recipient && [.accepted, .rejected].contains(step.change.transition.to)
                    }
                    responses[v.key] = answer.map { BusinessDays.between(clock: v.fold.sentClock, $0.change.clock) }
                    // Days to close: to the change that closed it, as it stands now.
                    if let closed = v.fold.closingChange { closes[v.key] = BusinessDays.between(clock: v.fold.sentClock, closed.clock) }
                }
            }
            let all = try Self.readClients(db, identity: identity, id: nil)
            // Progress and the client's own view, folded from the journeys of this node's own clients.
            let journeys = try all.map { c in (c.circle, try Self.journey(db, identity: identity, circle: c.circle, today: day)) }
            let registered = all.filter { $0.createdAt >= from && $0.createdAt < to }
            return (registered, quarterRows, (days: responses, noCapacity: declinedForCapacity, close: closes), journeys, try Self.sharedClients(db, identity: identity, clients: registered, day: day))
        }
        var sentWeeks: [String: Set<String>] = [:], receivedWeeks: [String: Set<String>] = [:]
        for row in quarterRows {
            let circle: String = row["circle"], at = UInt64(row["sent_at"] as Int64)
            let w = StatisticsPeriod(containing: at).week
            if (row["sender"] as String) == me { sentWeeks[circle, default: []].insert(w) }
            if (row["recipient"] as String) == me { receivedWeeks[circle, default: []].insert(w) }
        }
        let referrals = quarterRows.filter { ($0["sent_at"] as Int64) >= Int64(from) }
        let areas = layout.areas
        for c in clients {
            // A person another organisation also holds, and counts (§12.1, "A person at two organisations").
            if let person = SharedClients.personKey(name: c.record.name, dateOfBirth: c.record.dateOfBirth), let holders = shared.holders[person],
                SharedClients.countedElsewhere(me: me, holders: holders, told: shared.told[c.circle] ?? [])
            {
                continue
            }
            let age = FigureLayout.ageBand(dateOfBirth: c.record.dateOfBirth.isEmpty ? nil : c.record.dateOfBirth, on: day)
            let area = FigureLayout.areaLabel(c.record.area, areas: areas)
            for need in c.record.needs {
                guard let category = needCategory(need) else { continue }
                counter.add(client: c.circle, FigureCell("needs", [category, area, age]))
            }
        }
        let mine = organisationCategory(me)
        for row in referrals {
            let circle: String = row["circle"], sender: String = row["sender"], recipient: String = row["recipient"]
            guard let status = ReferralStatus(rawValue: row["status"]) else { continue }
            if sender == me, let from = mine, let to = organisationCategory(recipient),
                FigureLayout.countsThisWeek(week, active: sentWeeks[circle] ?? [])
            {
                counter.add(client: circle, FigureCell("referrals", [from, to]))
            }
            if recipient == me, let at = mine, FigureLayout.countsThisWeek(week, active: receivedWeeks[circle] ?? []) {
                let key = hexString([UInt8](row["referral"] as Data))
                counter.add(client: circle, FigureCell("outcomes", [at, Self.outcome(status, noCapacity: responses.noCapacity.contains(key))]))
                counter.add(client: circle, FigureCell("response", [at, FigureLayout.responseBucket(days: responses.days[key] ?? nil)]))
                counter.add(client: circle, FigureCell("response", [at, "close", FigureLayout.closeBucket(days: responses.close[key])]))
            }
        }
        Self.countProgress(journeys, into: &counter, from: from, to: to, quarterStart: quarterStart)
        return counter
    }

    /// What this node holds of its clients at other organisations (§12.1, "A person at two
    /// organisations"): by person key, the organisations that referred that person here from their own
    /// clients, read from referrals whose consent for this organisation is in force on `day` (after a
    /// withdrawal, what the referral said is not used); and, by circle, the organisations this node
    /// referred each of its own clients to. Read only when a client registered in the period has a
    /// person key.
    static func sharedClients(
        _ db: Database, identity: NodeIdentity, clients: [ClientSummary], day: String
    ) throws -> (holders: [String: Set<String>], told: [String: Set<String>]) {
        guard clients.contains(where: { SharedClients.personKey(name: $0.record.name, dateOfBirth: $0.record.dateOfBirth) != nil }) else { return ([:], [:]) }
        let me = hexString(identity.signingPublicKey)
        var holders: [String: Set<String>] = [:], told: [String: Set<String>] = [:]
        for circle in try String.fetchAll(db, sql: "SELECT DISTINCT circle FROM referral_index WHERE recipient = ? AND sender <> ?", arguments: [me, me]) {
            let journey = try referralJourney(db, circle: circle, identity: identity, today: day)
            guard case .granted(let grant, _) = journey.consents.standing(of: me), grant.covers(day: day) else { continue }
            for v in journey.referrals where v.recipient == me {
                if let person = SharedClients.personKey(name: v.record.clientName, dateOfBirth: v.record.clientDateOfBirth) { holders[person, default: []].insert(v.sender) }
            }
        }
        for row in try Row.fetchAll(db, sql: "SELECT circle, recipient FROM referral_index WHERE sender = ?", arguments: [me]) {
            told[row["circle"] as String, default: []].insert(row["recipient"] as String)
        }
        return (holders, told)
    }

    /// `progress` (§12.1), changes and the client's own view, counted by the home organisation only (it holds every reading
    /// in its clients' circles, whoever took it, so no reading is counted twice): per area of a goal,
    /// the change from the worker's first reading to the latest when the latest falls in the period;
    /// and, where the client gave their own view in the period and agreed it be counted, their
    /// stage against the worker's latest.
    static func countProgress(
        _ journeys: [(String, JourneyView)], into counter: inout BoundedCounter, from: UInt64, to: UInt64, quarterStart: UInt64? = nil
    ) {
        let first = BusinessDays.isoDate(dayNumber: Int(from / 86_400_000)), last = BusinessDays.isoDate(dayNumber: Int((to - 1) / 86_400_000))
        let quarterFirst = BusinessDays.isoDate(dayNumber: Int((quarterStart ?? from) / 86_400_000))
        func inPeriod(_ date: String) -> Bool { date >= first && date <= last }
        let week = StatisticsPeriod(containing: from)
        for (circle, journey) in journeys {
            // The weeks of the quarter so far with a reading of the worker's or the client's own.
            var active = Set<String>()
            for goal in journey.goals {
                for e in goal.events {
                    if case .reading(_, _, _, let date) = e.event, date >= quarterFirst, date <= last, let day = LocalDateTime.parseDate(date) {
                        active.insert(StatisticsPeriod(containing: UInt64(day) * 86_400_000).week)
                    }
                }
                for own in (journey.clientReadings[goal.id] ?? [:]).values where own.counted && own.date >= quarterFirst && own.date <= last {
                    if let day = LocalDateTime.parseDate(own.date) { active.insert(StatisticsPeriod(containing: UInt64(day) * 86_400_000).week) }
                }
            }
            guard FigureLayout.countsThisWeek(week, active: active) else { continue }
            for goal in journey.goals {
                var byArea: [String: [(date: String, clock: UInt64, stage: Int)]] = [:]
                for e in goal.events {
                    if case .reading(_, let area, let stage, let date) = e.event { byArea[area, default: []].append((date, e.clock, stage)) }
                }
                for (area, readings) in byArea.sorted(by: { $0.key < $1.key }) {
                    let ordered = readings.sorted { ($0.date, $0.clock) < ($1.date, $1.clock) }
                    guard let latest = ordered.last else { continue }
                    if ordered.count >= 2, inPeriod(latest.date) {
                        counter.add(client: circle, FigureCell("progress", [area, FigureLayout.progressBucket(change: latest.stage - ordered[0].stage)]))
                    }
                    if let own = journey.clientReadings[goal.id]?[area], own.counted, inPeriod(own.date) {
                        counter.add(client: circle, FigureCell("progress", [area, "client-view", FigureLayout.gapBucket(client: own.stage, worker: latest.stage)]))
                    }
                }
            }
        }
    }

    /// Where a referral stands, as the hub counts it (§12.1): a decline whose reason from the list is
    /// `no-capacity` counts as `declined-capacity`, any other as `declined-other`.
    static func outcome(_ status: ReferralStatus, noCapacity: Bool = false) -> String {
        switch status {
        case .accepted, .inProgress, .onHold: return "accepted"
        case .rejected: return noCapacity ? "declined-capacity" : "declined-other"
        case .completed: return "completed"
        case .failed: return "failed"
        case .cancelled, .enteredInError: return "cancelled"
        case .requested, .received: return "open"
        }
    }
}

extension Directory {
    /// How the hub's cells name categories (§12.1): the directory's top-level taxonomy terms, by id
    /// (the same on every node, since the taxonomy is shared rows); a need (a term name, as client
    /// records hold it) falls in the top-level term above it; an organisation in the top-level term
    /// most of its services are under (ties to the lowest id).
    public func hubCategories() throws -> (categories: [String], need: @Sendable (String) -> String?, organisation: (String) throws -> String?) {
        let snap = try snapshot()
        let terms = snap.terms
        func top(_ id: String) -> String? {
            var current = id
            var seen: Set<String> = []
            while let t = terms[current], let parent = t.parentID, seen.insert(current).inserted { current = parent }
            return terms[current] == nil ? nil : current
        }
        let categories = terms.filter { $0.value.parentID == nil }.keys.sorted()
        var byName: [String: String] = [:]
        for (id, t) in terms.sorted(by: { $0.key < $1.key }) where byName[t.name.lowercased()] == nil { byName[t.name.lowercased()] = top(id) }
        let needs = byName
        let database = self.database
        return (
            categories, { needs[$0.lowercased()] },
            { publisher in
                var counts: [String: Int] = [:]
                for s in try database.services(publisher: publisher, limit: 100_000) {
                    for term in snap.index.facts(s.id)?.termIDs ?? [] { if let t = top(term) { counts[t, default: 0] += 1 } }
                }
                return counts.max { a, b in a.value != b.value ? a.value < b.value : a.key > b.key }?.key
            }
        )
    }
}
