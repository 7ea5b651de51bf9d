import Testing
import WaymarkCore

/// Node records, envelope framing and invite-free admission rules, in the pure core.
struct AdmissionTests {
    @Test func nodeRecordsRoundTripAndRefuseBadFields() throws {
        let r = NodeRecord(organizationID: "org", organizationName: "Ballymun Library", url: "http://127.0.0.1:8081", encryptionKey: Array(0..<32))
        #expect(try NodeRecord.decode(r.encoded()) == r)
        for bad in [
            #"{"organization_id":"o","organization_name":"n","url":"ftp://x","encryption_key":"00"}"#,
            #"{"organization_id":"o","organization_name":"n","url":"http://x","encryption_key":"zz"}"#,
            #"{"organization_name":"n","url":"http://x","encryption_key":"00"}"#, "[]", "",
        ] {
            #expect(throws: (any Error).self) { try NodeRecord.decode(Array(bad.utf8)) }
        }
    }

    @Test func framesRoundTripAndRefuseBrokenFraming() throws {
        let items: [[UInt8]] = [[1, 2, 3], [], Array(repeating: 7, count: 300)]
        #expect(try EnvelopeFrames.decode(EnvelopeFrames.encode(items)) == items)
        #expect(throws: EnvelopeError.self) { try EnvelopeFrames.decode([0x05, 0x61, 0x62]) }
        #expect(throws: EnvelopeError.self) { try EnvelopeFrames.decode([0xFF]) }
        #expect(throws: EnvelopeError.self) { try EnvelopeFrames.decode(Array(repeating: 0, count: EnvelopeFrames.maximumCount + 1)) }
    }

    @Test func aDamagedAnswerGivesUpTheEnvelopesBeforeTheDamage() throws {
        let envelopes: [[UInt8]] = (0..<3).map { Envelope.magic + [1, UInt8($0), 9, 9] }
        let whole = EnvelopeFrames.encode(envelopes)
        let clean = EnvelopeFrames.decodePrefix(whole)
        #expect(clean.frames == envelopes && clean.problem == nil)
        // Cut short in the third frame: the first two.
        let cut = EnvelopeFrames.decodePrefix(Array(whole.dropLast(2)))
        #expect(cut.frames == Array(envelopes.prefix(2)) && cut.problem != nil)
        // The second frame's length damaged: framing goes out of step there, and nothing after the first
        // frame is taken (a frame that does not begin like an envelope ends the answer).
        var damaged = whole
        damaged[envelopes[0].count + 1] = 1
        let shifted = EnvelopeFrames.decodePrefix(damaged)
        #expect(shifted.frames == [envelopes[0]] && shifted.problem != nil)
    }
}
