import Testing
import WaymarkCore

/// Residents' suggestions that travel to the publisher (`Protocol/SPEC.md` §10): threads, payloads,
/// admission from the envelope alone, and which answers count.
struct SuggestionTests {
    static let here = [UInt8](repeating: 0xA1, count: 32)
    static let publisher = [UInt8](repeating: 0xB2, count: 32)
    static let stranger = [UInt8](repeating: 0xC3, count: 32)
    static let thread = SuggestionThread(owner: here, random: Array(0..<12))
    static let suggestionID = [UInt8](repeating: 0x55, count: 32)

    static func reason(_ kind: Envelope.Kind, author: [UInt8] = here, scope: String = thread.scope, recipients: Int = 0, payload: [UInt8]?) -> RejectionReason? {
        let header = Envelope.Header(
            kind: kind, scope: scope, author: author, sequence: 1, dependencies: [], clock: 1, payloadHash: [UInt8](repeating: 0, count: 32),
            payloadSize: UInt64(payload?.count ?? 0),
            recipients: (0..<recipients).map { _ in Envelope.Recipient(keyID: Array(0..<8), sealedKey: Array(repeating: 1, count: 80)) })
        if case .failure(let p) = AdmissionRules.read(Envelope(header: header, signature: Array(repeating: 0, count: 64), payload: payload)).problem {
            return p.reason
        }
        return nil
    }

    @Test func threadsNameTheNodeThatOpenedThem() {
        #expect(Self.thread.scope.utf8.count <= Envelope.Limits.scope)
        #expect(SuggestionThread(scope: Self.thread.scope) == Self.thread)
        #expect(Self.thread.isOwned(by: Self.here) && !Self.thread.isOwned(by: Self.publisher))
        let circle = Circle(owner: Self.here, random: Array(0..<12)).scope
        for bad in ["public", "edit:", circle, Self.thread.scope.uppercased(), Self.thread.scope + "0"] {
            #expect(SuggestionThread(scope: bad) == nil, "\(bad)")
        }
        #expect(Circle(scope: Self.thread.scope) == nil, "a thread is not a client's circle")
    }

    @Test func payloadsRoundTripAndNameWhatIsWrong() throws {
        let s = Suggestion(serviceID: "svc-1", serviceName: "Homework club", field: "hours", message: "Closed on Fridays", contact: nil, suggestedOn: "2026-12-04")
        #expect(try Suggestion.decode(s.encoded()) == s)
        var withContact = s
        withContact.contact = "reader@example.org"
        #expect(try Suggestion.decode(withContact.encoded()) == withContact)
        var wrongField = s
        wrongField.field = "colour"
        #expect(throws: JourneyPayload.Problem.self) { try Suggestion.decode(wrongField.encoded()) }

        let answer = SuggestionAnswer(suggestion: Self.suggestionID, outcome: .declined, reason: "The hours are right", decidedOn: "2026-12-05")
        #expect(try SuggestionAnswer.decode(answer.encoded()) == answer)
        let noReason = SuggestionAnswer(suggestion: Self.suggestionID, outcome: .declined, reason: nil, decidedOn: "2026-12-05")
        #expect(throws: JourneyPayload.Problem.self) { try SuggestionAnswer.decode(noReason.encoded()) }
        #expect(throws: JourneyPayload.Problem.self) { try SuggestionAnswer.decode(Array(#"{"outcome":"accepted", "decided_on":"2026-12-05"}"#.utf8)) }
    }

    @Test func admissionJudgesFromTheEnvelopeAlone() {
        let sealed = [UInt8](repeating: 9, count: 90)
        #expect(Self.reason(.suggestion, recipients: 2, payload: sealed) == nil)
        #expect(Self.reason(.suggestion, author: Self.stranger, recipients: 2, payload: sealed) == .notOwner, "only the thread's node suggests in it")
        #expect(Self.reason(.suggestion, recipients: 0, payload: sealed) == .wrongScope, "a suggestion is encrypted")
        #expect(Self.reason(.suggestion, recipients: 2, payload: nil) == .badPayload, "no copy without its payload")
        #expect(Self.reason(.suggestion, scope: "public", recipients: 2, payload: sealed) == .wrongScope)
        let answer = SuggestionAnswer(suggestion: Self.suggestionID, outcome: .accepted, reason: nil, decidedOn: "2026-12-05").encoded()
        #expect(Self.reason(.suggestionAnswer, author: Self.publisher, payload: answer) == nil)
        #expect(Self.reason(.suggestionAnswer, author: Self.publisher, recipients: 1, payload: answer) == .wrongScope, "an answer is in the clear")
        #expect(Self.reason(.suggestionAnswer, author: Self.publisher, payload: Array("{}".utf8)) == .badPayload)
        #expect(Self.reason(.suggestionAnswer, author: Self.publisher, payload: nil) == .badPayload)
        #expect(Self.reason(.suggestion, recipients: 2, payload: [UInt8](repeating: 1, count: 17 << 10)) == .oversized)
    }

    static let hereKey: [UInt8] = Array(repeating: 1, count: 8), publisherKey: [UInt8] = Array(repeating: 2, count: 8)

    static func answered(_ n: UInt8, by author: [UInt8], key: [UInt8]?, clock: UInt64, _ outcome: SuggestionAnswer.Outcome, on day: String = "2026-12-05")
        -> SuggestionTally.Answered
    {
        SuggestionTally.Answered(
            id: Array(repeating: n, count: 32), author: author, authorKeyID: key, clock: clock,
            answer: SuggestionAnswer(suggestion: suggestionID, outcome: outcome, reason: outcome == .declined ? "no" : nil, decidedOn: day))
    }

    @Test func onlyTheRecipientsAnswerCountsAndTheLatestStands() {
        let asked = [Self.suggestionID: SuggestionTally.Asked(id: Self.suggestionID, author: Self.here, recipientKeyIDs: [Self.hereKey, Self.publisherKey])]
        let fromPublisher = Self.answered(1, by: Self.publisher, key: Self.publisherKey, clock: 10, .accepted)
        #expect(SuggestionTally.counts(fromPublisher, asked: asked[Self.suggestionID]))
        #expect(!SuggestionTally.counts(fromPublisher, asked: nil), "the suggestion must be held")
        #expect(!SuggestionTally.counts(Self.answered(2, by: Self.stranger, key: [9, 9, 9, 9, 9, 9, 9, 9], clock: 11, .accepted), asked: asked[Self.suggestionID]))
        #expect(!SuggestionTally.counts(Self.answered(3, by: Self.stranger, key: nil, clock: 11, .accepted), asked: asked[Self.suggestionID]))
        #expect(!SuggestionTally.counts(Self.answered(4, by: Self.here, key: Self.hereKey, clock: 11, .accepted), asked: asked[Self.suggestionID]),
            "the node that sent it on cannot answer it")
        let toSelf = SuggestionTally.Asked(id: Self.suggestionID, author: Self.here, recipientKeyIDs: [Self.hereKey])
        #expect(SuggestionTally.counts(Self.answered(5, by: Self.here, key: Self.hereKey, clock: 11, .accepted), asked: toSelf), "its own listing")

        let later = Self.answered(6, by: Self.publisher, key: Self.publisherKey, clock: 20, .declined)
        for order in [[fromPublisher, later], [later, fromPublisher]] {
            let tally = SuggestionTally.byOrganisation(order, asked: asked, since: "2026-01-01")
            #expect(tally[hexString(Self.publisher)]?.answered == 1 && tally[hexString(Self.publisher)]?.changed == 0, "the later answer stands")
        }
        #expect(SuggestionTally.byOrganisation([fromPublisher], asked: asked, since: "2026-12-06").isEmpty, "older than the window")
    }

    @Test func aListingCheckIsPublicAndWellFormed() throws {
        let check = ListingCheck(serviceID: "svc-1", checkedOn: "2026-12-04", champion: "Síle Byrne", note: "Open as listed")
        #expect(try ListingCheck.decode(check.encoded()) == check)
        #expect(Self.reason(.listingCheck, scope: "public", payload: check.encoded()) == nil)
        #expect(Self.reason(.listingCheck, scope: "public", recipients: 1, payload: check.encoded()) == .wrongScope)
        #expect(Self.reason(.listingCheck, scope: Self.thread.scope, payload: check.encoded()) == .wrongScope)
        #expect(Self.reason(.listingCheck, scope: "public", payload: nil) == .badPayload)
        var long = check
        long.champion = String(repeating: "n", count: ListingCheck.longestName + 1)
        #expect(Self.reason(.listingCheck, scope: "public", payload: long.encoded()) == .badPayload)
        var undated = check
        undated.checkedOn = "4 Dec"
        #expect(Self.reason(.listingCheck, scope: "public", payload: undated.encoded()) == .badPayload)
        #expect(Self.reason(.listingCheck, scope: "public", payload: Array(#"{"service_id":"x"}"#.utf8)) == .badPayload)
    }
}
