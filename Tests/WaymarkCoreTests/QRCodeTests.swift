import Testing

@testable import WaymarkCore

/// The QR code on a client's receipt. Read back by a real decoder in
/// `Tests/browser/test_client_record.py` (from a screenshot of the printed receipt); here, the parts
/// a decoder relies on.
struct QRCodeTests {
    /// The worked example of ISO/IEC 18004 tutorials ("HELLO WORLD", version 1-M): its 16 data
    /// codewords give these 10 error correction codewords.
    @Test func errorCorrectionMatchesTheStandardsExample() {
        let data: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        #expect(ReedSolomon.remainder(data, generator: ReedSolomon.generator(degree: 10)) == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }

    @Test func capacitiesAtLevelMAreTheStandardsOnes() {
        // Data codewords per version at level M (ISO/IEC 18004 table 7).
        #expect((1...10).map(QRCode.dataCapacity) == [16, 28, 44, 64, 86, 108, 124, 154, 182, 216])
    }

    @Test func theSmallestVersionThatHoldsTheTextIsUsed() throws {
        #expect(try QRCode("https://a.example/me").version == 2)
        let receipt = try QRCode("https://ballymun-family-centre.example.ie/me?lang=ga#code=ABCDEFGHJKMNPQRS")
        #expect(receipt.version == 5 && receipt.size == 37)
        #expect(try QRCode(String(repeating: "x", count: 200)).version == 10)
        #expect(throws: QRCode.Problem.self) { try QRCode(String(repeating: "x", count: 300)) }
    }

    @Test func finderTimingAndFormatAreWhereADecoderLooks() throws {
        let q = try QRCode("https://ballymun-family-centre.example.ie/me#code=ABCDEFGHJKMNPQRS")
        // The three finder patterns: dark ring, light ring, dark 3×3 centre.
        for (cx, cy) in [(3, 3), (q.size - 4, 3), (3, q.size - 4)] {
            #expect(q.isDark(x: cx, y: cy) && q.isDark(x: cx - 3, y: cy) && !q.isDark(x: cx - 2, y: cy) && q.isDark(x: cx - 1, y: cy))
        }
        // Timing patterns alternate between the finders.
        #expect((8..<(q.size - 8)).allSatisfy { q.isDark(x: $0, y: 6) == ($0 % 2 == 0) && q.isDark(x: 6, y: $0) == ($0 % 2 == 0) })
        // The dark module, and the two copies of the format bits agree.
        #expect(q.isDark(x: 8, y: q.size - 8))
        let first = (0...5).map { q.isDark(x: 8, y: $0) } + [q.isDark(x: 8, y: 7), q.isDark(x: 8, y: 8), q.isDark(x: 7, y: 8)]
        let second = (0..<8).map { q.isDark(x: q.size - 1 - $0, y: 8) } + [q.isDark(x: 8, y: q.size - 7)]
        #expect(first == second)
        // Level M with the chosen mask, as the format bits say.
        var bits = 0
        for (i, dark) in first.enumerated() where dark { bits |= 1 << i }
        for i in 9..<15 where q.isDark(x: 14 - i, y: 8) { bits |= 1 << i }
        let data = (bits ^ 0x5412) >> 10
        #expect(data >> 3 == 0 && data & 7 == q.mask)
    }

    @Test func versionSevenAndAboveCarryTheirVersion() throws {
        let q = try QRCode(String(repeating: "y", count: 120))
        #expect(q.version == 7)
        // Version 7's BCH-coded version bits are 000111 110010 010100 (the standard's table).
        var bits = 0
        for i in 0..<18 where q.isDark(x: q.size - 11 + i % 3, y: i / 3) { bits |= 1 << i }
        #expect(bits == 0b000111_110010_010100)
    }

    @Test func theSVGHasAQuietZoneAndOnePath() throws {
        let svg = try QRCode("hello").svg(moduleSize: 3, label: "a code")
        #expect(svg.contains("viewBox=\"0 0 29 29\"") && svg.contains("width=\"87\"") && svg.contains("aria-label=\"a code\""))
        #expect(svg.split(separator: "<path", omittingEmptySubsequences: false).count == 2)
    }
}
