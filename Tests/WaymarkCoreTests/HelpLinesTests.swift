import Testing

@testable import WaymarkCore

@Suite struct HelpLinesTests {
    let lines = HelpLines.ireland

    func ids(_ query: String) -> [String] { lines.lines(forSearch: query).map(\.id) }

    @Test func theBuiltInLinesParseAndEveryLineCanBeReached() {
        #expect(lines.emergencyNumbers == ["112", "999"])
        #expect(lines.lines.count == 7)
        for line in lines.lines {
            #expect(line.phone != nil || !line.text.isEmpty, "\(line.id)")
            #expect(!line.name.text("ga").isEmpty && !line.about.text("ga").isEmpty, "\(line.id) has Irish")
            #expect(!line.topics.isEmpty, "\(line.id)")
        }
    }

    @Test func crisisWordsBringTheLinesForThemFirst() {
        #expect(ids("rape").first == "drcc")
        #expect(ids("I was raped").first == "drcc")
        #expect(ids("self harm").first == "pieta")
        #expect(ids("self-harm").contains("pieta"))
        #expect(ids("suicidal thoughts").first == "samaritans")
        #expect(ids("my partner is abusive; domestic violence").first == "womensaid")
        #expect(ids("homeless tonight").first == "homeless")
        #expect(ids("SAMARITANS").first == "samaritans")
        #expect(ids("I can't cope").contains("samaritans"))
        // With a specific need, the general listening lines follow the specific one.
        #expect(ids("rape").contains("samaritans") && ids("rape").count >= 2)
    }

    @Test func irishCrisisWordsAreMatchedWithOrWithoutTheirAccents() {
        #expect(ids("féinmharú").contains("pieta"))
        #expect(ids("feinmharu").contains("pieta"))
        #expect(ids("éigniú").first == "drcc")
        #expect(ids("gan dídean").first == "homeless")
        #expect(lines.topics(in: "éigeandáil") == ["emergency"])
    }

    @Test func everydayWordsDoNotRaiseTheCrisisPanel() {
        for query in ["english classes", "toddler group", "harmony choir", "grape vine", "drama", "self defence", "housing advice", "", "   "] {
            #expect(lines.topics(in: query).isEmpty, "\(query)")
        }
    }

    @Test func aDistrictsOwnLinesAreCheckedBeforeUse() throws {
        let own = try HelpLines(json: """
            {"emergency_numbers": ["999"], "quick_exit_url": "https://example.org/weather",
             "lines": [{"id": "local", "name": {"en": "Night line", "ga": "Líne oíche"}, "phone": "0800 123 456", "topics": ["night"]}],
             "topics": {"night": ["cannot sleep"]}}
            """)
        #expect(own.lines(forSearch: "I cannot sleep").map(\.id) == ["local"])
        #expect(own.lines.first?.name.text("ga") == "Líne oíche")
        #expect(own.lines.first?.name.text("fr") == "Night line")

        func refused(_ json: String) -> HelpLines.ParseError? {
            do { _ = try HelpLines(json: json); return nil } catch let e as HelpLines.ParseError { return e } catch { return nil }
        }
        #expect(refused("not json") != nil)
        #expect(refused(#"{"quick_exit_url": "https://x.example"}"#) == .missing("emergency_numbers (at least one number to dial)"))
        #expect(refused(#"{"emergency_numbers": ["112"], "quick_exit_url": "javascript:alert(1)"}"#) != nil)
        #expect(refused(#"{"emergency_numbers": ["112"], "quick_exit_url": "https://x.example", "lines": [{"id": "a", "name": "A", "phone": "call us"}]}"#) != nil)
        #expect(refused(#"{"emergency_numbers": ["112"], "quick_exit_url": "https://x.example", "lines": [{"id": "a", "name": "A"}]}"#) != nil)
        #expect(refused(#"{"emergency_numbers": ["112"], "quick_exit_url": "https://x.example", "lines": [{"id": "a", "name": "A", "phone": "1111"}, {"id": "a", "name": "B", "phone": "2222"}]}"#) != nil)
    }
}
