import ArgumentParser
import Foundation
import WaymarkCore
import WaymarkCrypto
import WaymarkStore

struct KeyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "key", abstract: "The keys that sign for this organisation: hand over to a new one.",
        subcommands: [KeyRotate.self, KeyShow.self])
}

struct KeyRotate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate",
        abstract: "Hand this organisation over to a new signing and encryption key (stop the node first).",
        discussion: """
            Makes a new key, adds it to the key file, and publishes a hand-over signed by the key in force. The organisation
            keeps its fingerprint, listings, clients' records and membership; from now on its records and sync requests are
            signed by the new key, and what partners seal for it uses the new encryption key. Once a peer holds the
            hand-over, it refuses the old key's requests and anything the old key signs after it. Run it with the node
            stopped, then start the node again (it publishes its node record with the new encryption key). Take a new
            backup afterwards: an older backup's key file lacks the new key.
              waymark key rotate --data DIR
            If the hand-over could not be published (a full disk, a crash), running it again publishes it for the key the
            file already holds.
            """)
    @OptionGroup var data: DataOption

    func run() throws {
        let db = try data.database()
        var identity: NodeIdentity
        do { identity = try data.home.loadIdentity(inForce: false) } catch { throw fail("\(error)") }
        let inForce = try db.keyInForce(author: identity.signingPublicKey)
        let resuming = inForce != identity.signerPublicKey && identity.signingKeys.contains(inForce)
        if !resuming {
            guard inForce == identity.signerPublicKey else {
                throw fail("the key file does not hold the key in force (\(NodeIdentity.fingerprint(of: inForce))); restore the key file that does")
            }
            identity = identity.withNewGeneration()
            // The new key is kept before anything names it: a crash now leaves the old key in force.
            do { try data.home.writeKeyFile(identity) } catch { throw fail("\(error)") }
        }
        do {
            identity = try db.handOver(to: identity, nowMilliseconds: LocalClock.nowMilliseconds())
        } catch let e as PublishError {
            throw fail("the new key is in the key file but the hand-over was not published: \(e.description). Run `waymark key rotate` again.")
        }
        if let url = try db.setting("public_url") {
            try db.ledger.publishNodeRecord(
                NodeRecord(
                    organizationID: try db.setting("organization_id") ?? "", organizationName: try db.setting("organization_name") ?? "", url: url,
                    encryptionKey: identity.encryptionPublicKey),
                identity: identity, nowMilliseconds: LocalClock.nowMilliseconds())
        }
        print("""
            Handed over to a new key (fingerprint \(NodeIdentity.fingerprint(of: identity.signerPublicKey)), key \(identity.generations) of this organisation).
            The organisation's fingerprint stays \(identity.fingerprint). Start the node again; peers take the hand-over at the next sync.
            Take a new backup now (`waymark backup`): older backups do not hold the new key.
            """)
    }
}

struct KeyShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show the organisation's key, the key in force and its hand-overs.")
    @OptionGroup var data: DataOption

    func run() throws {
        let db = try data.database()
        let identity = try data.identity()
        print("organisation key: \(hexString(identity.signingPublicKey)) (fingerprint \(identity.fingerprint))")
        print("key in force:     \(hexString(identity.signerPublicKey)) (fingerprint \(NodeIdentity.fingerprint(of: identity.signerPublicKey)))")
        let handovers = try db.handovers(author: identity.signingPublicKey)
        if handovers.isEmpty { print("no hand-overs: the organisation's first key signs for it") }
        for h in handovers {
            let date = Date(timeIntervalSince1970: Double(HybridClock.milliseconds(h.clock)) / 1000)
            print("hand-over at record \(h.sequence), \(ISO8601DateFormatter().string(from: date)): to \(NodeIdentity.fingerprint(of: h.key))")
        }
    }
}
