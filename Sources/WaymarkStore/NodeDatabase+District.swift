import GRDB
import Synchronization
import WaymarkCore

/// A district's own JSON settings: its help lines, its search words and the district itself (name,
/// places, map centre). Each is checked before it is stored, read on every page or search, and parsed
/// once per change; one that no longer parses (a newer node's) falls back to the built-in one rather
/// than leaving a page without it.
final class DistrictSetting<Value: Sendable>: Sendable {
    let key: String
    let builtIn: Value
    let builtInJSON: @Sendable () -> String
    let parse: @Sendable (String) throws -> Value
    /// Whether a change must reach answers kept per directory version (searches, the API's answers).
    let changesSearches: Bool
    private let cache = Mutex<(raw: String, value: Value)?>(nil)

    init(
        key: String, builtIn: Value, changesSearches: Bool, builtInJSON: @escaping @Sendable () -> String,
        parse: @escaping @Sendable (String) throws -> Value
    ) {
        self.key = key
        self.builtIn = builtIn
        self.changesSearches = changesSearches
        self.builtInJSON = builtInJSON
        self.parse = parse
    }

    func value(_ raw: String?) -> Value {
        guard let raw else { return builtIn }
        return cache.withLock { cache in
            if let cache, cache.raw == raw { return cache.value }
            let value = (try? parse(raw)) ?? builtIn
            cache = (raw, value)
            return value
        }
    }
}

extension NodeDatabase {
    static let helpLinesSetting = DistrictSetting(
        key: "help_lines", builtIn: HelpLines.ireland, changesSearches: false, builtInJSON: { HelpLines.irelandJSON }, parse: HelpLines.init(json:))
    static let searchWordsSetting = DistrictSetting(
        key: "search_words", builtIn: SearchWords.ireland, changesSearches: true, builtInJSON: { SearchWords.irelandJSON },
        parse: SearchWords.init(json:))
    static let districtSetting = DistrictSetting(
        key: "district", builtIn: District.ballymun, changesSearches: true, builtInJSON: { District.ballymun.json }, parse: District.init(json:))

    func read<Value>(_ s: DistrictSetting<Value>) throws -> Value { s.value(try setting(s.key)) }

    /// Stores a district's own JSON after checking it (`nil`: back to the built-in one).
    /// - Throws: the setting's parse error, with a sentence for the admin; nothing is changed then.
    func write<Value>(_ s: DistrictSetting<Value>, json: String?) throws {
        if let json { _ = try s.parse(json) }
        try writer.write { db in
            if let json {
                try Self.setSetting(db, s.key, json)
            } else {
                try db.execute(sql: "DELETE FROM node_setting WHERE key = ?", arguments: [s.key])
            }
            // Readers reload what they keep per directory version when it moves.
            if s.changesSearches { try Self.setSetting(db, "directory_version", String(try Self.directoryVersion(db) + 1)) }
        }
    }

    func json<Value>(_ s: DistrictSetting<Value>) throws -> String { try setting(s.key) ?? s.builtInJSON() }

    /// The emergency numbers, crisis lines and quick-exit page the public pages show (`waymark help-lines`).
    public func helpLines() throws -> HelpLines { try read(Self.helpLinesSetting) }
    public func setHelpLines(json: String?) throws { try write(Self.helpLinesSetting, json: json) }
    public func helpLinesJSON() throws -> String { try json(Self.helpLinesSetting) }

    /// What residents' words also mean (`waymark search-words`).
    public func searchWords() throws -> SearchWords { try read(Self.searchWordsSetting) }
    public func setSearchWords(json: String?) throws { try write(Self.searchWordsSetting, json: json) }
    public func searchWordsJSON() throws -> String { try json(Self.searchWordsSetting) }

    /// The node's district: name, places and map centre (`waymark district`).
    public func district() throws -> District { try read(Self.districtSetting) }
    public func setDistrict(json: String?) throws { try write(Self.districtSetting, json: json) }
    public func districtJSON() throws -> String { try json(Self.districtSetting) }
}
