import ArgumentParser
import Foundation
import WaymarkCore
import WaymarkCrypto
import WaymarkStore
import WaymarkSync

struct Member: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The federation's members: admit an organisation (vouch for its key), list them, remove one.",
        subcommands: [MemberAdd.self, MemberList.self, MemberRemove.self, MemberFound.self, MemberQuota.self])
}

struct MemberAdd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Admit another organisation's node: check its fingerprint, vouch for its key, and peer with it.",
        discussion: """
            Ask the other organisation's admin to read you their node's fingerprint (`waymark info`) over the phone or in
            person; never take it from an email or a chat message alone. Their node must be running (`waymark serve`).
              waymark member add --data DIR http://10.0.0.6:8080 --fingerprint 3f2a-91c0-...
            or, for a node that is not running yet, with its signing key (`waymark info` prints it):
              waymark member add --data DIR --key 9c1e...64 hex digits --fingerprint 3f2a-91c0-... --name "Ballymun Youth Club"
            The vouch is a signed record that every node of the federation takes in. Then give them this node's invite
            (`waymark invite`) so that they join with `waymark peer add`.
            """)

    @OptionGroup var data: DataOption
    @Argument(help: "The node's URL (or give --key).") var url: String?
    @Option(help: "The node's signing key in hex, instead of its URL.") var key: String?
    @Option(help: "The node's key fingerprint, as its admin read it to you.") var fingerprint: String
    @Option(help: "The organisation's name as the federation will show it (default: the name its node gives).") var name: String?
    @Option(help: ArgumentHelp("Roles besides publishing: hub, helper, champion.", valueName: "ROLE")) var role: [String] = []

    func run() async throws {
        let db = try data.database()
        let identity = try data.identity()
        for r in role where !Membership.roles.contains(r) { throw fail("unknown role \(r): roles are \(Membership.roles.sorted().joined(separator: ", "))") }
        let now = LocalClock.nowMilliseconds()
        if let hex = key {
            guard url == nil else { throw fail("give the node's URL or its --key, not both") }
            guard let member = bytesFromHex(hex), member.count == 32 else { throw fail("--key takes the node's 32-byte signing key in hex (64 digits)") }
            guard NodeIdentity.fingerprint(of: member) == fingerprint.lowercased() else {
                throw fail("fingerprint mismatch: that key has fingerprint \(NodeIdentity.fingerprint(of: member)), not \(fingerprint); nothing was vouched")
            }
            guard let name else { throw fail("give the organisation's --name when vouching by key") }
            let vouch = Membership.Vouch(member: member, organizationName: name, roles: role)
            do { try db.publishVouch(vouch, identity: identity, nowMilliseconds: now) } catch let e as MembershipError { throw fail(e.description) }
            print("Vouched for \(name) (fingerprint \(fingerprint.lowercased())).")
            print("Give its admin this node's invite to join with: waymark invite --data \(data.data)")
            return
        }
        guard let url else { throw fail("give the node's URL (or its --key)") }
        let found: (record: NodeRecord, wire: [UInt8], key: [UInt8])
        do {
            found = try await PeerEnrolment.fetchRecord(url: url, fingerprint: fingerprint, transport: HTTPTransport(identity: identity, timeout: 10))
        } catch let f as PeerEnrolment.Failure {
            throw fail(f.description)
        }
        let vouch = Membership.Vouch(member: found.key, organizationName: name ?? found.record.organizationName, roles: role)
        do { try db.publishVouch(vouch, identity: identity, nowMilliseconds: now) } catch let e as MembershipError { throw fail(e.description) }
        _ = try db.ledger.ingest([found.wire], from: url, nowMilliseconds: now)
        try db.peers.add(url: PeerEnrolment.normalized(url), author: found.key, source: "admin", nowMilliseconds: now)
        print("Vouched for \(vouch.organizationName) (fingerprint \(NodeIdentity.fingerprint(of: found.key))) and peered with \(url).")
        print("Give its admin this node's invite to join with: waymark invite --data \(data.data)")
    }
}

struct MemberList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the federation's members as this node holds them.")
    @OptionGroup var data: DataOption

    func run() throws {
        let db = try data.database()
        let members = try db.members()
        if members.isEmpty {
            print("This node belongs to no federation yet: found one (waymark init --found) or join one (waymark peer add INVITE).")
        }
        let quota = try db.ledger.authorQuota()
        let usage = Dictionary(try db.ledger.storageByAuthor().map { (ByteKey($0.author), $0) }, uniquingKeysWith: { a, _ in a })
        let own = try data.identity().signingPublicKey
        for m in members {
            var notes: [String] = []
            if m.founder { notes.append("founder") }
            if !m.roles.isEmpty { notes.append(m.roles.joined(separator: ", ")) }
            if let voucher = m.voucher {
                notes.append("vouched for by \(members.first { $0.key == voucher }?.organizationName ?? NodeIdentity.fingerprint(of: voucher))")
            }
            if let at = m.removedAt { notes.append("removed \(ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(at) / 1000)))") }
            if let u = usage[ByteKey(m.key)] { notes.append(MemberQuota.describe(u.envelopes, u.bytes, quota: m.key == own ? nil : quota)) }
            print("\(m.fingerprint)  \(m.organizationName)" + (notes.isEmpty ? "" : "  [\(notes.joined(separator: "; "))]"))
        }
    }
}

struct MemberQuota: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quota",
        abstract: "Show or set how much of this node one other organisation's envelopes may take (the storage quota per member).",
        discussion: """
            Envelopes beyond the quota are refused as over-quota (shown at /staff/sync) and taken in when they are offered again
            after the quota is raised. Takes effect at once, also on a serving node. The node's own envelopes count against no quota.
            """)
    @OptionGroup var data: DataOption
    @Option(help: "The new quota, in MiB.") var mib: UInt64?

    static func describe(_ envelopes: Int, _ bytes: UInt64, quota: UInt64?) -> String {
        let count = envelopes == 1 ? "1 envelope" : "\(envelopes) envelopes"
        let mib = String(format: "%.1f MiB", Double(bytes) / Double(1 << 20))
        guard let quota else { return "\(count), \(mib) (this node)" }
        return "\(count), \(mib) of its \(quota >> 20) MiB quota"
    }

    func run() throws {
        let db = try data.database()
        if let mib {
            guard try db.ledger.setAuthorQuota(mib: mib) else { throw fail("--mib takes a number of MiB from 1 upwards") }
        }
        let quota = try db.ledger.authorQuota()
        print("Each other organisation may fill up to \(quota >> 20) MiB of this node.")
        let own = try data.identity().signingPublicKey
        let names = Dictionary(try db.members().map { (ByteKey($0.key), $0.organizationName) }, uniquingKeysWith: { a, _ in a })
        for u in try db.ledger.storageByAuthor() {
            let name = names[ByteKey(u.author)] ?? "(not a member)"
            let over = u.author != own && u.bytes >= quota ? "  -- already over it: its new envelopes will be refused" : ""
            print("\(NodeIdentity.fingerprint(of: u.author))  \(name)  \(Self.describe(u.envelopes, u.bytes, quota: u.author == own ? nil : quota))\(over)")
        }
    }
}

struct MemberRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a member (an organisation that left, or a key that was compromised): its listings disappear everywhere.",
        discussion: """
            Only a founder, or the member itself (leaving), may remove it. A compromised key may have vouched for others:
            --with-vouched removes them too (and those they vouched for), each with the same reason; `waymark member list`
            shows who vouched for whom. An organisation removed by mistake is vouched for again under a new key.
            """)
    @OptionGroup var data: DataOption
    @Argument(help: "The member's fingerprint, as `waymark member list` shows it.") var fingerprint: String
    @Option(help: "Why (kept in the signed record).") var reason: String
    @Flag(help: "Also remove the members it vouched for, and those they vouched for (founders only).") var withVouched = false

    func run() throws {
        let db = try data.database()
        let identity = try data.identity()
        let members = try db.members()
        guard let member = members.first(where: { $0.fingerprint == fingerprint.lowercased() }) else {
            throw fail("no member with fingerprint \(fingerprint); see: waymark member list --data \(data.data)")
        }
        let removed: [[UInt8]]
        do {
            removed = try db.publishRemoval(
                .init(member: member.key, reason: reason), withVouched: withVouched, identity: identity, nowMilliseconds: LocalClock.nowMilliseconds())
        } catch let e as MembershipError {
            throw fail(e.description)
        }
        for key in removed {
            let fp = NodeIdentity.fingerprint(of: key)
            print("Removed \(members.first { $0.key == key }?.organizationName ?? fp) (\(fp)).")
        }
        print("The removal spreads to every node.")
    }
}

struct MemberFound: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "found", abstract: "Found a new federation with this node as its founding member (as `waymark init --found` does).")
    @OptionGroup var data: DataOption

    func run() throws {
        let db = try data.database()
        let identity = try data.identity()
        do { try db.setFounders([identity.signingPublicKey]) } catch let e as MembershipError { throw fail(e.description) }
        print("This node founded a federation (fingerprint \(identity.fingerprint)); admit others with `waymark member add`.")
    }
}

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Back the node up into a folder: a consistent copy of its database and its key file (safe while it serves).",
        discussion: "Keep the backup as safe as the node itself: it holds the organisation's private keys.")
    @OptionGroup var data: DataOption
    @Option(help: "An empty folder to write the backup into.") var out: String

    func run() throws {
        do {
            let n = try data.home.backup(to: out)
            print("Backed up the node (\(n) signed records) into \(out).")
        } catch let p as NodeHome.Problem {
            throw fail(p.description)
        }
    }
}

struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Restore a node from a backup into an empty data folder.",
        discussion: """
            The restored node signs nothing until it has synced once with a peer, so that it takes back what it signed after
            the backup instead of signing new records with the same numbers (which other nodes would flag as a fork).
              waymark restore --data DIR --from BACKUP && waymark serve --data DIR ...
            """)
    @OptionGroup var data: DataOption
    @Option(help: "The backup folder (written by `waymark backup`).") var from: String

    func run() throws {
        do { try data.home.restore(from: from) } catch let p as NodeHome.Problem { throw fail(p.description) }
        print("Restored the node into \(data.data). It signs nothing until it has synced with a peer: start `waymark serve` (or run `waymark sync`).")
    }
}
