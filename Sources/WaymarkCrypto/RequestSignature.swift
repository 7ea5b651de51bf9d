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
    /// How far a request's date may be from the receiver's clock: 15 minutes, so that two nodes whose
    /// clocks are each within 5 minutes of the right time (the dependency horizon, `Protocol/SPEC.md`
    /// §3.3) always reach each other, with room to spare.
    public static let maximumSkewMilliseconds: UInt64 = 15 * 60 * 1000

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case missingHeaders
        case badKey
        /// The date is further from the receiver's clock than `maximumSkewMilliseconds`; the
        /// difference is the date minus the receiver's clock.
        case staleDate(differenceMilliseconds: Int64)
        case badSignature
        case badDate
        public var description: String {
            switch self {
            case .missingHeaders: return "the request is not signed (Waymark-Key, Waymark-Date and Waymark-Signature are needed)"
            case .badKey: return "Waymark-Key is not a 32-byte key in hex"
            case .staleDate(let d):
                return
                    "Waymark-Date is \(RequestSignature.span(d.magnitude)) \(d > 0 ? "ahead of" : "behind") this node's clock (15 minutes apart at most): the clock of this node or of the sender is wrong"
            case .badSignature: return "Waymark-Signature does not verify"
            case .badDate: return "Waymark-Date is not a decimal number of milliseconds"
            }
        }
    }

    /// "2 days 3 h", "4 h 10 min", "16 min".
    static func span(_ ms: UInt64) -> String {
        let minutes = (ms + 30_000) / 60_000  // to the nearest minute
        let (days, hours, mins) = (minutes / 1440, minutes / 60 % 24, minutes % 60)
        if days > 0 { return "\(days) day\(days == 1 ? "" : "s") \(hours) h" }
        return hours > 0 ? "\(hours) h \(mins) min" : "\(mins) min"
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
        guard let d = UInt64(date) else { throw .badDate }
        guard (d > nowMilliseconds ? d - nowMilliseconds : nowMilliseconds - d) <= maximumSkewMilliseconds else {
            throw .staleDate(differenceMilliseconds: Int64(clamping: d) &- Int64(clamping: nowMilliseconds))
        }
        guard let sig = bytesFromHex(signature), NodeIdentity.verify(sig, of: message(method: method, path: path, date: d, body: body), publicKey: k)
        else { throw .badSignature }
        return k
    }
}
