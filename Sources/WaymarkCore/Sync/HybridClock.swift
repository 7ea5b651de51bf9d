/// A hybrid logical clock: wall-clock milliseconds in the high 48 bits and a counter in the low 16,
/// so that an envelope a node makes sorts after the envelopes it builds on, even if its clock is behind.
///
/// The core has no clock of its own: callers pass "now" in. Which envelopes a new one must sort after
/// is the signer's choice (`Protocol/SPEC.md` §3.3): the other authors' envelopes it depends on, and
/// what it replaces or acts on; never an envelope just because it was seen, so that one fast clock
/// does not carry every node's clock with it.
public struct HybridClock: Sendable, Equatable {
    public private(set) var last: UInt64 = 0

    public init(last: UInt64 = 0) { self.last = last }

    public static func pack(milliseconds: UInt64, counter: UInt16) -> UInt64 { milliseconds << 16 | UInt64(counter) }
    public static func milliseconds(_ value: UInt64) -> UInt64 { value >> 16 }

    /// A new timestamp for an envelope made now.
    public mutating func tick(nowMilliseconds: UInt64) -> UInt64 {
        let wall = Self.pack(milliseconds: nowMilliseconds, counter: 0)
        last = wall > last ? wall : last + 1
        return last
    }

    /// Makes the next timestamp come after `value`.
    public mutating func observe(_ value: UInt64) {
        if value > last { last = value }
    }
}
