import ArgumentParser
import Foundation
import Logging
import WaymarkCore
import WaymarkCrypto
import WaymarkStore
import WaymarkSync

struct Peer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Manage the nodes this node syncs with.", subcommands: [PeerAdd.self, PeerList.self, PeerRemove.self])
}

struct PeerAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Start syncing with a node: give its URL and key fingerprint, or the invite string its admin printed.",
        discussion: """
            The node is contacted at once: its signed node record must carry the fingerprint you were given, or nothing is added.
              waymark peer add --data DIR http://10.0.0.5:8080 --fingerprint 1a2b-...
              waymark peer add --data DIR waymark-invite:aHR0cDov...
            """)

    @OptionGroup var data: DataOption
    @Argument(help: "The node's URL, or an invite string.") var target: String
    @Option(help: "The node's key fingerprint, as its admin read it to you.") var fingerprint: String?

    func run() async throws {
        let db = try data.database()
        let identity = try data.identity()
        let url: String
        let print_: String
        var founders: [[UInt8]] = []
        if let invite = Invite(text: target) {
            url = invite.url
            print_ = invite.fingerprint
            founders = invite.founders
        } else if let fingerprint {
            url = target
            print_ = fingerprint
        } else {
            throw fail("give the node's fingerprint (--fingerprint F), or paste its invite string (waymark-invite:...)")
        }
        do {
            let record = try await PeerEnrolment.add(
                url: url, fingerprint: print_, founders: founders, database: db, transport: HTTPTransport(identity: identity, timeout: 10),
                nowMilliseconds: LocalClock.nowMilliseconds())
            print("Peered with \(record.organizationName) at \(url) (fingerprint \(print_)).")
            print("A running `waymark serve` starts syncing with it within one sync interval.")
        } catch let f as PeerEnrolment.Failure {
            throw fail(f.description)
        }
    }
}

struct PeerList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List peers and how syncing with each is going.")
    @OptionGroup var data: DataOption

    func run() throws {
        let db = try data.database()
        let peers = try db.peers.all()
        if peers.isEmpty { print("No peers. Add one with: waymark peer add --data \(data.data) URL --fingerprint F") }
        for p in peers {
            let last = p.lastSuccess.map { "last success \(ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double($0) / 1000)))" } ?? "never synced"
            print("\(p.url)  [\(p.source)]  \(p.fingerprint ?? "key not yet known")")
            print("    \(last); in \(p.envelopesIn), out \(p.envelopesOut), rejected \(p.rejections), failures in a row \(p.failures)"
                + (p.lastError.map { "; last error: \($0)" } ?? ""))
        }
        let nodes = try db.knownNodes()
        if !nodes.isEmpty {
            print("Known nodes (from signed node records):")
            for n in nodes { print("  \(n.organizationName)  \(n.url)  \(n.fingerprint)") }
        }
    }
}

struct PeerRemove: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Stop syncing with a node.")
    @OptionGroup var data: DataOption
    @Argument(help: "The peer's URL.") var url: String

    func run() throws {
        let db = try data.database()
        guard try db.peers.remove(url: url) else { throw fail("no peer with URL \(url); see: waymark peer list --data \(data.data)") }
        print("Removed \(url).")
    }
}

struct InviteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite", abstract: "Print an invite string another node's admin can use to peer with this node.")
    @OptionGroup var data: DataOption
    @Option(help: "The URL other nodes reach this node at (default: the one `serve` last published).") var url: String?

    func run() throws {
        let db = try data.database()
        let identity = try data.identity()
        guard let url = try url ?? db.setting("public_url") else {
            throw fail("this node has no public URL yet: pass --url, or start `waymark serve` once")
        }
        let founders = try db.founders()
        guard !founders.isEmpty else {
            throw fail("this node belongs to no federation yet: found one (waymark init --found) or join one (waymark peer add INVITE)")
        }
        print(Invite(url: url, fingerprint: identity.fingerprint, founders: founders).text)
    }
}

struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Sync once with every peer now and report what moved (a running `serve` does this by itself).")
    @OptionGroup var data: DataOption

    func run() async throws {
        let db = try data.database()
        let identity = try data.identity()
        let node = SyncNode(database: db, identity: identity)
        var settings = SyncSettings()
        settings.learnedPeerRanges = AddressRange.defaults(forOwnURL: try db.setting("public_url") ?? "")
        let engine = SyncEngine(node: node, transport: HTTPTransport(identity: identity), settings: settings, logger: Logger(label: "waymark"))
        var failed = 0
        for p in try db.peers.all() where p.author != identity.signingPublicKey {
            // Learned peers only as `serve` would call them: current members in the allowed address ranges.
            if p.source != "admin", !(await engine.mayCall(learned: p)) {
                print("\(p.url): skipped (a learned peer that is not a current member, or not in an allowed address range)")
                continue
            }
            let o = await engine.sync(with: p)
            if o.succeeded {
                print("\(p.url): \(o.rounds) round trips, \(o.envelopesIn) in, \(o.envelopesOut) out, \(o.bytesIn + o.bytesOut) bytes")
            } else {
                failed += 1
                print("\(p.url): failed: \(o.error ?? "")")
            }
        }
        if failed > 0 { throw ExitCode(2) }
    }
}

struct Update: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Change fields of one of this organisation's records and publish the change to every node.",
        discussion: "  waymark update --data DIR --table service --id ID --set name=\"Homework club\" --set status=inactive")
    @OptionGroup var data: DataOption
    @Option(help: "The HSDS table.") var table: String
    @Option(help: "The record id.") var id: String
    @Option(name: .customLong("set"), help: ArgumentHelp("A field and its new text value.", valueName: "FIELD=VALUE")) var assignments: [String] = []

    func run() throws {
        let db = try data.database()
        let identity = try data.identity()
        guard let current = try db.record(table: table, id: id) else { throw fail("no \(table) record with id \(id)") }
        var fields = current.fields
        for a in assignments {
            guard let eq = a.firstIndex(of: "="), a[..<eq] != "id" else { throw fail("--set takes FIELD=VALUE (and the id cannot change): \(a)") }
            fields[String(a[..<eq])] = .string(String(a[a.index(after: eq)...]))
        }
        do {
            var flattener = HSDSFlattener()
            try flattener.add(.object(fields), table: table, path: "--set")
            let summary = try db.ledger.publish(flattener.records, identity: identity, nowMilliseconds: LocalClock.nowMilliseconds())
            print(summary.updated > 0 ? "Published the change to \(table) \(id)." : "Nothing changed.")
        } catch let e as PublishError {
            throw fail(e.description)
        } catch let e as HSDSError {
            throw fail(e.description)
        }
    }
}

struct Delete: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Delete one of this organisation's records everywhere (signed tombstones), with the records under it.",
        discussion: "Deleting a service also deletes its schedules, service-at-locations, languages, costs and attributes; deleting an organisation deletes its services and locations too.")
    @OptionGroup var data: DataOption
    @Option(help: "The HSDS table.") var table: String
    @Option(help: "The record id.") var id: String

    func run() throws {
        let db = try data.database()
        let identity = try data.identity()
        guard try db.record(table: table, id: id) != nil else { throw fail("no \(table) record with id \(id)") }
        do {
            let under = try db.dependents(table: table, id: id)
            try db.ledger.publish([], deleting: [(table, id)] + under, identity: identity, nowMilliseconds: LocalClock.nowMilliseconds())
            print("Deleted \(table) \(id)" + (under.isEmpty ? "" : " and \(under.count) records under it") + "; the deletion is signed and spreads to every node.")
        } catch let e as PublishError {
            throw fail(e.description)
        }
    }
}
