/// A small deterministic random number generator (SplitMix64), so that generated data and
/// simulations repeat exactly for a seed.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Deterministic identifiers for generated records: the same name always gives the same UUID.
public enum StableID {
    /// A UUID-formatted identifier derived from `name` (FNV-1a, twice, with different offsets).
    public static func uuid(_ name: String) -> String {
        var h1: UInt64 = 0xcbf2_9ce4_8422_2325
        var h2: UInt64 = 0x8422_2325_cbf2_9ce4
        for b in name.utf8 {
            h1 = (h1 ^ UInt64(b)) &* 0x0000_0100_0000_01B3
            h2 = (h2 ^ UInt64(b)) &* 0x0000_0100_0000_01B3
            h2 = h2 ^ (h2 >> 29)
        }
        let hex = hex16(h1) + hex16(h2)
        let c = Array(hex)
        func s(_ r: Range<Int>) -> String { String(c[r]) }
        // Version 4 and RFC 4122 variant bits, so strict UUID checks accept it.
        let variant = ["8", "9", "a", "b"][Int(h2 & 3)]
        return "\(s(0..<8))-\(s(8..<12))-4\(s(13..<16))-\(variant)\(s(17..<20))-\(s(20..<32))"
    }

    static func hex16(_ v: UInt64) -> String {
        let s = String(v, radix: 16)
        return String(repeating: "0", count: 16 - s.count) + s
    }
}
