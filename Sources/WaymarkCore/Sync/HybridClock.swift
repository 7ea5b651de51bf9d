/// A hybrid logical clock: wall-clock milliseconds in the high 48 bits and a counter in the low 16,
/// so that every envelope a node makes sorts after everything it has seen, even if its clock is behind.
///
/// The core has no clock of its own: callers pass "now" in.
public struct HybridClock: Sendable, Equatable {
    public private(set) var last: UInt64 = 0
    /// How far ahead of this node's wall clock a peer's clock may be before its envelope is held back.
    public var maximumDriftMilliseconds: UInt64 = 5 * 60 * 1000

    public enum ClockError: Error, Sendable, Equatable {
        /// The remote clock is further ahead than `maximumDriftMilliseconds`.
        case farFuture(remoteMilliseconds: UInt64, nowMilliseconds: UInt64)
    }

    public init(last: UInt64 = 0) { self.last = last }

    public static func pack(milliseconds: UInt64, counter: UInt16) -> UInt64 { milliseconds << 16 | UInt64(counter) }
    public static func milliseconds(_ value: UInt64) -> UInt64 { value >> 16 }

    /// A new timestamp for an envelope made now.
    public mutating func tick(nowMilliseconds: UInt64) -> UInt64 {
        let wall = Self.pack(milliseconds: nowMilliseconds, counter: 0)
        last = wall > last ? wall : last + 1
        return last
    }

    /// Takes a peer's timestamp into account, refusing one too far in the future.
    public mutating func observe(_ remote: UInt64, nowMilliseconds: UInt64) throws {
        let remoteMs = Self.milliseconds(remote)
        if remoteMs > nowMilliseconds && remoteMs - nowMilliseconds > maximumDriftMilliseconds {
            throw ClockError.farFuture(remoteMilliseconds: remoteMs, nowMilliseconds: nowMilliseconds)
        }
        if remote > last { last = remote }
    }
}
