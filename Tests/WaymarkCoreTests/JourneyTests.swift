import Testing
import WaymarkCore

/// The journey CRM's pure rules: the referral state machine and its fold, the consent CRDT, the
/// progress fold, and the payload codec.
struct ReferralMachineTests {
    static let legal: [ReferralStatus: Set<ReferralStatus>] = [
        .requested: [.received, .accepted, .rejected, .cancelled, .enteredInError],
        .received: [.accepted, .rejected, .cancelled, .enteredInError],
        .accepted: [.inProgress, .onHold, .completed, .failed, .cancelled, .enteredInError],
        .inProgress: [.onHold, .completed, .failed, .cancelled, .enteredInError],
        .onHold: [.inProgress, .completed, .failed, .cancelled, .enteredInError],
        .rejected: [.enteredInError], .completed: [.enteredInError], .failed: [.enteredInError], .cancelled: [.enteredInError],
        .enteredInError: [],
    ]
    static let senderMay: Set<ReferralStatus> = [.requested, .cancelled, .enteredInError]
    static let recipientMay: Set<ReferralStatus> = [.received, .accepted, .rejected, .inProgress, .onHold, .completed, .failed, .cancelled]

    /// Every (from, to, role) triple: allowed exactly when the table and the role allow it.
    @Test func everyTransitionForEveryRole() {
        var allowed = 0
        for from in ReferralStatus.allCases {
            for to in ReferralStatus.allCases {
                for role in [ReferralRole.sender, .recipient] {
                    let t = ReferralTransition(to: to, reason: "because", outcome: "got a place")
                    let error = ReferralMachine.check(from: from, t, by: role)
                    let roleOK = role == .sender ? Self.senderMay.contains(to) : Self.recipientMay.contains(to)
                    let expected = Self.legal[from]!.contains(to) && roleOK
                    #expect((error == nil) == expected, "\(from) → \(to) by \(role): \(String(describing: error))")
                    if !Self.legal[from]!.contains(to) { #expect(error == .notAllowed(from: from, to: to)) }
                    if error == nil { allowed += 1 }
                }
            }
        }
        #expect(allowed == 34)
    }

    @Test func reasonsAndOutcomesAreRequired() {
        for s in [ReferralStatus.rejected, .cancelled] {
            #expect(ReferralMachine.check(from: .received, .init(to: s), by: .recipient) == .reasonRequired(s))
            #expect(ReferralMachine.check(from: .received, .init(to: s, reason: "  "), by: .recipient) == .reasonRequired(s))
        }
        #expect(ReferralMachine.check(from: .inProgress, .init(to: .onHold), by: .recipient) == .reasonRequired(.onHold))
        #expect(ReferralMachine.check(from: .inProgress, .init(to: .failed), by: .recipient) == .reasonRequired(.failed))
        #expect(ReferralMachine.check(from: .inProgress, .init(to: .completed), by: .recipient) == .outcomeRequired)
        #expect(ReferralMachine.check(from: .inProgress, .init(to: .completed, outcome: "started the course"), by: .recipient) == nil)
        // A decline may be explained by a reason from the list alone; nothing else may.
        #expect(ReferralMachine.check(from: .received, .init(to: .rejected, declineReason: .noCapacity), by: .recipient) == nil)
        #expect(ReferralMachine.check(from: .received, .init(to: .cancelled, declineReason: .noCapacity), by: .recipient) == .reasonRequired(.cancelled))
        #expect(ReferralTransition(to: .accepted, declineReason: .other).declineReason == nil)
    }

    @Test func aDeclineReasonTravelsInTheStatusChangeAndAnUnknownOneReadsAsAnother() throws {
        let change = JourneyPayload.referralStatus(referralID: "r1", ReferralTransition(to: .rejected, reason: "full until March", declineReason: .noCapacity))
        let bytes = change.encoded()
        #expect(String(decoding: bytes, as: UTF8.self).contains(#""reason_code":"no-capacity""#))
        guard case .referralStatus(_, let t) = try JourneyPayload.decode(bytes, kind: .referralStatus) else { Issue.record("not a status change"); return }
        #expect(t.declineReason == .noCapacity && t.reason == "full until March")
        let later = Array(#"{"reason_code":"waiting-list-closed","referral_id":"r1","status":"rejected"}"#.utf8)
        guard case .referralStatus(_, let u) = try JourneyPayload.decode(later, kind: .referralStatus) else { Issue.record("not a status change"); return }
        #expect(u.declineReason == .other)
    }

    @Test func choicesOfferOnlyWhatTheRoleMaySet() {
        #expect(ReferralMachine.choices(from: .received, for: .recipient) == [.accepted, .rejected, .cancelled])
        #expect(ReferralMachine.choices(from: .received, for: .sender) == [.cancelled, .enteredInError])
        #expect(ReferralMachine.choices(from: .completed, for: .recipient).isEmpty)
    }
}

struct ReferralFoldTests {
    static let a = "aa", b = "bb", c = "cc"

    static func change(_ n: UInt8, _ clock: UInt64, _ author: String, _ to: ReferralStatus, reason: String? = nil, outcome: String? = nil)
        -> ReferralFold.Change
    {
        .init(id: [UInt8](repeating: n, count: 32), clock: clock, author: author, transition: .init(to: to, reason: reason, outcome: outcome))
    }

    static func fold(_ changes: [ReferralFold.Change]) -> ReferralFold {
        var f = ReferralFold(sender: a, recipient: b, sentClock: 10)
        for c in changes { f.apply(c) }
        return f
    }

    @Test func theClosedLoop() {
        let f = Self.fold([
            Self.change(1, 11, Self.b, .received), Self.change(2, 12, Self.b, .accepted), Self.change(3, 13, Self.b, .inProgress),
            Self.change(4, 14, Self.b, .onHold, reason: "in hospital"), Self.change(5, 15, Self.b, .inProgress),
            Self.change(6, 16, Self.b, .completed, outcome: "finished the course"),
        ])
        #expect(f.status == .completed)
        #expect(f.closing?.outcome == "finished the course")
        #expect(f.history.allSatisfy { $0.refused == nil })
    }

    /// The sender cancels while the recipient accepts: every order of arrival gives the same result,
    /// decided by (clock, id); the change that lost is kept and shown as refused.
    @Test func concurrentChangesFromBothSidesConverge() {
        let received = Self.change(1, 11, Self.b, .received)
        let cancel = Self.change(2, 20, Self.a, .cancelled, reason: "client moved")
        let accept = Self.change(3, 20, Self.b, .accepted)
        let start = Self.change(4, 21, Self.b, .inProgress)
        let all = [received, cancel, accept, start]
        var results = Set<String>()
        for perm in permutations(all) {
            let f = Self.fold(perm)
            results.insert("\(f.status.rawValue) \(f.history.map { $0.refused == nil ? "ok" : "no" })")
        }
        #expect(results.count == 1)
        // Same clock: the lower id (the cancel) comes first; the accept after it is refused.
        let f = Self.fold(all)
        #expect(f.status == .cancelled)
        #expect(f.history.map(\.change.transition.to) == [.received, .cancelled, .accepted, .inProgress])
        #expect(f.history.map { $0.refused == nil } == [true, true, false, false])
    }

    @Test func anOutsiderOrTheWrongSideChangesNothing() {
        let f = Self.fold([
            Self.change(1, 11, Self.c, .accepted), Self.change(2, 12, Self.a, .accepted), Self.change(3, 13, Self.b, .rejected),
        ])
        #expect(f.status == .requested)
        #expect(f.history.allSatisfy { $0.refused != nil })
        #expect(f.history[0].role == nil)
        // A change dated before the referral was sent is refused.
        let early = Self.fold([Self.change(4, 5, Self.b, .received)])
        #expect(early.status == .requested)
    }

    @Test func applyingTwiceIsApplyingOnce() {
        let c = Self.change(1, 11, Self.b, .received)
        #expect(Self.fold([c, c, c]).history.count == 1)
    }

    @Test func businessDays() {
        // 2026-11-20 is a Friday.
        #expect(BusinessDays.between("2026-11-20", "2026-11-23") == 1)
        #expect(BusinessDays.between("2026-11-20", "2026-11-22") == 0)
        #expect(BusinessDays.between("2026-11-16", "2026-11-23") == 5)
        #expect(BusinessDays.adding(12, to: "2026-12-25") == "2027-01-06")
        #expect(BusinessDays.adding(-1, to: "2024-03-01") == "2024-02-29")
        #expect(BusinessDays.dayNumber("1970-01-01") == 0)
        #expect(BusinessDays.dayNumber("not a date") == nil)
        #expect(BusinessDays.consentEnd(months: 12, from: "2026-11-22") == "2027-11-21")
        #expect(BusinessDays.consentEnd(months: 12, from: "2027-03-01") == "2028-02-29")
        #expect(BusinessDays.consentEnd(months: 12, from: "2024-02-29") == "2025-02-28")
        #expect(BusinessDays.consentEnd(months: 1, from: "2026-01-31") == "2026-02-28")
        #expect(BusinessDays.consentEnd(months: 24, from: "2026-12-15") == "2028-12-14")
    }
}

struct ConsentFoldTests {
    static func grant(_ n: UInt8, _ clock: UInt64, org: String = "bb", purposes: Set<ConsentPurpose> = [.referral, .progress], after: [[UInt8]] = [])
        -> ConsentFold.Entry
    {
        let g = ConsentGrant(
            organization: org, purposes: purposes, dataClasses: ["contact", "needs"], start: "2026-11-01", end: "2027-10-31", method: .written,
            recordedBy: "mary")
        return .init(id: [UInt8](repeating: n, count: 32), clock: clock, event: .grant(g, after: after))
    }

    static func revoke(_ n: UInt8, _ clock: UInt64, org: String = "bb") -> ConsentFold.Entry {
        .init(id: [UInt8](repeating: n, count: 32), clock: clock, event: .revoke(organization: org, method: .verbal, recordedBy: "mary", reason: nil))
    }

    static func fold(_ entries: [ConsentFold.Entry]) -> ConsentFold {
        var f = ConsentFold()
        for e in entries { f.apply(e) }
        return f
    }

    /// A referral carries the client's name and date of birth, and their contact details and needs
    /// only as far as the consent's data classes say.
    @Test func aReferralCarriesWhatTheConsentCovers() {
        let client = ClientRecord(name: "Aoife", dateOfBirth: "1990-01-01", contact: "087 000 0000", needs: ["housing"])
        func consent(_ classes: [String]) -> ConsentGrant {
            ConsentGrant(organization: "bb", purposes: [.referral], dataClasses: classes, start: "2026-11-01", end: "2027-10-31", method: .written, recordedBy: "m")
        }
        let bare = ReferralPolicy.record(id: "r", to: "bb", serviceID: nil, serviceName: nil, client: client, consent: consent([]), note: "", reroutes: nil)
        #expect(bare.clientName == "Aoife" && bare.clientDateOfBirth == "1990-01-01" && bare.clientContact == nil && bare.needs.isEmpty)
        let full = ReferralPolicy.record(
            id: "r", to: "bb", serviceID: nil, serviceName: nil, client: client, consent: consent(["contact", "needs"]), note: "", reroutes: nil)
        #expect(full.clientContact == "087 000 0000" && full.needs == ["housing"])
    }

    /// After a withdrawal the receiving organisation writes nothing more into the circle, and the
    /// referring one's closing record stays at home (§8.6).
    @Test func aStatusChangeReachesWhomTheConsentsAllow() {
        let inForce = Self.fold([Self.grant(1, 10)]), withdrawn = Self.fold([Self.grant(1, 10), Self.revoke(2, 20)])
        #expect(ReferralPolicy.sharing(role: .recipient, consents: inForce, me: "bb", other: "aa") == .bothSides)
        #expect(ReferralPolicy.sharing(role: .sender, consents: inForce, me: "aa", other: "bb") == .bothSides)
        #expect(ReferralPolicy.sharing(role: .recipient, consents: withdrawn, me: "bb", other: "aa") == .refused)
        // After the withdrawal the receiving organisation may still close the loop, and only that.
        #expect(ReferralPolicy.sharing(role: .recipient, consents: withdrawn, me: "bb", other: "aa", closing: true) == .bothSides)
        #expect(ReferralPolicy.sharing(role: .sender, consents: withdrawn, me: "aa", other: "bb") == .authorOnly)
    }

    @Test func grantCoversItsTermAndPurposes() {
        let f = Self.fold([Self.grant(1, 10, purposes: [.referral])])
        #expect(f.consent(for: "bb", purpose: .referral, on: "2026-11-22") != nil)
        #expect(f.consent(for: "bb", purpose: .progress, on: "2026-11-22") == nil)
        #expect(f.consent(for: "bb", purpose: .referral, on: "2027-11-01") == nil)
        #expect(f.consent(for: "cc", purpose: .referral, on: "2026-11-22") == nil)
    }

    /// A revoke concurrent with a grant (neither saw the other) wins, in every order and even when
    /// the grant has the later clock.
    @Test func aConcurrentRevokeWins() {
        let g1 = Self.grant(1, 10)
        let r = Self.revoke(2, 20)
        let g2 = Self.grant(3, 30)  // did not see the revoke
        for perm in permutations([g1, r, g2]) {
            let f = Self.fold(perm)
            #expect(f.standing(of: "bb") == .revoked(id: r.id))
            #expect(f.consent(for: "bb", purpose: .referral, on: "2026-11-22") == nil)
        }
    }

    @Test func aRegrantThatFollowsTheRevokeRestoresConsent() {
        let r = Self.revoke(2, 20)
        let again = Self.grant(3, 30, after: [r.id])
        for perm in permutations([Self.grant(1, 10), r, again]) {
            let f = Self.fold(perm)
            #expect(f.standing(of: "bb") == .granted(f.consent(for: "bb", purpose: .referral, on: "2026-11-22")!, id: again.id))
        }
        // A second revoke, concurrent with the re-grant, wins again.
        let r2 = Self.revoke(4, 25)
        #expect(Self.fold([Self.grant(1, 10), r, again, r2]).standing(of: "bb") == .revoked(id: r2.id))
        #expect(Self.fold([r, again, r2]).revokes(of: "bb") == [r.id, r2.id])
    }

    /// Progress from another organisation counts only under a consent for sharing progress that
    /// stood when it was written and covered that day: not a referral-only consent, not an ended
    /// one, not one revoked before, and not one narrowed to referrals before.
    @Test func progressCountsOnlyUnderAProgressConsentInItsTerm() {
        let owner = [UInt8](repeating: 0xAA, count: 32), partner = [UInt8](repeating: 0xBB, count: 32)
        let org = hexString(partner)
        let circle = Circle(owner: owner, random: [UInt8](repeating: 7, count: 12))
        // Clocks: packed milliseconds; 2026-11-22 12:00 UTC and 2027-11-22 (after the term).
        let inTerm = HybridClock.pack(milliseconds: 1_795_348_800_000, counter: 0)
        let afterTerm = HybridClock.pack(milliseconds: 1_826_884_800_000, counter: 0)
        let early = inTerm - (1 << 20)
        func counts(_ entries: [ConsentFold.Entry], at clock: UInt64) -> Bool {
            CircleRules.counts(.progress, author: partner, clock: clock, in: circle, consents: Self.fold(entries))
        }
        #expect(CircleRules.counts(.progress, author: owner, clock: inTerm, in: circle, consents: ConsentFold()))
        #expect(!counts([], at: inTerm))
        #expect(counts([Self.grant(1, early, org: org)], at: inTerm))
        #expect(!counts([Self.grant(1, early, org: org, purposes: [.referral])], at: inTerm), "a referral consent is not a progress consent")
        #expect(!counts([Self.grant(1, early, org: org)], at: afterTerm), "the consent had ended")
        #expect(!counts([Self.grant(1, inTerm + 5, org: org)], at: inTerm), "granted only after the progress was written")
        #expect(!counts([Self.grant(1, early, org: org), Self.revoke(2, early + 1, org: org)], at: inTerm))
        let narrowed = Self.grant(3, early + 2, org: org, purposes: [.referral])
        #expect(!counts([Self.grant(1, early, org: org), narrowed], at: inTerm), "narrowed to referrals before")
        #expect(counts([Self.grant(1, early, org: org), Self.grant(3, inTerm + 5, org: org, purposes: [.referral])], at: inTerm),
                "progress written before the consent was narrowed still counts")
    }

    @Test func organisationsAreIndependent() {
        let f = Self.fold([Self.grant(1, 10, org: "bb"), Self.grant(2, 11, org: "cc"), Self.revoke(3, 12, org: "cc")])
        #expect(f.consent(for: "bb", purpose: .referral, on: "2026-11-22") != nil)
        #expect(f.consent(for: "cc", purpose: .referral, on: "2026-11-22") == nil)
        #expect(f.organizations == ["bb", "cc"])
        #expect(f.standing(of: "dd") == .none)
    }

    @Test func expiringSoon() {
        let f = Self.fold([Self.grant(1, 10)])
        let add = { (d: String, n: Int) in BusinessDays.adding(n, to: d) }
        #expect(f.expiring(today: "2027-10-10", withinDays: 30, addDays: add).map(\.organization) == ["bb"])
        #expect(f.expiring(today: "2027-09-01", withinDays: 30, addDays: add).isEmpty)
    }
}

struct ProgressFoldTests {
    static func entry(_ n: UInt8, _ clock: UInt64, _ author: String, _ e: ProgressEvent) -> ProgressFold.Entry {
        .init(id: [UInt8](repeating: n, count: 32), clock: clock, author: author, event: e)
    }

    @Test func correctionsSupersedeAndNeverOverwrite() {
        let goal = Self.entry(1, 10, "aa", .goal(id: "g1", title: "Get a job", instrumentID: "work"))
        let reading = Self.entry(2, 11, "bb", .reading(goalID: "g1", area: "confidence", stage: 3, date: "2026-11-20"))
        let fix = Self.entry(3, 12, "bb", .correction(supersedes: reading.id, with: .reading(goalID: "g1", area: "confidence", stage: 4, date: "2026-11-20")))
        let later = Self.entry(4, 13, "bb", .correction(supersedes: reading.id, with: .reading(goalID: "g1", area: "confidence", stage: 5, date: "2026-11-20")))
        let forged = Self.entry(5, 14, "cc", .correction(supersedes: reading.id, with: .reading(goalID: "g1", area: "confidence", stage: 9, date: "2026-11-20")))
        for perm in permutations([goal, reading, fix, later, forged]) {
            var f = ProgressFold()
            for e in perm { f.apply(e) }
            #expect(f.current.count == 2)
            #expect(f.current[1].corrected)
            #expect(f.latestReadings(goalID: "g1")["confidence"]?.stage == 5)
        }
    }

    @Test func latestReadingByDate() {
        var f = ProgressFold()
        f.apply(Self.entry(1, 10, "bb", .reading(goalID: "g", area: "a", stage: 6, date: "2026-11-21")))
        f.apply(Self.entry(2, 11, "bb", .reading(goalID: "g", area: "a", stage: 2, date: "2026-10-01")))
        #expect(f.latestReadings(goalID: "g")["a"]?.stage == 6)
    }

    @Test func instrumentsAreChecked() {
        #expect(Instrument(id: "w", name: "Work readiness", areas: ["a", "b"]).problem == nil)
        #expect(Instrument(id: "w", name: "W", areas: []).problem != nil)
        #expect(Instrument(id: "w", name: "W", areas: ["a", "a"]).problem != nil)
        #expect(Instrument(id: "w", name: "W", areas: ["a"], stages: 11).problem != nil)
        #expect(Instrument(id: "w", name: "W", areas: ["a"], stages: 3, stageNames: ["x"]).problem != nil)
    }
}

struct JourneyPayloadTests {
    @Test func everyPayloadRoundTrips() throws {
        let id = [UInt8](repeating: 7, count: 32)
        let payloads: [JourneyPayload] = [
            .consent(ConsentFoldTests.grant(1, 1, after: [id]).event),
            .consent(.revoke(organization: "bb", method: .digital, recordedBy: "mary", reason: "changed her mind")),
            .referral(
                ReferralRecord(
                    id: "r1", to: "bb", serviceID: "s1", serviceName: "Jobs club", clientName: "Aoife Byrne", clientDateOfBirth: "1990-04-02",
                    clientContact: "087 000 0000", needs: ["employment"], note: "wants evening hours", reroutes: "r0")),
            .referralStatus(referralID: "r1", ReferralTransition(to: .rejected, reason: "full")),
            .referralStatus(referralID: "r1", ReferralTransition(to: .completed, outcome: "placed")),
            .progress(.goal(id: "g", title: "Job", instrumentID: nil)),
            .progress(.reading(goalID: "g", area: "a", stage: 7, date: "2026-11-22")),
            .progress(.milestone(goalID: "g", label: "Started the course", date: "2026-11-22")),
            .progress(.correction(supersedes: id, with: .milestone(goalID: "g", label: "Started", date: "2026-11-21"))),
            .erasure(Erasure(circle: "circle:0123", requestedOn: "2026-11-22")),
            .erasureAcknowledgement(erasureID: id),
        ]
        for p in payloads {
            let back = try JourneyPayload.decode(p.encoded(), kind: p.kind)
            #expect(back == p)
            #expect(back.encoded() == p.encoded())
        }
    }

    @Test func badPayloadsNameTheField() {
        func problem(_ json: String, _ kind: Envelope.Kind) -> String? {
            do {
                _ = try JourneyPayload.decode(Array(json.utf8), kind: kind)
                return nil
            } catch let p as JourneyPayload.Problem { return p.field } catch { return "other" }
        }
        #expect(problem("[]", .consent) == "payload")
        #expect(problem("{", .consent) == "payload")
        #expect(problem(#"{"type":"grant","organization":"bb","method":"telepathy","recorded_by":"m"}"#, .consent) == "method")
        #expect(
            problem(
                #"{"type":"grant","organization":"bb","method":"written","recorded_by":"m","purposes":["referral"],"data_classes":[],"start":"2026-12-01","end":"2026-01-01","after":[]}"#,
                .consent) == "end")
        #expect(problem(#"{"referral_id":"r","status":"lost"}"#, .referralStatus) == "status")
        #expect(problem(#"{"type":"reading","goal_id":"g","area":"a","stage":11,"date":"2026-11-22"}"#, .progress) == "stage")
        #expect(problem(#"{"type":"reading","goal_id":"g","area":"a","stage":2.5,"date":"2026-11-22"}"#, .progress) == "stage")
        #expect(problem(#"{"type":"milestone","goal_id":"g","label":"x","date":"22/11/2026"}"#, .progress) == "date")
        #expect(problem(#"{"erasure":"abcd"}"#, .erasureAcknowledgement) == "erasure")
        #expect(problem(#"{"to":"bb"}"#, .referral) == "referral_id")
        #expect(problem("{}", .directoryRecord) == "kind")
    }

    @Test func decodingArbitraryBytesNeverCrashes() {
        var rng = SeededRandom(seed: 5)
        let seed = JourneyPayload.referral(ReferralRecord(id: "r1", to: "bb", clientName: "A", needs: ["x"])).encoded()
        for kind in [Envelope.Kind.consent, .referral, .referralStatus, .progress, .erasure, .erasureAcknowledgement] {
            for _ in 0..<300 {
                var m = seed
                for _ in 0..<3 { m[Int.random(in: 0..<m.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng) }
                _ = try? JourneyPayload.decode(m, kind: kind)
                _ = try? JourneyPayload.decode(Array(m.prefix(Int.random(in: 0..<m.count, using: &rng))), kind: kind)
            }
        }
    }
}

/// Every ordering of a few items.
func permutations<T>(_ items: [T]) -> [[T]] {
    if items.count <= 1 { return [items] }
    var out: [[T]] = []
    for (i, x) in items.enumerated() {
        var rest = items
        rest.remove(at: i)
        for p in permutations(rest) { out.append([x] + p) }
    }
    return out
}

/// Circles and the admission rules for journey envelopes (judged from the envelope alone; the
/// signature is checked elsewhere).
struct JourneyAdmissionTests {
    static let owner = [UInt8](repeating: 0xA1, count: 32)
    static let other = [UInt8](repeating: 0xB2, count: 32)
    static let circle = Circle(owner: owner, random: Array(0..<12))

    static func envelope(_ kind: Envelope.Kind, scope: String, author: [UInt8] = owner, recipients: Int = 1, payload: [UInt8]?) -> Envelope {
        let header = Envelope.Header(
            kind: kind, scope: scope, author: author, sequence: 1, dependencies: [], clock: 1, payloadHash: [UInt8](repeating: 0, count: 32),
            payloadSize: UInt64(payload?.count ?? 0),
            recipients: (0..<recipients).map { _ in Envelope.Recipient(keyID: Array(0..<8), sealedKey: Array(repeating: 1, count: 80)) })
        return Envelope(header: header, signature: Array(repeating: 0, count: 64), payload: payload)
    }

    static func reason(_ e: Envelope) -> RejectionReason? {
        if case .failure(let p) = AdmissionRules.read(e).problem { return p.reason }
        return nil
    }

    @Test func circlesNameTheirOwner() {
        #expect(Self.circle.scope.utf8.count == 64)
        #expect(Circle(scope: Self.circle.scope) == Self.circle)
        #expect(Self.circle.isOwned(by: Self.owner))
        #expect(!Self.circle.isOwned(by: Self.other))
        for bad in ["public", "circle:", "circle:zz:00", Self.circle.scope.uppercased(), Self.circle.scope + "0", "circle:" + String(repeating: "a", count: 32)] {
            #expect(Circle(scope: bad) == nil, "\(bad)")
        }
    }

    @Test func privateEnvelopesNeedACircleAndRecipients() {
        let sealed = Array(repeating: UInt8(9), count: 60)
        #expect(Self.reason(Self.envelope(.referral, scope: Self.circle.scope, payload: sealed)) == nil)
        #expect(Self.reason(Self.envelope(.referral, scope: Self.circle.scope, payload: nil)) == nil, "an erased payload is fine")
        #expect(Self.reason(Self.envelope(.referral, scope: Self.circle.scope, author: Self.other, payload: sealed)) == nil, "partners write too")
        #expect(Self.reason(Self.envelope(.consent, scope: "public", payload: sealed)) == .wrongScope)
        #expect(Self.reason(Self.envelope(.progress, scope: Self.circle.scope, recipients: 0, payload: sealed)) == .wrongScope)
    }

    @Test func onlyTheOwnerErasesItsOwnCircle() {
        let erasure = JourneyPayload.erasure(Erasure(circle: Self.circle.scope, requestedOn: "2026-11-22")).encoded()
        #expect(Self.reason(Self.envelope(.erasure, scope: Self.circle.scope, recipients: 0, payload: erasure)) == nil)
        #expect(Self.reason(Self.envelope(.erasure, scope: Self.circle.scope, author: Self.other, recipients: 0, payload: erasure)) == .notOwner)
        #expect(Self.reason(Self.envelope(.erasure, scope: Self.circle.scope, recipients: 1, payload: erasure)) == .wrongScope)
        #expect(Self.reason(Self.envelope(.erasure, scope: Self.circle.scope, recipients: 0, payload: nil)) == .badPayload)
        let elsewhere = Circle(owner: Self.owner, random: Array(repeating: 7, count: 12))
        #expect(Self.reason(Self.envelope(.erasure, scope: elsewhere.scope, recipients: 0, payload: erasure)) == .badPayload)
        let ack = JourneyPayload.erasureAcknowledgement(erasureID: Array(repeating: 3, count: 32)).encoded()
        #expect(Self.reason(Self.envelope(.erasureAcknowledgement, scope: Self.circle.scope, author: Self.other, recipients: 0, payload: ack)) == nil)
        #expect(Self.reason(Self.envelope(.erasureAcknowledgement, scope: Self.circle.scope, recipients: 0, payload: Array("{}".utf8))) == .badPayload)
    }
}
