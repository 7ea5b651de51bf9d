import Foundation
import Synchronization

/// Refusals counted per client address: past `failures` within `windowMilliseconds`, the address is
/// refused without further checks until its window ends. Two are kept:
/// - failed sign-ins, whatever the usernames (`signIn`): the count per account (five, then 15 minutes
///   locked) stops guessing one account's password; this stops one address from trying a few
///   passwords on every account;
/// - refused sync requests (`syncRefusals`: unsigned, badly signed, or from a key that is not a
///   member): members' requests are never refused this way, so the count only grows for strangers,
///   and a stranger's address stops costing the node a body read and a signature check.
///
/// A loopback peer is not counted: a node behind a reverse proxy on its own machine sees every
/// client at the proxy's loopback address, and counting it would let anyone lock every member of
/// staff, or every peer, out. With `--trusted-proxy`, the address the proxy forwards is counted
/// instead (`ClientAddress`).
final class AddressThrottle: Sendable {
    let failures: Int
    let windowMilliseconds: UInt64
    /// Addresses remembered at most; the oldest windows are forgotten first.
    let capacity: Int

    init(failures: Int, windowMilliseconds: UInt64, capacity: Int = 10_000) {
        self.failures = failures
        self.windowMilliseconds = windowMilliseconds
        self.capacity = capacity
    }

    /// 20 failed sign-ins in 15 minutes.
    static func signIn() -> AddressThrottle { AddressThrottle(failures: 20, windowMilliseconds: 15 * 60 * 1000) }
    /// 30 refused sync requests in 10 minutes (a node that is not yet vouched for retries with
    /// backoff, well under this).
    static func syncRefusals() -> AddressThrottle { AddressThrottle(failures: 30, windowMilliseconds: 10 * 60 * 1000) }

    private let state = Mutex<[String: (count: Int, since: UInt64)]>([:])

    /// Whether failures from this address are counted at all.
    func counts(_ address: String) -> Bool {
        !(address.hasPrefix("127.") || address == "::1" || address.hasPrefix("::ffff:127."))
    }

    /// Whether failures from this client are counted: any address a trusted proxy forwarded, and
    /// otherwise any peer that is not on this machine.
    func counts(_ client: ClientAddress) -> Bool { client.forwarded || counts(client.address) }

    /// How many addresses are remembered.
    var size: Int { state.withLock { $0.count } }

    func isBlocked(_ address: String, now: UInt64) -> Bool {
        state.withLock { table in
            guard let entry = table[address] else { return false }
            if now >= entry.since + windowMilliseconds {
                table[address] = nil
                return false
            }
            return entry.count >= failures
        }
    }

    func failed(_ address: String, now: UInt64) {
        state.withLock { table in
            if var entry = table[address], now < entry.since + windowMilliseconds {
                entry.count += 1
                table[address] = entry
            } else {
                if table.count >= capacity {
                    table = table.filter { now < $0.value.since + windowMilliseconds }
                    if table.count >= capacity, let oldest = table.min(by: { $0.value.since < $1.value.since })?.key { table[oldest] = nil }
                }
                table[address] = (1, now)
            }
        }
    }
}
