import Foundation
import WaymarkCore

/// Reads HSDS files from disk: JSON, ndjson, single CSV tables and tabular data packages.
public enum HSDSFiles {
    /// Reads every path into rows. A directory or a `datapackage.json` is read as a tabular data package.
    /// - Throws: `HSDSError` naming the file, the record and the field of the first problem.
    public static func read(_ paths: [String], table: String? = nil) throws -> [HSDSRecord] {
        var out: [HSDSRecord] = []
        for path in paths {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
                throw HSDSError(file: path, record: "the file", message: "does not exist")
            }
            if isDir.boolValue {
                out += try readPackage(directory: path)
            } else if path.hasSuffix("datapackage.json") {
                out += try readPackage(directory: (path as NSString).deletingLastPathComponent)
            } else if path.lowercased().hasSuffix(".csv") {
                guard let t = table ?? HSDSDocument.tableForFile(path) else {
                    throw HSDSError(file: path, record: "the file", message: "name the CSV after its HSDS table (services.csv) or pass --table")
                }
                out += try HSDSDocument.records(tabular: [(t, path, try text(path))])
            } else {
                out += try HSDSDocument.records(json: try bytes(path), fileName: path, table: table)
            }
        }
        return out
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw HSDSError(file: path, record: "the file", message: "cannot be read")
        }
        return Array(data)
    }

    static func text(_ path: String) throws -> String {
        let b = try bytes(path)
        guard let s = String(validating: b, as: UTF8.self) else { throw HSDSError(file: path, record: "the file", message: "is not UTF-8 text") }
        return s
    }

    /// Reads a tabular data package: the resources its `datapackage.json` lists, or, when there is
    /// no usable descriptor, every file named as the HSDS 3.0 package names its tables.
    static func readPackage(directory: String) throws -> [HSDSRecord] {
        let dir = URL(fileURLWithPath: directory)
        var files: [(String, String, String)] = []
        let descriptor = dir.appendingPathComponent("datapackage.json").path
        var listed = false
        if let raw = try? bytes(descriptor), case .object(let o)? = try? JSONParser.parse(raw), let resources = o["resources"]?.arrayValue {
            listed = true
            for r in resources {
                guard let name = r["name"]?.stringValue, let rel = r["path"]?.stringValue else { continue }
                let file = dir.appendingPathComponent(rel).path
                guard FileManager.default.fileExists(atPath: file) else { continue }
                guard HSDSSchema.tables[name] != nil else {
                    throw HSDSError(file: descriptor, record: "resource \(name)", message: "is not an HSDS 3.0 table")
                }
                files.append((name, file, try text(file)))
            }
        }
        if !listed {
            for table in HSDSSchema.tableOrder {
                guard let fileName = HSDSSchema.tabularFileNames[table] else { continue }
                let file = dir.appendingPathComponent(fileName).path
                if FileManager.default.fileExists(atPath: file) { files.append((table, file, try text(file))) }
            }
        }
        if files.isEmpty {
            throw HSDSError(file: directory, record: "the folder", message: "holds no HSDS tables (datapackage.json or services.csv, ...)")
        }
        return try HSDSDocument.records(tabular: files.map { (table: $0.0, fileName: $0.1, text: $0.2) })
    }

    /// Writes an export.
    /// - Parameters:
    ///   - format: `json` (tabular JSON of every row), `ndjson` (one fully nested service per line) or
    ///     `csv` (a tabular data package in the folder `out`).
    public static func export(_ records: [HSDSRecord], format: String, to out: String) throws {
        let fm = FileManager.default
        switch format {
        case "json":
            let bytes = JSONWriter().bytes(HSDSDocument.tabularJSON(records)) + [0x0A]
            try Data(bytes).write(to: URL(fileURLWithPath: out), options: .atomic)
        case "ndjson":
            let rows = InMemoryRows(records)
            let assembler = HSDSAssembler(source: rows)
            var bytes: [UInt8] = []
            let writer = JSONWriter()
            for s in rows.all("service") {
                writer.write(.object(assembler.assemble(s)), into: &bytes)
                bytes.append(0x0A)
            }
            try Data(bytes).write(to: URL(fileURLWithPath: out), options: .atomic)
        case "csv":
            try fm.createDirectory(atPath: out, withIntermediateDirectories: true)
            for (name, text) in HSDSDocument.tabular(records) {
                try Data(text.utf8).write(to: URL(fileURLWithPath: out).appendingPathComponent(name), options: .atomic)
            }
        default:
            throw HSDSError(record: "--format", message: "must be json, ndjson or csv")
        }
    }
}
