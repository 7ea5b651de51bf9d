import WaymarkCore

/// Signs and checks node-to-node HTTP requests (`Protocol/SPEC.md` §5).
///
/// The signed message is `"waymark/request/v1" 0x00`, then `METHOD \n PATH \n DATE \n BLAKE2b-256(body) hex`,
/// where DATE is the sender's clock in milliseconds. Three headers carry it: `Waymark-Key` (the sender's
/// Ed25519 public key, hex), `Waymark-Date` and `Waymark-Signature` (hex).
public enum RequestSignature {
    public static let keyHeader = "Waymark-Key"
    public static let dateHeader = "Waymark-Date"
    public static let signatureHeader = "Waymark-Signature"
    public static let domain: [UInt8] = Array("waymark/request/v1".utf8) + [0]
    /// How far a request's date may be from the receiver's clock.
    public static let maximumSkewMilliseconds: UInt64 = 5 * 60 * 1000

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case missingHeaders
        case badKey
        case staleDate
        case badSignature
        public var description: String {
            switch self {
            case .missingHeaders: return "the request is not signed (Waymark-Key, Waymark-Date and Waymark-Signature are needed)"
            case .badKey: return "Waymark-Key is not a 32-byte key in hex"
            case .staleDate: return "Waymark-Date is more than 5 minutes from this node's clock"
            case .badSignature: return "Waymark-Signature does not verify"
            }
        }
    }

    static func message(method: String, path: String, date: UInt64, body: [UInt8]) -> [UInt8] {
        domain + Array("\(method.uppercased())\n\(path)\n\(date)\n\(hexString(Blake2b.hash(body)))".utf8)
    }

    /// The three headers for a request.
    public static func headers(method: String, path: String, body: [UInt8], by identity: NodeIdentity, nowMilliseconds: UInt64) -> [(String, String)] {
        let sig = identity.sign(message(method: method, path: path, date: nowMilliseconds, body: body))
        return [(keyHeader, hexString(identity.signingPublicKey)), (dateHeader, String(nowMilliseconds)), (signatureHeader, hexString(sig))]
    }

    /// Checks a request's signature headers.
    /// - Returns: the sender's public key.
    public static func verify(
        method: String, path: String, body: [UInt8], key: String?, date: String?, signature: String?, nowMilliseconds: UInt64
    ) throws(Failure) -> [UInt8] {
        guard let key, let date, let signature else { throw .missingHeaders }
        guard let k = bytesFromHex(key), k.count == 32 else { throw .badKey }
        guard let d = UInt64(date), (d > nowMilliseconds ? d - nowMilliseconds : nowMilliseconds - d) <= maximumSkewMilliseconds else {
            throw .staleDate
        }
        guard let sig = bytesFromHex(signature), NodeIdentity.verify(sig, of: message(method: method, path: path, date: d, body: body), publicKey: k)
        else { throw .badSignature }
        return k
    }
}
