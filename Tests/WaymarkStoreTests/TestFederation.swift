import WaymarkCrypto
import WaymarkStore
import WaymarkTestKit

extension NodeDatabase {
    /// The keys of `Fixtures.identity(0..<100)`, worked out once.
    static let testFederationFounders: [[UInt8]] = (0..<100).map { Fixtures.identity(UInt8($0)).signingPublicKey }

    /// An in-memory database of a federation whose founders are the fixture identities 0–99, so that
    /// tests of the other admission rules take each other's envelopes in (membership itself is tested
    /// with databases whose founders are chosen: `MembershipStoreTests`).
    /// - Parameter opener: the organisation whose node it is, which opens the sealed records addressed to it as they arrive.
    static func inTestFederation(opener: NodeIdentity? = nil) throws -> NodeDatabase {
        let db = try NodeDatabase()
        try db.setFounders(testFederationFounders)
        if let opener { db.opensSealed(with: opener) }
        return db
    }
}
