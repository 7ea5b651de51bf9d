import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// A task: something a member of staff is to do by a date, about a client of this organisation or a
/// referral it is a side of. Never sent to another node. What it says is sealed: under the client's
/// key for a client (erased with them), under the node's local key for a referral (deleted when the
/// referral's circle is erased).
public struct StaffTask: Sendable, Equatable {
    public var id: Int64
    public var text: String
    /// `yyyy-MM-dd`.
    public var dueOn: String
    public var assignee: String
    public var createdBy: String
    /// Milliseconds.
    public var createdAt: UInt64
    /// Milliseconds; nil while open.
    public var doneAt: UInt64?
    public var doneBy: String?
    public var clientID: String?
    /// The referral's key (hex) when the task is about one.
    public var referral: String?
}

extension NodeDatabase {
    static func taskAD(_ about: String) -> [UInt8] { Array("waymark/task/v1".utf8) + [0] + Array(about.utf8) }

    /// Which tasks to list.
    public struct TaskQuery: Sendable {
        public var assignee: String?
        public var clientID: String?
        public var referral: String?
        /// Open tasks only (the default), or done ones only.
        public var done: Bool
        /// Open tasks due on or before this day.
        public var dueBy: String?

        public init(assignee: String? = nil, clientID: String? = nil, referral: String? = nil, done: Bool = false, dueBy: String? = nil) {
            self.assignee = assignee
            self.clientID = clientID
            self.referral = referral
            self.done = done
            self.dueBy = dueBy
        }
    }

}

