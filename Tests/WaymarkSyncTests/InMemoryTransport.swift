import WaymarkCore
import WaymarkCrypto
import WaymarkStore
import WaymarkSync

/// Nodes reachable by URL in one process: a request goes straight to the addressed `SyncNode`,
/// through the same checks the HTTP endpoints make (membership, back-off) and with the same
/// answers, so real `SyncEngine`s sync real databases without sockets.
final class InMemoryNetwork: Sendable {
    let nodes: [String: SyncNode]

    init(_ nodes: [String: SyncNode]) { self.nodes = nodes }

    /// The transport a node with `identity` uses: its requests are "signed" by that key.
    func transport(for identity: NodeIdentity) -> Transport { Transport(network: self, sender: identity.signingPublicKey) }

    struct Transport: SyncTransport {
        let network: InMemoryNetwork
        let sender: [UInt8]

        func post(_ base: String, path: String, body: [UInt8]) async throws -> [UInt8] {
            guard let node = network.nodes[base] else { throw TransportError(status: nil, message: "no node at \(base)") }
            do {
                try node.admit(sender: sender, bytes: body.count)
                switch path {
                case "/sync/v1/reconcile": return try node.answerReconcile(body, from: sender)
                case "/sync/v1/fetch": return try node.answerFetch(body, from: sender)
                case "/sync/v1/push":
                    let report = try node.acceptPush(body, from: sender)
                    return Array("{\"accepted\":\(report.accepted),\"duplicates\":\(report.duplicates)}".utf8)
                default: throw TransportError(status: 404, message: path)
                }
            } catch let refusal as SyncRefusal {
                switch refusal {
                case .notMember, .notKeyInForce: throw TransportError(status: 403, message: refusal.description)
                case .backedOff: throw TransportError(status: 429, message: refusal.description)
                case .malformed: throw TransportError(status: 400, message: refusal.description)
                case .tooLarge: throw TransportError(status: 413, message: refusal.description)
                case .unavailable: throw TransportError(status: 503, message: refusal.description)
                }
            }
        }

        func get(_ base: String, path: String) async throws -> [UInt8] {
            guard let node = network.nodes[base], let wire = try node.database.ledger.nodeRecordEnvelope(author: node.identity.signingPublicKey) else {
                throw TransportError(status: 404, message: "no node record at \(base)")
            }
            return wire
        }
    }
}
