import GRDB
import Synchronization
import WaymarkCore

extension NodeDatabase {
    static let helpLinesSetting = "help_lines"

    /// The help lines this node's public pages show: the district's own (`waymark help-lines --file`),
    /// or the built-in ones. Read on every page, parsed once per change.
    public func helpLines() throws -> HelpLines {
        guard let raw = try setting(Self.helpLinesSetting) else { return .ireland }
        return Self.parsedHelpLines.withLock { cache in
            if let cache, cache.raw == raw { return cache.lines }
            // A stored list was checked when it was set; one that no longer parses (a newer node's)
            // falls back to the built-in lines rather than leaving a page without them.
            let lines = (try? HelpLines(json: raw)) ?? .ireland
            cache = (raw, lines)
            return lines
        }
    }

    /// Stores a district's help lines after checking them; `nil` goes back to the built-in ones.
    /// - Throws: `HelpLines.ParseError` with a sentence for the admin.
    public func setHelpLines(json: String?) throws {
        guard let json else {
            try writer.write { db in try db.execute(sql: "DELETE FROM node_setting WHERE key = ?", arguments: [Self.helpLinesSetting]) }
            return
        }
        _ = try HelpLines(json: json)
        try setSetting(Self.helpLinesSetting, json)
    }

    /// The JSON of the help lines shown now, to start a district's own from.
    public func helpLinesJSON() throws -> String { try setting(Self.helpLinesSetting) ?? HelpLines.irelandJSON }

    private static let parsedHelpLines = Mutex<(raw: String, lines: HelpLines)?>(nil)
}

extension NodeDatabase {
    static let searchWordsSetting = "search_words"

    /// The district's search words (`waymark search-words --file`), or the built-in ones.
    public func searchWords() throws -> SearchWords {
        guard let raw = try setting(Self.searchWordsSetting) else { return .ireland }
        return (try? SearchWords(json: raw)) ?? .ireland
    }

    static func searchWordsJSON(_ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM node_setting WHERE key = ?", arguments: [searchWordsSetting])
    }

    /// Stores a district's search words after checking them (`nil`: the built-in ones), and has
    /// searches use them at once.
    public func setSearchWords(json: String?) throws {
        if let json { _ = try SearchWords(json: json) }
        try writer.write { db in
            if let json {
                try Self.setSetting(db, Self.searchWordsSetting, json)
            } else {
                try db.execute(sql: "DELETE FROM node_setting WHERE key = ?", arguments: [Self.searchWordsSetting])
            }
            // Readers reload what they hold in memory when the directory's version moves.
            try Self.setSetting(db, "directory_version", String(try Self.directoryVersion(db) + 1))
        }
    }

    public func searchWordsJSON() throws -> String { try setting(Self.searchWordsSetting) ?? SearchWords.irelandJSON }
}

extension NodeDatabase {
    static let districtSetting = "district"

    /// The node's district (`waymark district --file`), or the built-in one (Ballymun). Read on every
    /// page and search, parsed once per change.
    public func district() throws -> District {
        guard let raw = try setting(Self.districtSetting) else { return .ballymun }
        return Self.parsedDistrict.withLock { cache in
            if let cache, cache.raw == raw { return cache.district }
            let district = (try? District(json: raw)) ?? .ballymun
            cache = (raw, district)
            return district
        }
    }

    /// Stores a district after checking it (`nil`: the built-in one); searches and pages use it at once.
    public func setDistrict(json: String?) throws {
        if let json { _ = try District(json: json) }
        try writer.write { db in
            if let json {
                try Self.setSetting(db, Self.districtSetting, json)
            } else {
                try db.execute(sql: "DELETE FROM node_setting WHERE key = ?", arguments: [Self.districtSetting])
            }
            // Answers kept per directory version (the API's) name places of the old district.
            try Self.setSetting(db, "directory_version", String(try Self.directoryVersion(db) + 1))
        }
    }

    public func districtJSON() throws -> String { try district().json }

    private static let parsedDistrict = Mutex<(raw: String, district: District)?>(nil)
}
