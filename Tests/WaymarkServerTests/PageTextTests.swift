import Foundation
import Testing
import WaymarkCore

@testable import WaymarkServer

struct PageTextTests {
    /// Templates hold markup only: once tags, Mustache tags and entities are removed, no words remain.
    @Test(arguments: Array(Templates.all.keys).sorted())
    func templatesHoldNoInterfaceText(_ name: String) throws {
        var text = try #require(Templates.all[name])
        for pattern in ["\\{\\{[^}]*\\}\\}", "<[^>]*>", "&[a-z]+;", "[–·—(),:]"] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        let words = text.split(whereSeparator: { $0.isWhitespace }).filter { $0.contains(where: \.isLetter) }
        #expect(words.isEmpty, "text outside the translation tables in '\(name)': \(words.prefix(10))")
    }

    /// Every refusal the store can give has words in both languages, and the statuses it names are
    /// named as the pages name them.
    /// Keys put together at run time (a record's kind, a journey event, a client's own change) have
    /// words in both languages: a missing one would show the key itself to a client.
    @Test func composedKeysHaveWordsInBothLanguages() {
        var keys = [Envelope.Kind.consent, .referral, .referralStatus, .progress, .clientVoice].map { "client.kind.\($0.description)" }
        for event in ["consent-granted", "consent-revoked", "referral-sent", "referral-status", "goal", "reading", "milestone", "client-reading", "checkin"] {
            keys += ["client.event.\(event)", "staff.timeline.\(event)"]
        }
        for event in ["consent-granted", "consent-revoked", "client-reading", "checkin"] { keys += ["client.event.\(event).you", "staff.timeline.\(event).client"] }
        keys += ReferralStatus.allCases.map { "staff.status.\($0.rawValue)" }
        for key in keys {
            #expect(Localization.english[key] != nil, "no English for \(key)")
            #expect(Localization.irish[key] != nil, "no Irish for \(key)")
        }
    }

    @Test func everyRefusalHasWordsInBothLanguages() {
        for code in JourneyError.Code.all {
            #expect(Localization.english["staff.error.\(code.rawValue)"] != nil, "no English for \(code.rawValue)")
            #expect(Localization.irish["staff.error.\(code.rawValue)"] != nil, "no Irish for \(code.rawValue)")
        }
        let refused = ReferralMachine.check(from: .completed, ReferralTransition(to: .accepted), by: .recipient)!.journeyError
        #expect(refused.text(.english) == "A referral that is completed cannot become accepted.")
        #expect(refused.text(.irish).contains(Localization.irish["staff.status.completed"]!) && !refused.text(.irish).contains("{"))
        #expect(JourneyError(.stageRange, field: "stage", ["stages": "5"]).text(.irish) == "Tá céim idir 1 agus 5.")
    }

    /// Languages are named in the page's language, not by the sample directory's English names.
    @Test func languagesAreNamedInThePagesLanguage() {
        #expect(LanguageNames.name("pl") == "Polish" && LanguageNames.name("pl", irish: true) == "Polainnis")
        #expect(LanguageNames.name("EN", irish: true) == "Béarla" && LanguageNames.name("yo", irish: true) == "Yoruba", "no Irish term: the English name")
        #expect(LanguageNames.name("xx-unknown") == "xx-unknown")
    }

    @Test func everyKeyHasAnIrishTranslation() {
        let missing = Localization.english.keys.filter { Localization.irish[$0] == nil }
        #expect(missing.isEmpty, "no Irish for \(missing.sorted())")
        let extra = Localization.irish.keys.filter { Localization.english[$0] == nil }
        #expect(extra.isEmpty, "Irish keys with no English: \(extra.sorted())")
    }

    @Test func placeholdersSurviveTranslation() {
        for (key, english) in Localization.english {
            let placeholders = english.matches(of: /\{[a-z]+\}/).map { String($0.output) }
            for p in placeholders {
                #expect(Localization.irish[key]?.contains(p) == true, "\(key) lost \(p) in Irish")
            }
        }
    }

    @Test func templatesOnlyUseKnownKeys() {
        let known = Set(Localization.english.keys.map { $0.replacingOccurrences(of: ".", with: "_") })
        var total = 0
        defer { #expect(total > 80, "the templates should take nearly all their text from the tables") }
        for (name, text) in Templates.all {
            let used = text.matches(of: /\{\{[#^\/]?t\.([a-z_-]+)\}\}/).map { String($0.output.1) }
            total += used.count
            let unknown = used.filter { !known.contains($0) }
            #expect(unknown.isEmpty, "template '\(name)' uses unknown keys \(unknown)")
        }
    }

    @Test(arguments: [
        ("javascript:alert(1)", false), ("JAVASCRIPT:alert(1)", false), ("data:text/html,x", false), ("https://example.org", true),
        ("http://example.org/a?b=c", true), ("//evil.example", false), ("vbscript:x", false),
    ])
    func onlyWebLinksBecomeWebsites(_ url: String, _ allowed: Bool) {
        #expect((SafeLink.web(url) != nil) == allowed)
    }

    @Test func backLinksStayOnTheSite() {
        #expect(PublicPages.safeBack("/search?q=x") == "/search?q=x")
        #expect(PublicPages.safeBack("//evil.example") == "/list")
        #expect(PublicPages.safeBack("/\t/evil.example") == "/list")
        #expect(PublicPages.safeBack("https://evil.example") == "/list")
        #expect(PublicPages.safeBack("/\\evil.example") == "/list")
    }

    @Test func namesAreListedInTheOrderAReaderExpects() {
        let irish = ["Sláinte agus Folláine", "Cóiriú Áite", "Sábháilteacht Pobail", "Ealaín agus Cultúr", "Áras na nÓg", "Oideachas"]
        #expect(irish.sorted(by: PublicPages.alphabetical) == ["Áras na nÓg", "Cóiriú Áite", "Ealaín agus Cultúr", "Oideachas", "Sábháilteacht Pobail", "Sláinte agus Folláine"])
        #expect(PublicPages.alphabetical("eile", "Éire") && !PublicPages.alphabetical("Éire", "eile"))
    }
}
