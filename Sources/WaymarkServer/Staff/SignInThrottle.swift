import Foundation
import Synchronization

/// Failed sign-ins counted per client address, whatever the usernames: past `failures` within
/// `windowMilliseconds`, the address is refused without a password check until its window ends.
/// The count per account (five, then 15 minutes locked) stops guessing one account's password; this
/// stops one address from trying a few passwords on every account.
///
/// A loopback peer is not counted: a node behind a reverse proxy on its own machine sees every
/// client at the proxy's loopback address, and counting it would let anyone lock every member of
/// staff out. With `--trusted-proxy`, the address the proxy forwards is counted instead (`ClientAddress`).
final class SignInThrottle: Sendable {
    static let failures = 20
    static let windowMilliseconds: UInt64 = 15 * 60 * 1000
    /// Addresses remembered at most; the oldest windows are forgotten first.
    static let capacity = 10_000

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
            if now >= entry.since + Self.windowMilliseconds {
                table[address] = nil
                return false
            }
            return entry.count >= Self.failures
        }
    }

    func failed(_ address: String, now: UInt64) {
        state.withLock { table in
            if var entry = table[address], now < entry.since + Self.windowMilliseconds {
                entry.count += 1
                table[address] = entry
            } else {
                if table.count >= Self.capacity {
                    table = table.filter { now < $0.value.since + Self.windowMilliseconds }
                    if table.count >= Self.capacity, let oldest = table.min(by: { $0.value.since < $1.value.since })?.key { table[oldest] = nil }
                }
                table[address] = (1, now)
            }
        }
    }
}
