import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// Messages on a referral between its two sides (`Protocol/SPEC.md` §8.9): encrypted to both (and
/// to the client once they hold a receipt), kept in the circle like the referral's status changes,
/// erased with it. Messages that arrive from the other side are noted in `referral_message_seen`
/// (id, referral, when; never the words) so the staff home can show what is new and a worker can be
/// told by email.
public struct ArrivedMessage: Sendable, Equatable {
    /// The referral's key (hex).
    public var referral: String
    public var fromName: String
    /// Milliseconds.
    public var at: UInt64
    public var count: Int
    /// The client and service as the referral names them (opened for the staff home).
    public var clientName: String? = nil
    public var serviceName: String? = nil
}

