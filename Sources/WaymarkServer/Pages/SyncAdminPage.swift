import Foundation
import Hummingbird
import WaymarkCore
import WaymarkCrypto
import WaymarkStore
import WaymarkSync

extension PublicPages {
    /// `/admin/sync` was the sync page's address before it moved into the staff area (`/staff/sync`,
    /// admins only): old links and bookmarks are sent there.
    func registerAdminRedirects(on router: Router<WaymarkRequestContext>) {
        for (old, new) in [("/admin/sync", "/staff/sync"), ("/admin/corrections", "/staff/corrections")] {
            router.get(RouterPath(old)) { request, _ in
                StaffPages.redirect(request.uri.query.map { "\(new)?\($0)" } ?? new)
            }
        }
    }

    /// What the sync page shows: peers and how syncing with them goes, known nodes, flagged
    /// publishers and the rejection log.
    func syncContext(node: SyncNode, language: InterfaceLanguage) throws -> [String: Any] {
        let db = node.database
        let counts = try db.ledger.counts()
        let now = node.nowMilliseconds()
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime]
        func when(_ ms: UInt64?) -> String {
            guard let ms, ms > 0 else { return t("admin.sync.never", language) }
            return iso.string(from: Date(timeIntervalSince1970: Double(ms) / 1000))
        }
        let peers: [[String: Any]] = try db.peers.all().map { p in
            let status: String =
                if p.nextAttempt > now { "retry after \(when(p.nextAttempt)): \(p.lastError ?? "")" } else if let e = p.lastError { e } else {
                    t("admin.sync.ok", language)
                }
            return [
                "url": p.url, "fingerprint": p.fingerprint ?? "", "source": p.source, "lastSuccess": when(p.lastSuccess),
                "envelopesIn": p.envelopesIn, "envelopesOut": p.envelopesOut, "bytesIn": p.bytesIn, "bytesOut": p.bytesOut,
                "rejections": p.rejections, "status": status,
            ]
        }
        let nodes: [[String: Any]] = try db.knownNodes().map { ["name": $0.organizationName, "url": $0.url, "fingerprint": $0.fingerprint] }
        let forks: [[String: Any]] = try db.ledger.forkedAuthors().map { ["fingerprint": $0.fingerprint, "sequences": $0.sequences] }
        let rejections: [[String: Any]] = try db.ledger.rejections(limit: 50).map {
            ["at": when($0.at), "peer": $0.peer, "author": $0.author, "reason": $0.reason, "detail": $0.detail]
        }
        var ctx: [String: Any] = [:]
        ctx["fingerprint"] = node.identity.fingerprint
        ctx["envelopes"] = counts.envelopes
        ctx["pending"] = counts.pending
        ctx["peers"] = peers
        ctx["hasPeers"] = !peers.isEmpty
        ctx["nodes"] = nodes
        ctx["forks"] = forks
        ctx["rejections"] = rejections
        ctx["hasRejections"] = !rejections.isEmpty
        return ctx
    }
}
