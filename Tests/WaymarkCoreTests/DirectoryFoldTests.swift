import Testing
import WaymarkCore

struct DirectoryFoldTests {
    func entry(_ author: UInt8, _ clock: UInt64, _ row: String, name: String?, tag: UInt8 = 0) -> DirectoryFold.Entry {
        let fields = name.map { JSONObject([("id", .string(row)), ("name", .string($0)), ("status", .string("active"))]) }
        return DirectoryFold.Entry(
            envelopeID: [author, tag] + [UInt8](repeating: UInt8(clock & 0xFF), count: 30), author: [UInt8](repeating: author, count: 32), clock: clock,
            payload: DirectoryPayload(table: "service", id: row, fields: fields))
    }

    @Test func latestFromTheOwnerWins() {
        var f = DirectoryFold()
        f.apply(entry(1, 10, "s1", name: "First"))
        f.apply(entry(1, 20, "s1", name: "Second"))
        f.apply(entry(1, 15, "s1", name: "Stale"))
        #expect(f.records.map { $0.string("name") } == ["Second"])
    }

    @Test func anotherAuthorCannotChangeARow() {
        var f = DirectoryFold()
        f.apply(entry(1, 10, "s1", name: "Owner's"))
        #expect(f.apply(entry(2, 30, "s1", name: "Hijack")) == false)
        #expect(f.records.map { $0.string("name") } == ["Owner's"])
        #expect(f.owner(table: "service", id: "s1") == [UInt8](repeating: 1, count: 32))
    }

    @Test func tombstonesDeleteAndLaterRecordsRestore() {
        var f = DirectoryFold()
        f.apply(entry(1, 10, "s1", name: "A"))
        f.apply(entry(1, 20, "s1", name: nil))
        #expect(f.records.isEmpty)
        f.apply(entry(1, 30, "s1", name: "Back"))
        #expect(f.records.map { $0.string("name") } == ["Back"])
    }

    /// Merge laws: any order, any duplication, gives the same directory.
    @Test(arguments: 0..<50)
    func orderAndDuplicatesDoNotMatter(_ seed: Int) {
        var rng = SeededRandom(seed: UInt64(seed) + 100)
        var entries: [DirectoryFold.Entry] = []
        for i in 0..<60 {
            let author = UInt8.random(in: 1...3, using: &rng)
            let row = "s\(Int.random(in: 0..<8, using: &rng))"
            let deleted = Int.random(in: 0..<6, using: &rng) == 0
            entries.append(entry(author, UInt64.random(in: 1...40, using: &rng), row, name: deleted ? nil : "v\(i)", tag: UInt8(i)))
        }
        var reference = DirectoryFold()
        for e in entries { reference.apply(e) }
        for _ in 0..<5 {
            var f = DirectoryFold()
            var shuffled = entries + entries.prefix(Int.random(in: 0..<20, using: &rng))
            shuffled.shuffle(using: &rng)
            for e in shuffled { f.apply(e) }
            #expect(f.digestInput == reference.digestInput)
        }
    }

    @Test func payloadRoundTripAndRejects() throws {
        let p = DirectoryPayload(table: "service", id: "s1", fields: JSONObject([("id", .string("s1")), ("name", .string("X"))]))
        #expect(try DirectoryPayload.decode(p.encoded()) == p)
        let t = DirectoryPayload(table: "phone", id: "p1", fields: nil)
        #expect(try DirectoryPayload.decode(t.encoded()) == t)
        #expect(throws: HSDSError.self) { try DirectoryPayload.decode(Array(#"{"table":"nope","id":"x"}"#.utf8)) }
        #expect(throws: HSDSError.self) { try DirectoryPayload.decode(Array(#"{"table":"service","id":"a","fields":{"id":"b"}}"#.utf8)) }
    }

    @Test func hybridClockOrdersAfterWhatItObserves() {
        var c = HybridClock()
        let a = c.tick(nowMilliseconds: 1000)
        let b = c.tick(nowMilliseconds: 1000)
        let d = c.tick(nowMilliseconds: 999)  // the wall clock stepped back
        #expect(a < b && b < d)
        c.observe(HybridClock.pack(milliseconds: 5000, counter: 3))
        #expect(c.tick(nowMilliseconds: 1000) == HybridClock.pack(milliseconds: 5000, counter: 4))
        // Observing something older changes nothing: the wall clock leads again once it passes.
        c.observe(HybridClock.pack(milliseconds: 10, counter: 0))
        #expect(c.tick(nowMilliseconds: 6000) == HybridClock.pack(milliseconds: 6000, counter: 0))
    }
}
