import ArgumentParser
import Foundation
import Hummingbird
import Logging
import WaymarkCore
import WaymarkCrypto
import WaymarkServer
import WaymarkStore
import WaymarkSync
import WaymarkSample

@main
struct WaymarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waymark",
        abstract: "A community-services directory node (Open Referral HSDS 3.0).",
        discussion: """
            Each organisation runs its own node: one program and one SQLite file in a data folder.
            Start with `waymark init`, load services with `waymark import`, and serve them with `waymark serve`.
            """,
        subcommands: [
            Init.self, Import.self, Update.self, Delete.self, Export.self, Serve.self, Search.self, Info.self, Generate.self, Peer.self,
            InviteCommand.self, Member.self, KeyCommand.self, SyncCommand.self, Backup.self, Restore.self, User.self, InstrumentCommand.self, NeedsCommand.self, SettingCommand.self, SampleJourney.self, HelpLinesCommand.self, SearchWordsCommand.self, DistrictCommand.self, HubCommand.self, SampleCaseload.self,
        ]
    )
}

/// The `--data DIR` option every command shares.
struct DataOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The node's data folder.", valueName: "DIR"))
    var data: String

    var home: NodeHome { NodeHome(data) }

    /// The node's database; a folder without a node is reported as such.
    func database() throws -> NodeDatabase {
        do { return try home.openDatabase() } catch let p as NodeHome.Problem { throw fail(p.description) } catch where NodeDatabase.isDiskFull(error) {
            // Opening may write (bringing the database up to date, the reserve beside it): on a full
            // disk nothing was changed, and the admin is told what to do.
            throw fail("nothing was changed: the disk holding \(data) is full. Free some space and try again.")
        }
    }

    /// The node's keys; a missing or world-readable key file is reported as such.
    func identity() throws -> NodeIdentity {
        do { return try home.loadIdentity() } catch { throw fail("\(error)") }
    }
}

/// Prints a problem to standard error and exits with a failure status.
func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    return ExitCode.failure
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a node: its database, its keys and the organisation that publishes from it.")

    @OptionGroup var data: DataOption
    @Option(help: "The publishing organisation's name.") var org: String
    @Flag(help: "Found a new federation with this node as its founding member (otherwise join one later with `waymark peer add INVITE`).")
    var found = false

    func run() throws {
        do {
            let (identity, orgID) = try data.home.create(organizationName: org)
            if found { try data.database().setFounders([identity.signingPublicKey]) }
            print("Created a Waymark node in \(data.home.directory.path)")
            print("  organisation:  \(org) (\(orgID))")
            print("  fingerprint:   \(identity.fingerprint)")
            print("  private keys:  \(data.home.keyPath) (owner-only)")
            print(
                found
                    ? "  federation:    founded by this node; admit other organisations with `waymark member add`"
                    : "  federation:    none yet; a member's admin vouches for this node (`waymark member add`), then join with `waymark peer add INVITE`")
        } catch let p as NodeHome.Problem {
            throw fail(p.description)
        }
    }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import HSDS 3.0 data: JSON (object, array, API page, tabular JSON), ndjson, CSV or a tabular data package.",
        discussion: "The whole import is one transaction: if any record is invalid, nothing is imported and the error names the file, record and field."
    )

    @OptionGroup var data: DataOption
    @Flag(help: "Load the bundled fictional Ballymun sample directory.") var sample = false
    @Option(help: ArgumentHelp("Load only part K of N of the sample, split by publishing organisation (for a federation of N nodes).", valueName: "K/N"))
    var samplePart: String?
    @Option(help: "The HSDS table of the records when the file name does not say (service, organization, ...).") var table: String?
    @Flag(
        name: .customLong("keep-ids"),
        help: ArgumentHelp(
            "Keep the ids the records come with instead of giving them ids of this organisation's own (rows whose ids are not this organisation's are not protected from a member that backdates a claim: Protocol/SPEC.md §3.2)."
        )) var keepIDs = false
    @Argument(help: "Files or folders to import.") var files: [String] = []

    func validate() throws {
        if !sample && files.isEmpty { throw ValidationError("give files to import, or --sample") }
        if let table, HSDSSchema.tables[table] == nil { throw ValidationError("'\(table)' is not an HSDS 3.0 table") }
        if samplePart != nil && parsedPart == nil { throw ValidationError("--sample-part takes K/N with 1 ≤ K ≤ N, e.g. 2/5") }
    }

    var parsedPart: (index: Int, parts: Int)? {
        guard let samplePart else { return nil }
        let bits = samplePart.split(separator: "/")
        guard bits.count == 2, let k = Int(bits[0]), let n = Int(bits[1]), n >= 1, (1...n).contains(k) else { return nil }
        return (k - 1, n)
    }

    func run() throws {
        let db = try data.database()
        var records: [HSDSRecord] = []
        if sample {
            let all = SampleDirectory.ballymun()
            if let part = parsedPart { records += SampleDirectory.part(all, index: part.index, of: part.parts) } else { records += all }
        }
        do {
            records += try HSDSFiles.read(files, table: table)
        } catch let e as HSDSError {
            throw fail("nothing was imported. \(e.description)")
        }
        let identity = try data.identity()
        if keepIDs, let foreign = records.first(where: { !RowNamespace.mayPublish($0.id, author: identity.signingPublicKey) }) {
            throw fail(
                "nothing was imported: \(foreign.table) \(foreign.id) has an id of another organisation's node (it came from that node's export). Import without --keep-ids to give the rows ids of this organisation's own."
            )
        }
        if !keepIDs {
            do {
                records = try RowNamespace.adopt(records, author: identity.signingPublicKey)
            } catch let c as RowNamespace.Collision {
                throw fail("nothing was imported: \(c.description)")
            }
        }
        let started = Date()
        let summary: ImportSummary
        do {
            summary = try db.ledger.publish(records, identity: identity, nowMilliseconds: LocalClock.nowMilliseconds())
        } catch let e as PublishError {
            throw fail("nothing was imported: \(e.description)")
        } catch where NodeDatabase.isDiskFull(error) {
            db.releaseSpaceAfterFailure()
            throw fail("nothing was imported: the disk holding \(data.data) is full. Free some space and import again.")
        } catch {
            throw fail("nothing was imported: \(error)")
        }
        if sample { try db.setSetting("sample_data", "true") }
        let seconds = Date().timeIntervalSince(started)
        print(
            "Imported \(records.count) records (\(summary.inserted) new, \(summary.updated) changed, \(summary.unchanged) unchanged) in \(String(format: "%.2f", seconds)) s."
        )
        for (t, n) in summary.byTable.sorted(by: { $0.key < $1.key }) { print("  \(t): \(n)") }
        print("The directory now lists \(summary.services) services.")
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the directory as HSDS 3.0.",
        discussion: """
            json:   every record, in the HSDS tabular JSON form (keyed by CSV file name); lossless.
            ndjson: one fully nested service per line (schema/compiled/service.json).
            csv:    a tabular data package (datapackage.json + one CSV per table) in the folder --out; lossless.
            """
    )

    @OptionGroup var data: DataOption
    @Option(help: "json, ndjson or csv.") var format: String = "json"
    @Option(help: "The file (json, ndjson) or folder (csv) to write.") var out: String

    func validate() throws {
        guard ["json", "ndjson", "csv"].contains(format) else { throw ValidationError("--format must be json, ndjson or csv") }
    }

    func run() throws {
        let db = try data.database()
        let records = try db.allRecords()
        do {
            try HSDSFiles.export(records, format: format, to: out)
        } catch let e as HSDSError {
            throw fail(e.description)
        } catch {
            throw fail("cannot write \(out): \((error as NSError).localizedDescription)")
        }
        print("Exported \(records.count) records as \(format) to \(out)")
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the directory: the HSDS API under /api.")

    @OptionGroup var data: DataOption
    @Option(help: "The address to listen on.") var host: String = "127.0.0.1"
    @Option(help: "The port to listen on.") var port: Int = 8080
    @Option(help: "Log level: trace, debug, info, notice, warning, error.") var logLevel: String = "info"
    @Option(help: "Keep up to 4 MiB of recent whole search answers of the API in memory (0 turns this off).") var searchCache: Int = 256
    @Option(help: "Map tile URL template with {z}/{x}/{y}; an empty string shows markers without tiles.")
    var tiles: String = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"

    @Option(help: "The URL other nodes reach this node at (default: http://HOST:PORT).") var publicURL: String?
    @Option(
        help: ArgumentHelp(
            "The address of a reverse proxy in front of this node whose X-Forwarded-For is believed (repeat for several); see Deploy/.",
            valueName: "ADDRESS"))
    var trustedProxy: [String] = []
    @Option(help: "Seconds between anti-entropy syncs with a random peer; changes are pushed at once.") var syncInterval: Double = 5
    @Flag(help: "Sync only with peers added by `waymark peer add`, not with nodes learned from other nodes.") var onlyAddedPeers = false
    @Option(
        help: ArgumentHelp(
            "Address ranges learned peers may be in, comma-separated: public, private, loopback (default: public and the range of this node's own URL).",
            valueName: "RANGES"))
    var learnedPeers: String?
    @Option(
        help: ArgumentHelp(
            "The most one other organisation's envelopes may take on this node, in MiB (default 1024); kept for later runs.",
            valueName: "MIB"))
    var authorQuotaMib: UInt64?
    @Option(
        help: ArgumentHelp(
            "The mail server (plain SMTP, no login) that takes staff email notifications, HOST:PORT; without it none are sent. See Deploy/README.md.",
            valueName: "HOST:PORT"))
    var smtp: String?
    @Option(help: ArgumentHelp("The sender address of staff email notifications (default: waymark@ the public URL's host).", valueName: "ADDRESS"))
    var mailFrom: String?
    @Option(help: "Seconds between looks for something to email staff about.") var notifyInterval: Double = 60

    func run() async throws {
        let db = try data.database()
        let identity = try data.identity()
        if let authorQuotaMib {
            guard try db.ledger.setAuthorQuota(mib: authorQuotaMib) else { throw fail("--author-quota-mib takes a number of MiB from 1 upwards") }
        }
        var logger = Logger(label: "waymark")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let url = publicURL ?? "http://\(host):\(port)"
        if try db.mustResyncBeforeSigning() {
            FileHandle.standardError.write(Data("note: this node was restored from a backup; it signs nothing until it has synced with a peer\n".utf8))
        }
        var sync = SyncSettings(interval: .milliseconds(Int(max(0.2, syncInterval) * 1000)), onlyAddedPeers: onlyAddedPeers)
        if let learnedPeers {
            var ranges = Set<AddressRange>()
            for word in learnedPeers.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !word.isEmpty {
                guard let r = AddressRange(rawValue: word) else { throw fail("--learned-peers takes public, private and loopback, not \(word)") }
                ranges.insert(r)
            }
            sync.learnedPeerRanges = ranges
        } else {
            sync.learnedPeerRanges = AddressRange.defaults(forOwnURL: url)
        }
        var server = ServerSettings(host: host, port: port, tiles: tiles, secureCookies: url.hasPrefix("https://"))
        server.trustedProxies = Set(trustedProxy)
        var mail: MailSettings?
        if let smtp {
            let host = URL(string: url)?.host ?? "localhost"
            let from = mailFrom ?? "waymark@\(host)"
            guard NoticePreferences.isPlausibleAddress(from) || from.hasSuffix("@localhost") else { throw fail("--mail-from takes an email address, not \(from)") }
            guard let client = SMTPClient(address: smtp, from: from) else { throw fail("--smtp takes HOST:PORT, not \(smtp)") }
            mail = MailSettings(smtp: client, siteURL: url, interval: .milliseconds(Int(max(0.2, notifyInterval) * 1000)))
        }
        let app = try buildApplication(
            NodeArguments(database: db, identity: identity, server: server, publicURL: url, sync: sync, searchCache: searchCache, mail: mail, logger: logger))
        let name = try db.setting("organization_name") ?? "Waymark node"
        // Written straight to the descriptor, not through print's buffer, so scripts see it at once.
        FileHandle.standardOutput.write(
            Data("Waymark node '\(name)' serving on http://\(host):\(port)/  (API: http://\(host):\(port)/api/services)  fingerprint \(identity.fingerprint)\n".utf8))
        try await app.runService()
    }
}

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Search the directory from the terminal.")

    @OptionGroup var data: DataOption
    @Argument(help: "Words to search for (may be empty).") var text: String = ""
    @Option(help: "Taxonomy term id or code (includes its sub-categories).") var category: [String] = []
    @Option(help: "Organisation id.") var organization: String?
    @Option(help: "Language code, e.g. pl.") var language: [String] = []
    @Option(help: "Age the service must serve.") var age: Double?
    @Flag(help: "Only free services.") var free = false
    @Flag(help: "Only services open now (Europe/Dublin).") var openNow = false
    @Option(help: "Only services open at a local time, YYYY-MM-DDTHH:MM.") var openAt: String?
    @Option(help: "Sort from here: an Eircode routing key (D11), a place, or LAT,LON.") var near: String?
    @Option(help: "Only within this many kilometres of --near.") var radius: Double?
    @Option(help: "relevance, distance, name or updated.") var sort: String?
    @Option(help: "Page number.") var page: Int = 1
    @Option(help: "Results per page.") var perPage: Int = 10
    @Flag(help: "Print the JSON of each result instead of a summary.") var json = false

    func run() throws {
        let db = try data.database()
        let directory = Directory(database: db)
        let clock = LocalClock()
        var pairs: [(String, String)] = [("search", text), ("page", String(page)), ("per_page", String(perPage))]
        let snap = try directory.snapshot()
        for c in category {
            let id = snap.terms[c] != nil ? c : snap.terms.values.first(where: { $0.code == c || $0.name.lowercased() == c.lowercased() })?.id
            guard let id else { throw fail("no category '\(c)'") }
            pairs.append(("taxonomy_term_id", id))
        }
        if let organization { pairs.append(("organization_id", organization)) }
        for l in language { pairs.append(("language", l)) }
        if let age { pairs.append(("age", String(age))) }
        if free { pairs.append(("free", "true")) }
        if openNow { pairs.append(("open_now", "true")) }
        if let openAt { pairs.append(("open_at", openAt)) }
        if let near {
            let parts = near.split(separator: ",")
            if parts.count == 2, Double(parts[0]) != nil, Double(parts[1]) != nil {
                pairs += [("lat", String(parts[0])), ("lon", String(parts[1]))]
            } else {
                pairs.append(("near", near))
            }
        }
        if let radius { pairs.append(("radius_km", String(radius))) }
        if let sort { pairs.append(("sort", sort)) }
        let query: SearchQuery
        do { query = try QueryParameters(pairs).searchQuery(now: clock.now()) } catch let p as Problem { throw fail(p.detail) }
        let result = try directory.search(query, now: clock.now())
        // With --json, only JSON goes to standard output; the banner and count go to standard error.
        let say: (String) -> Void = json ? { FileHandle.standardError.write(Data(($0 + "\n").utf8)) } : { print($0) }
        if try db.setting("sample_data") == "true" { say("[Sample data: the Ballymun directory on this node is fictional.]") }
        say("\(result.total) services match\(text.isEmpty ? "" : " '\(text)'") — page \(result.page) of \(max(result.totalPages, 1))")
        let docs = try directory.documents(result.hits.map(\.id), full: json)
        for (i, hit) in result.hits.enumerated() {
            if json {
                print(docs[hit.id] ?? "")
                continue
            }
            guard let facts = snap.index.facts(hit.id) else { continue }
            var line = "\((result.page - 1) * result.perPage + i + 1). \(facts.name)"
            if let org = facts.organizationName { line += " — \(org)" }
            print(line)
            var details: [String] = []
            if hit.openNow { details.append("open now") }
            if let d = hit.distanceKm { details.append(String(format: "%.1f km", d)) }
            if facts.isFree { details.append("free") }
            switch facts.wholeYearAges {
            case let (lo?, hi?): details.append("ages \(lo)–\(hi)")
            case let (lo?, nil): details.append("ages \(lo)+")
            case let (nil, hi?): details.append("up to age \(hi)")
            default: break
            }
            if !facts.languages.isEmpty { details.append(facts.languages.sorted().joined(separator: "/")) }
            if let next = facts.hours.nextOpening(after: clock.now()), !hit.openNow {
                details.append("next open \(next.start.weekday.englishName.prefix(3)) \(next.start.timeString)")
            }
            print("   " + details.joined(separator: " · ") + "   [\(hit.id)]")
        }
    }
}

struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the node's organisation, keys and what it holds.")
    @OptionGroup var data: DataOption

    func run() throws {
        let db = try data.database()
        let identity = try data.home.loadIdentity()
        print("organisation: \(try db.setting("organization_name") ?? "?") (\(try db.setting("organization_id") ?? "?"))")
        print("fingerprint:  \(identity.fingerprint)")
        print("signing key:  \(hexString(identity.signingPublicKey))")
        if identity.hasHandedOver {
            print("key in force: \(hexString(identity.signerPublicKey)) (fingerprint \(NodeIdentity.fingerprint(of: identity.signerPublicKey)); key \(identity.generations) of the organisation's)")
        }
        print("encryption key: \(hexString(identity.encryptionPublicKey))")
        let mine = hexString(identity.signingPublicKey)
        let own = try db.recordCounts(publisher: mine)
        print("rows held (published here):")
        for (t, n) in try db.recordCounts().sorted(by: { $0.key < $1.key }) { print("  \(t): \(n) (\(own[t] ?? 0))") }
        let examples = try db.services(publisher: mine, limit: 3)
        if !examples.isEmpty {
            print("some services published here (change one with `waymark update --table service --id ID --set name=...`):")
            for e in examples { print("  \(e.id)  \(e.name)") }
        }
        let c = try db.ledger.counts()
        print("sync: \(c.envelopes) signed records, \(c.pending) waiting for earlier ones, \(try db.peers.all().count) peers, \(c.knownNodes) known nodes")
    }
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic directory (for benchmarks) as HSDS tabular JSON, ndjson or CSV.")
    @Option(help: "How many services.") var services: Int = 10_000
    @Option(help: "Random seed.") var seed: UInt64 = 7
    @Option(help: "json, ndjson or csv.") var format: String = "json"
    @Option(help: "The file or folder to write.") var out: String

    func run() throws {
        let records = SampleDirectory.synthetic(services: services, seed: seed)
        try HSDSFiles.export(records, format: format, to: out)
        print("Wrote \(records.count) records (\(records.filter { $0.table == "service" }.count) services) to \(out)")
    }
}

/// `--show`, `--file FILE` and `--reset` of a district's own JSON setting (help lines, search words).
struct DistrictFileOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A JSON file of the district's own.", valueName: "FILE")) var file: String?
    @Flag(name: .long, help: "Print what is used now as JSON, a starting point for a district's own.") var show = false
    @Flag(name: .long, help: "Go back to the built-in ones.") var reset = false

    /// Applies the options: `--show` prints `current()` and returns false (nothing more to print);
    /// otherwise sets or resets with `set` (a `CustomStringConvertible` error from it changes nothing).
    func apply(what: String, current: () throws -> String, set: (String?) throws -> Void) throws -> Bool {
        if show {
            print(try current())
            return false
        }
        if reset {
            try set(nil)
            print("The built-in \(what) are used again.")
        } else if let file {
            let text: String
            do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
                throw ValidationError("Could not read \(file): \(error.localizedDescription)")
            }
            do { try set(text) } catch let e as HelpLines.ParseError {
                throw ValidationError("\(e.description) Nothing was changed.")
            } catch let e as SearchWords.ParseError {
                throw ValidationError("\(e.description) Nothing was changed.")
            } catch let e as District.ParseError {
                throw ValidationError("\(e.description) Nothing was changed.")
            }
            print("The \(what) from \(file) are used from now on.")
        }
        return true
    }
}

struct HelpLinesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "help-lines",
        abstract: "Show or set the emergency numbers and crisis lines every public page offers.",
        discussion: """
            Without options, lists the help lines the public pages show now. --show prints them as JSON, a
            starting point for a district's own; --file sets the district's own (checked first, shown on
            the next page); --reset goes back to the built-in lines (Ireland's national ones).
            """)
    @OptionGroup var data: DataOption
    @OptionGroup var options: DistrictFileOptions

    func run() throws {
        let db = try data.database()
        guard try options.apply(what: "help lines", current: db.helpLinesJSON, set: db.setHelpLines) else { return }
        let lines = try db.helpLines()
        print("emergency: \(lines.emergencyNumbers.joined(separator: " or "))")
        print("quick exit goes to: \(lines.quickExitURL)")
        for line in lines.lines {
            let ways = [line.phone, line.text.isEmpty ? nil : line.text.text("en"), line.web].compactMap { $0 }
            print("  \(line.name.text("en")): \(ways.joined(separator: "; "))  [\(line.topics.joined(separator: ", "))]")
        }
    }
}

struct SearchWordsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search-words",
        abstract: "Show or set what the words residents search with also mean (synonyms, words to leave out).",
        discussion: """
            --show prints the search words used now as JSON, a starting point for a district's own; --file
            sets the district's own (checked first, used at once); --reset goes back to the built-in ones
            (English and Irish, for Ireland). Category names in other languages come from the directory's
            own taxonomy and need no setting.
            """)
    @OptionGroup var data: DataOption
    @OptionGroup var options: DistrictFileOptions

    func run() throws {
        let db = try data.database()
        guard try options.apply(what: "search words", current: db.searchWordsJSON, set: db.setSearchWords) else { return }
        let words = try db.searchWords()
        print("\(words.synonyms.count) words and phrases with synonyms, \(words.stopWords.count) words left out, \(words.personWords.count) words naming a person")
    }
}

struct DistrictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "district",
        abstract: "Show or set the node's district: the site's name, the places residents search near, the map's centre.",
        discussion: """
            --show prints the district as JSON, a starting point for another district's own; --file sets
            it (checked first, used at once); --reset goes back to the built-in district (Ballymun). The
            district's crisis lines are set with `waymark help-lines`, its search words with `waymark
            search-words`, and its categories come with its data.
            """)
    @OptionGroup var data: DataOption
    @OptionGroup var options: DistrictFileOptions

    func run() throws {
        let db = try data.database()
        guard try options.apply(what: "district", current: db.districtJSON, set: db.setDistrict) else { return }
        let district = try db.district()
        print("district: \(district.name.text("en")); \(district.gazetteer.routingKeys.count) postal areas, \(district.gazetteer.landmarks.count) landmarks; map centre \(district.centre)")
    }
}
