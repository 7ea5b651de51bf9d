import Foundation
import GRDB

extension NodeDatabase {
    /// The room kept in reserve beside the database.
    static let reserveBytes = 2 << 20

    /// Whether `error` is SQLite saying the disk (or the database's size limit) is full: nothing of
    /// the transaction was written, and nothing more can be until space is freed.
    public static func isDiskFull(_ error: any Error) -> Bool {
        (error as? DatabaseError)?.resultCode == .SQLITE_FULL
    }

    /// After a write failed for want of space. The failed transaction's pages are left in the
    /// write-ahead log, which SQLite can only shrink by first copying the log's committed pages into
    /// the database file, and on a full disk there is no room for that: so the reserve file is given
    /// up, the log checkpointed and truncated (freeing what the failed transaction took), and the
    /// reserve made again if there is room. A disk that is still full stays so until its admin frees
    /// space; nothing already stored is lost either way. It may wait a few seconds: call it off the
    /// cooperative pool (`Blocking.run`).
    public func releaseSpaceAfterFailure() {
        if let reservePath { try? FileManager.default.removeItem(atPath: reservePath) }
        // Another process (a command beside the serving node) may be reading or writing just then:
        // the checkpoint is tried again for a few seconds, and the reserve is made again only once
        // the log was truncated (before that, the room is better left to the log).
        for attempt in 0..<20 {
            if (try? ledger.truncateLog()) == true {
                keepReserve()
                return
            }
            Thread.sleep(forTimeInterval: 0.05 * Double(attempt + 1))
        }
    }

    /// Makes the reserve file if it is missing and the disk has room for it.
    func keepReserve() {
        guard let reservePath, !FileManager.default.fileExists(atPath: reservePath) else { return }
        let partial = reservePath + ".partial"
        guard FileManager.default.createFile(atPath: partial, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: partial)
        else { return }
        // Written out (not a sparse file), so that the space is really taken.
        let written: Bool = (try? handle.write(contentsOf: Data(count: Self.reserveBytes))) != nil
        try? handle.close()
        if written {
            try? FileManager.default.moveItem(atPath: partial, toPath: reservePath)
        } else {
            try? FileManager.default.removeItem(atPath: partial)
        }
    }
}
