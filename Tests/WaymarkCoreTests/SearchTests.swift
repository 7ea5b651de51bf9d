import Foundation
import Testing
import WaymarkCore
import WaymarkTestKit

struct OpeningHoursTests {
    func schedule(_ byday: String, _ opens: String, _ closes: String, from: String? = nil, to: String? = nil) -> HSDSRecord {
        var o = JSONObject([("id", .string("x")), ("freq", .string("WEEKLY")), ("byday", .string(byday))])
        o["opens_at"] = .string(opens)
        o["closes_at"] = .string(closes)
        if let from { o["valid_from"] = .string(from) }
        if let to { o["valid_to"] = .string(to) }
        return HSDSRecord(table: "schedule", id: "x", fields: o)
    }

    @Test func weekdayOfKnownDates() {
        #expect(LocalDateTime(year: 2026, month: 11, day: 23).weekday == .monday)
        #expect(LocalDateTime(year: 1970, month: 1, day: 1).weekday == .thursday)
        #expect(LocalDateTime(year: 2024, month: 2, day: 29).dateString == "2024-02-29")
    }

    @Test func openNowAndNextOpening() {
        let hours = OpeningHours(schedules: [schedule("MO,WE", "09:30", "13:00:00")])
        let monday = Fixtures.mondayMorning  // 10:30
        #expect(hours.isOpen(at: monday))
        #expect(!hours.isOpen(at: LocalDateTime(day: monday.day, minute: 13 * 60)))  // closing time is exclusive
        #expect(!hours.isOpen(at: LocalDateTime(day: monday.day + 1, minute: 10 * 60 + 30)))
        let next = hours.nextOpening(after: LocalDateTime(day: monday.day, minute: 14 * 60))
        #expect(next?.start == LocalDateTime(day: monday.day + 2, minute: 9 * 60 + 30))
    }

    @Test func validityDatesAndMidnight() {
        let hours = OpeningHours(schedules: [schedule("FR", "22:00", "02:00", from: "2026-11-01", to: "2026-11-30")])
        let friday = LocalDateTime(year: 2026, month: 11, day: 27, hour: 23)
        #expect(hours.isOpen(at: friday))
        #expect(hours.isOpen(at: LocalDateTime(year: 2026, month: 11, day: 28, hour: 1)))
        #expect(!hours.isOpen(at: LocalDateTime(year: 2026, month: 12, day: 4, hour: 23)))
    }

    @Test func monthlyRulesAreNotGuessed() {
        var s = schedule("MO", "09:00", "17:00")
        s.fields["freq"] = .string("MONTHLY")
        #expect(OpeningHours(schedules: [s]).isEmpty)
    }
}

struct TextQueryTests {
    let vocabulary = SortedVocabulary(["youth", "club", "counselling", "parent", "toddler", "literacy"])

    @Test func prefixesAndTypos() {
        #expect(TextQuery("counsel", vocabulary: vocabulary).words == [["counsel"]])
        #expect(TextQuery("yuoth", vocabulary: vocabulary).words == [["yuoth", "youth"]])
        #expect(TextQuery("the club", vocabulary: vocabulary).words == [["club"]])
    }

    @Test func searchWordsAddMeaningsDropEmptyWordsAndKnowPhrases() {
        let words = SearchWords(
            synonyms: ["peil": ["football"], "obair bhaile": ["homework"], "drinks": ["alcohol"]],
            stopWords: ["need", "wont", "too", "much"], personWords: ["husband", "son"]
        ).adding(categoryNames: [(other: "Ceol agus Amhránaíocht", own: "Music & singing")])
        let vocabulary = SortedVocabulary(["football", "homework", "alcohol", "music", "singing", "men", "husband", "son", "damp"])

        let peil = TextQuery("Peil", vocabulary: vocabulary, searchWords: words)
        #expect(peil.meanings == [[.phrase("football")]])
        #expect(peil.ftsExpression() == #"("peil"* OR "football"*)"#)

        let phrase = TextQuery("obair bhaile", vocabulary: vocabulary, searchWords: words)
        #expect(phrase.words == [["obair bhaile"]] && phrase.meanings == [[.phrase("homework")]])

        let ceol = TextQuery("ceol", vocabulary: vocabulary, searchWords: words)
        #expect(ceol.ftsExpression() == #"("ceol"* OR categories : "music singing")"#)

        let problem = TextQuery("my husband drinks too much", vocabulary: vocabulary, searchWords: words)
        #expect(problem.words.map(\.first) == ["husband", "drinks"])
        #expect(problem.isPerson == [true, false] && problem.canDropPersons)
        #expect(problem.ftsExpression(droppingPersons: true) == #"("drinks"* OR "alcohol"*)"#)

        // A short ending after an apostrophe is looked up with its word, as the index split it off.
        #expect(TextQuery("landlord won't fix the damp", vocabulary: vocabulary, searchWords: words).words.map(\.first) == ["landlord", "fix", "damp"])
        #expect(TextQuery("men's shed", vocabulary: vocabulary, searchWords: words).words.map(\.first) == ["men", "shed"])
        // Only empty words: they are searched for rather than nothing.
        #expect(TextQuery("need", vocabulary: vocabulary, searchWords: words).words == [["need"]])
        // A word the index does not know, nor anything near it, falls back to its longest known beginning.
        #expect(SortedVocabulary(["skate", "skateboard"]).longestKnownPrefix(of: "skateboarding") == "skateboard")
        #expect(SortedVocabulary(["skate"]).longestKnownPrefix(of: "sk8") == nil)
    }

    @Test func theBuiltInSearchWordsParse() {
        #expect(SearchWords.ireland.synonyms["peil"] == ["football"])
        #expect(SearchWords.ireland.stopWords.contains("need") && SearchWords.ireland.personWords.contains("mam"))
        #expect(throws: SearchWords.ParseError.self) { try SearchWords(json: #"{"synonyms": {"a": "b"}}"#) }
    }

    @Test(arguments: ["\"unbalanced", "AND OR NOT", "*", "name:foo", "NEAR(a b)", "^", "'; DROP TABLE record; --"])
    func userSyntaxNeverReachesFTS(_ text: String) {
        let expression = TextQuery(text, vocabulary: vocabulary).ftsExpression()
        // Every term is a quoted string followed by *; operators appear only between them.
        let stripped = expression.replacingOccurrences(of: "\"[^\"]*\"\\*", with: "T", options: .regularExpression)
        #expect(stripped.allSatisfy { "T ()ANDOR".contains($0) })
    }

    @Test func editDistance() {
        #expect(EditDistance.damerauLevenshtein("youth", "yuoth") == 1)
        #expect(EditDistance.damerauLevenshtein("kitten", "sitting") == 3)
        #expect(EditDistance.damerauLevenshtein("abc", "abcdef", limit: 1) == 2)
    }
}

struct DirectoryIndexTests {
    let point = GeoPoint(latitude: 53.3955, longitude: -6.2645)

    func index() -> DirectoryIndex {
        let mondays = OpeningHours(slots: [.init(weekday: .monday, opens: 540, closes: 780)])
        let services = [
            ServiceFacts(
                id: "a", name: "Toddler group", organizationID: "o1", termIDs: ["kids", "family"], languages: ["en", "pl"], minimumAge: 0,
                maximumAge: 4, isFree: true, hours: mondays, points: [GeoPoint(latitude: 53.3960, longitude: -6.2640)], lastModified: "2026-03-01"),
            ServiceFacts(
                id: "b", name: "Adult literacy", organizationID: "o2", termIDs: ["education"], languages: ["en"], minimumAge: 18,
                isFree: false, points: [GeoPoint(latitude: 53.4100, longitude: -6.2800)], lastModified: "2026-05-01"),
            ServiceFacts(
                id: "c", name: "Homework club", organizationID: "o1", termIDs: ["kids", "education"], languages: ["en", "ga"], minimumAge: 6,
                maximumAge: 12, isFree: true, points: [], lastModified: "2026-01-01"),
            ServiceFacts(id: "d", name: "Closed service", status: "defunct"),
        ]
        return DirectoryIndex(services: services, termTaxonomy: ["kids": "t", "education": "t", "family": "t"])
    }

    @Test func filtersCombineWithAnd() {
        var q = SearchQuery()
        q.taxonomyTermIDs = ["kids"]
        q.freeOnly = true
        q.languages = ["pl"]
        let r = index().search(q, textScores: nil, now: Fixtures.mondayMorning)
        #expect(r.hits.map(\.id) == ["a"])
    }

    @Test func inactiveServicesAreHidden() {
        let r = index().search(SearchQuery(), textScores: nil, now: Fixtures.mondayMorning)
        #expect(r.total == 3)
    }

    @Test func agesOverlap() {
        var q = SearchQuery()
        q.minimumAge = 10
        q.maximumAge = 10
        #expect(index().search(q, textScores: nil, now: Fixtures.mondayMorning).hits.map(\.id) == ["c"])
    }

    @Test func ageGroupsMatchAnyOfThem() {
        var q = SearchQuery()
        q.ageSpans = [AgeSpan(from: 0, to: 4), AgeSpan(from: 65, to: nil)]
        // The toddler group (0–4) matches; the homework club (6–12) falls between the two spans and does not.
        #expect(index().search(q, textScores: nil, now: Fixtures.mondayMorning).hits.map(\.id).sorted() == ["a", "b"])
    }

    @Test func openNowUsesTheInjectedMoment() {
        var q = SearchQuery()
        q.openAt = Fixtures.mondayMorning
        #expect(index().search(q, textScores: nil, now: Fixtures.mondayMorning).hits.map(\.id) == ["a"])
        q.openAt = LocalDateTime(day: Fixtures.mondayMorning.day + 1, minute: 600)
        #expect(index().search(q, textScores: nil, now: Fixtures.mondayMorning).total == 0)
    }

    @Test func distanceSortAndRadius() {
        var q = SearchQuery()
        q.near = point
        q.sort = .distance
        let r = index().search(q, textScores: nil, now: Fixtures.mondayMorning)
        #expect(r.hits.map(\.id) == ["a", "b", "c"])  // no location sorts last
        q.radiusKm = 0.5
        #expect(index().search(q, textScores: nil, now: Fixtures.mondayMorning).hits.map(\.id) == ["a"])
    }

    @Test func facetsCountEveryMatch() {
        let r = index().search(SearchQuery(), textScores: nil, now: Fixtures.mondayMorning)
        #expect(r.facets.taxonomyTerms["kids"] == 2)
        #expect(r.facets.free == 2)
        #expect(r.facets.openNow == 1)
        #expect(r.facets.languages["en"] == 3)
        #expect(r.facets.ageGroups["children"] == 2)
    }

    @Test func textScoresRankAndRestrict() {
        var q = SearchQuery()
        q.text = "club"
        let r = index().search(q, textScores: ["c": 2.0, "a": 5.0], now: Fixtures.mondayMorning)
        #expect(r.hits.map(\.id) == ["a", "c"])
    }

    @Test func pagination() {
        var q = SearchQuery()
        q.perPage = 2
        q.sort = .name
        let first = index().search(q, textScores: nil, now: Fixtures.mondayMorning)
        q.page = 2
        let second = index().search(q, textScores: nil, now: Fixtures.mondayMorning)
        #expect(first.hits.map(\.id) == ["b", "c"])
        #expect(second.hits.map(\.id) == ["a"])
        #expect(first.totalPages == 2)
    }

    /// Pages are cut from the matches without sorting them all: every page, put together, must be
    /// the whole ordering, for every sort, page size and tie pattern.
    @Test(arguments: [1, 3, 7, 20, 64])
    func pagesTogetherAreTheWholeOrdering(_ perPage: Int) {
        var rng = SeededRandom(seed: UInt64(perPage))
        let services = (0..<300).map { i in
            ServiceFacts(
                id: "s\(i)", name: "Service \(Int.random(in: 0..<40, using: &rng))",
                points: Bool.random(using: &rng) ? [GeoPoint(latitude: 53.39 + Double(Int.random(in: 0..<5, using: &rng)) / 1000, longitude: -6.26)] : [],
                lastModified: "2026-0\(Int.random(in: 1...9, using: &rng))-01")
        }
        let index = DirectoryIndex(services: services)
        // Few distinct scores, so that ties must fall back to name order.
        let scores = Dictionary(uniqueKeysWithValues: services.filter { _ in Int.random(in: 0..<3, using: &rng) > 0 }.map { ($0.id, Double(Int.random(in: 0..<4, using: &rng))) })
        for sort in [SearchQuery.Sort.relevance, .name, .distance, .updated] {
            var q = SearchQuery()
            q.text = "service"
            q.sort = sort
            q.near = GeoPoint(latitude: 53.39, longitude: -6.26)
            q.countFacets = false
            q.perPage = Int.max / 4
            let whole = index.search(q, textScores: scores, now: Fixtures.mondayMorning)
            #expect(whole.total == scores.count)
            q.perPage = perPage
            var paged: [String] = []
            for page in 1...((whole.total + perPage - 1) / perPage + 1) {
                q.page = page
                paged += index.search(q, textScores: scores, now: Fixtures.mondayMorning).hits.map(\.id)
            }
            #expect(paged == whole.hits.map(\.id), "sort \(sort), \(perPage) a page")
            // The whole ordering itself: by score (relevance), then by name and id.
            if sort == .relevance {
                let expected = scores.keys.sorted { a, b in
                    let (fa, fb) = (index.facts(a)!, index.facts(b)!)
                    if scores[a]! != scores[b]! { return scores[a]! > scores[b]! }
                    return fa.sortKey != fb.sortKey ? fa.sortKey < fb.sortKey : a < b
                }
                #expect(whole.hits.map(\.id) == expected)
            }
        }
    }

    @Test func geoDistance() {
        // Ballymun to Dublin city centre is about 5 km.
        let d = GeoPoint(latitude: 53.3955, longitude: -6.2645).distance(to: GeoPoint(latitude: 53.3498, longitude: -6.2603))
        #expect(d > 4.9 && d < 5.2)
        #expect(Gazetteer.ballymun.lookUp("d11 x2y3")?.name == "Dublin 11")
        #expect(Gazetteer.ballymun.lookUp("Dublin 9")?.name == "Dublin 9")
        #expect(Gazetteer.ballymun.lookUp("nowhere") == nil)
    }
}
