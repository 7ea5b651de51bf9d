import Dispatch
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import WaymarkCore
import WaymarkCrypto
import WaymarkServer
import WaymarkStore

/// (8) The client's own page (`Protocol/SPEC.md` §13): what a client's key costs, and how long the
/// client's pages take on a node holding N clients' journeys. The key derivation (Argon2id, 2 passes
/// over 64 MiB) is timed beside a staff password check, which uses the same parameters: the peer
/// the cost is judged against. Pages are asked for through the node's router (handlers, database,
/// templates; no sockets) with distinct clients' codes, so nothing is answered from a cache
/// (the node keeps none for these pages).
extension WaymarkBench {
    static func client(sizes: [Int], receipts: Int) async throws {
        print("== the client's key and pages (median / 95th percentile, ms)")
        var derive: [Double] = [], password: [Double] = []
        let stored = try PasswordHash.hash("a long bench password")
        for i in 0..<20 {
            derive.append(try seconds { _ = try ClientKey.derive(code: ClientCode.make(random: [UInt8](repeating: UInt8(i), count: 10)), dateOfBirth: "1990-01-01") } * 1000)
            password.append(seconds { _ = PasswordHash.verify("a long bench password", against: stored) } * 1000)
        }
        func cell(_ v: [Double]) -> String {
            let s = v.sorted()
            return s.isEmpty ? "-" : String(format: "%6.1f / %6.1f", s[s.count / 2], s[min(s.count - 1, Int(Double(s.count) * 0.95))])
        }
        let ratio = derive.sorted()[derive.count / 2] / password.sorted()[password.count / 2]
        print("   client key derivation  \(cell(derive))   staff password check (same Argon2id limits) \(cell(password))   ratio \(String(format: "%.2f", ratio))")
        print("   clients  receipts  sign-in (derive + find)   record page")
        for n in sizes {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-bench-client-\(getpid())-\(n)")
            try? FileManager.default.removeItem(at: dir)
            defer { try? FileManager.default.removeItem(at: dir) }
            let (db, home, ids) = try buildStaffNode(at: dir.path, clients: n, relayed: 0)
            var codes: [String] = []
            for (k, id) in ids.prefix(receipts).enumerated() {
                var random = [UInt8](repeating: 0, count: 10)
                random[0] = UInt8(k & 0xFF)
                random[1] = UInt8(k >> 8)
                codes.append(try db.clientAccess.issueClientReceipt(clientID: id, identity: home, by: "bench", nowMilliseconds: LocalClock.nowMilliseconds(), random: random).code)
            }
            let issued = codes
            let app = try buildApplication(NodeArguments(database: db, identity: home, server: ServerSettings(port: 0), logger: Logger(label: "bench")))
            final class Figures: @unchecked Sendable { var signIn: [Double] = [], record: [Double] = [] }
            let figures = Figures()
            try await app.test(.router) { client in
                for code in issued {
                    var start = DispatchTime.now().uptimeNanoseconds
                    var cookie = ""
                    try await client.execute(
                        uri: "/me", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                        body: ByteBuffer(string: "code=\(code)&day=1&month=1&year=1990")
                    ) { response in
                        guard response.status == .seeOther, let set = response.headers[.setCookie] else { throw BenchError("sign-in answered \(response.status)") }
                        cookie = String(set.split(separator: ";")[0])
                    }
                    figures.signIn.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                    start = DispatchTime.now().uptimeNanoseconds
                    try await client.execute(uri: "/me/record", method: .get, headers: [.cookie: cookie]) { response in
                        guard response.status == .ok, String(buffer: response.body).contains("Bench home") else { throw BenchError("record answered \(response.status)") }
                    }
                    figures.record.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                }
            }
            print(String(format: "   %7d  %8d  ", n, codes.count) + cell(figures.signIn) + "          " + cell(figures.record))
        }
    }
}
