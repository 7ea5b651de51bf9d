import Foundation
import GRDB
import WaymarkCore
import WaymarkCrypto

/// A file kept with a client's record (a scanned signed consent, a letter, an ID): a PDF, JPEG or
/// PNG of at most `NodeDatabase.attachmentLimit` bytes, its type read from its first bytes (never
/// from the name or what the browser said). Its name and bytes are sealed under the client's key,
/// like their record; it stays at this organisation (it is not sent to partners) and is erased with
/// the client.
public struct Attachment: Sendable, Equatable {
    public var id: Int64
    public var name: String
    /// `application/pdf`, `image/jpeg` or `image/png`.
    public var type: String
    public var size: Int
    /// Milliseconds.
    public var addedAt: UInt64
    public var username: String
}

extension NodeDatabase {
    /// The largest file a client's record takes: 5 MiB.
    public static let attachmentLimit = 5 << 20

    /// Why a file was not kept.
    public enum AttachmentProblem: Error, Sendable, Equatable {
        case empty
        case tooBig
        /// Not a PDF, JPEG or PNG.
        case notAllowed
    }

    /// The type of a file from its first bytes, if it is one a record takes.
    public static func attachmentType(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: Array("%PDF-".utf8)) { return "application/pdf" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        return nil
    }

    static func attachmentAD(_ clientID: String, _ part: String) -> [UInt8] { Array("waymark/attachment/v1/\(part)".utf8) + [0] + Array(clientID.utf8) }

}
