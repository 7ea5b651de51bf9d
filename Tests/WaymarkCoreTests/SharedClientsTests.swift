import Testing
import WaymarkCore

/// A person registered at several organisations (`Protocol/SPEC.md` §12.1, "A person at two
/// organisations"): which of them counts the person, decided by each from its own records.
struct SharedClientsTests {
    @Test func theSamePersonHasTheSameKeyHoweverTheNameWasTyped() {
        let key = SharedClients.personKey(name: "Seán Ó Briain", dateOfBirth: "1990-01-01")
        #expect(key != nil)
        #expect(SharedClients.personKey(name: "sean  o'briain", dateOfBirth: "1990-01-01") == key)
        #expect(SharedClients.personKey(name: "O Briain, Sean", dateOfBirth: "1990-01-01") == key)
        #expect(SharedClients.personKey(name: "SEAN O BRIAIN", dateOfBirth: "1990-01-01") == key)
        #expect(SharedClients.personKey(name: "Seán Ó Briain", dateOfBirth: "1990-01-02") != key)
        #expect(SharedClients.personKey(name: "Seán Ó Briain", dateOfBirth: "") == nil, "a name alone links no one")
        #expect(SharedClients.personKey(name: "Seán Ó Briain", dateOfBirth: nil) == nil)
        #expect(SharedClients.personKey(name: "  ", dateOfBirth: "1990-01-01") == nil)
    }

    /// Every way three organisations holding one person can have referred them between themselves
    /// (for each pair: not at all, one way, the other way, both ways): how many count the person.
    @Test func twoThatReferredThePersonCountThemOnceAndNoOneIsLeftOutUnlessTheyRing() {
        let orgs = ["a1", "b2", "c3"]
        let pairs = [(0, 1), (0, 2), (1, 2)]
        var zero = 0
        for code in 0..<64 {
            // referred[i][j]: i referred the person to j.
            var referred = Array(repeating: Array(repeating: false, count: 3), count: 3)
            var states: [Int] = []
            for (n, (i, j)) in pairs.enumerated() {
                let state = (code >> (2 * n)) & 3
                states.append(state)
                if state & 1 != 0 { referred[i][j] = true }
                if state & 2 != 0 { referred[j][i] = true }
            }
            func counts(_ me: Int) -> Bool {
                let holders = Set((0..<3).filter { referred[$0][me] }.map { orgs[$0] })
                let told = Set((0..<3).filter { referred[me][$0] }.map { orgs[$0] })
                return !SharedClients.countedElsewhere(me: orgs[me], holders: holders, told: told)
            }
            let counting = (0..<3).filter(counts)
            let linked = states.filter { $0 != 0 }.count
            if linked == 0 { #expect(counting.count == 3, "no referrals: each counts the person, as before") }
            if linked == 1 {
                // One pair referred the person between them: of the two, exactly one counts; the third counts.
                let (i, j) = pairs[states.firstIndex { $0 != 0 }!]
                #expect(counting.filter { $0 == i || $0 == j }.count == 1, "graph \(code)")
                #expect(counting.count == 2)
            }
            if counting.isEmpty {
                zero += 1
                #expect(linked == 3 && states.contains { $0 == 1 || $0 == 2 }, "left out by all with no ring of referrals: graph \(code)")
            }
            #expect(counting.count <= 3)
        }
        #expect(zero > 0, "the ring case exists and is the only one")
    }

    /// Of two that referred the person both ways, the one whose key sorts first counts, whichever the
    /// two are called.
    @Test func whenBothKnowTheSmallerKeyCounts() {
        #expect(!SharedClients.countedElsewhere(me: "aa", holders: ["bb"], told: ["bb"]))
        #expect(SharedClients.countedElsewhere(me: "bb", holders: ["aa"], told: ["aa"]))
        #expect(SharedClients.countedElsewhere(me: "aa", holders: ["bb"], told: []), "bb does not know aa holds them: bb counts")
        #expect(!SharedClients.countedElsewhere(me: "aa", holders: [], told: ["bb"]))
    }
}
