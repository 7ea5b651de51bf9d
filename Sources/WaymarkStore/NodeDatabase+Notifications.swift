import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// What a member of staff may ask to be told about by email.
public enum NoticeKind: String, Sendable, CaseIterable {
    /// A referral to this organisation arrived.
    case referral
    /// The other side wrote on a referral.
    case message
    /// A referral (either way) has waited longer than the response time.
    case overdue
    /// One of their own tasks is due.
    case task
}

/// A member of staff's email notifications: their own address, opted into kind by kind.
public struct NoticePreferences: Sendable, Equatable {
    public var email: String
    public var kinds: Set<NoticeKind>
    /// The language of their emails (`en`, `ga`).
    public var language: String
    /// Milliseconds: only what happened after they asked is mailed.
    public var since: UInt64

    public init(email: String, kinds: Set<NoticeKind>, language: String, since: UInt64) {
        self.email = email
        self.kinds = kinds
        self.language = language
        self.since = since
    }

    /// An address a mail server will take and that cannot carry another header: one `@`, no spaces
    /// or control characters, no angle brackets, at most 254 bytes.
    public static func isPlausibleAddress(_ s: String) -> Bool {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        return s.utf8.count <= 254 && parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !parts[1].hasSuffix(".") && s.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7f && !"<>()[]\\,;:\"".unicodeScalars.contains($0) }
    }
}

/// One email waiting to go, or gone.
public struct OutgoingMail: Sendable, Equatable {
    public var id: Int64
    public var to: String
    public var subject: String
    public var body: String
    public var attempts: Int
}

/// What a notice says: filled in by the server in the worker's language; it names no client.
public struct NoticeFacts: Sendable {
    public var kind: NoticeKind
    /// The other organisation, where there is one.
    public var organization: String
    /// A path on the staff site to sign in to (`/staff/...`).
    public var path: String
    /// Tasks due: how many.
    public var count: Int
}

/// Email notifications (`mail_outbox`): what happened is turned into one email per person and event,
/// remembered by a key so it is mailed once; the server's notifier sends them through the node's SMTP
/// server and retries with a growing wait. An email names no client: only the kind of event, the
/// other organisation and a link to sign in.
