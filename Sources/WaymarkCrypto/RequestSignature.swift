import WaymarkCore

/// Signs and checks node-to-node HTTP requests (`Protocol/SPEC.md` §5.3).
///
/// The signed message is `"waymark/request/v2" 0x00`, then
/// `METHOD \n HOST \n PATH \n DATE \n NONCE \n BLAKE2b-256(body) hex`: HOST is the authority of the URL
/// the sender posts to (so a request signed for one node is refused by every other), DATE the
/// sender's clock in milliseconds, NONCE 16 random bytes in hex (so a request is taken once: the
/// receiver remembers the nonces of the last `maximumSkewMilliseconds` either side). Five headers
/// carry it: `Waymark-Key` (the sender's Ed25519 public key, hex), `Waymark-Host`, `Waymark-Date`,
/// `Waymark-Nonce` and `Waymark-Signature` (hex).
public enum RequestSignature {
    public static let keyHeader = "Waymark-Key"
    /// The organisation the request is from, when a later key than its first signs for it (§9.6).
    public static let authorHeader = "Waymark-Author"
    public static let hostHeader = "Waymark-Host"
    public static let dateHeader = "Waymark-Date"
    public static let nonceHeader = "Waymark-Nonce"
    public static let signatureHeader = "Waymark-Signature"
    public static let domain: [UInt8] = Array("waymark/request/v2".utf8) + [0]
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
        case badNonce
        /// Signed for another address than this node's.
        case otherHost(String)
        /// A nonce this node already took from this key.
        case replayed

        public var description: String {
            switch self {
            case .missingHeaders:
                return "the request is not signed (Waymark-Key, Waymark-Host, Waymark-Date, Waymark-Nonce and Waymark-Signature are needed; §5.3, request signing v2)"
            case .badKey: return "Waymark-Key is not a 32-byte key in hex"
            case .staleDate(let d):
                return
                    "Waymark-Date is \(RequestSignature.span(d.magnitude)) \(d > 0 ? "ahead of" : "behind") this node's clock (15 minutes apart at most): the clock of this node or of the sender is wrong"
            case .badSignature: return "Waymark-Signature does not verify"
            case .badDate: return "Waymark-Date is not a decimal number of milliseconds"
            case .badNonce: return "Waymark-Nonce is not 16 bytes in hex"
            case .otherHost(let h): return "Waymark-Host names \(h), which is not this node's address: the request was signed for another node"
            case .replayed: return "this request (its Waymark-Nonce) was already taken: a signed request is good once"
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

    static func message(method: String, host: String, path: String, date: UInt64, nonce: String, body: [UInt8]) -> [UInt8] {
        domain + Array("\(method.uppercased())\n\(host)\n\(path)\n\(date)\n\(nonce)\n\(hexString(Blake2b.hash(body)))".utf8)
    }

    /// The five headers for a request to `host` (`Authority.of(url:)` of the URL posted to).
    public static func headers(
        method: String, host: String, path: String, body: [UInt8], by identity: NodeIdentity, nowMilliseconds: UInt64, nonce: String = Tokens.random(bytes: 16)
    ) -> [(String, String)] {
        let sig = identity.sign(message(method: method, host: host, path: path, date: nowMilliseconds, nonce: nonce, body: body))
        var out = [
            (keyHeader, hexString(identity.signerPublicKey)), (hostHeader, host), (dateHeader, String(nowMilliseconds)), (nonceHeader, nonce),
            (signatureHeader, hexString(sig)),
        ]
        if identity.hasHandedOver { out.append((authorHeader, hexString(identity.signingPublicKey))) }
        return out
    }

    /// Checks a request's signature headers: signed by the key, for one of `hosts` (this node's
    /// addresses), within the clock window. Whether the nonce was seen before is the receiver's
    /// check (`NonceMemory`), after this one.
    /// - Returns: the sender's public key, the nonce and the date.
    public static func verify(
        method: String, path: String, body: [UInt8], key: String?, host: String?, date: String?, nonce: String?, signature: String?,
        hosts: Set<String>, nowMilliseconds: UInt64
    ) throws(Failure) -> (key: [UInt8], nonce: String, date: UInt64) {
        guard let key, let host, let date, let nonce, let signature else { throw .missingHeaders }
        guard let k = bytesFromHex(key), k.count == 32 else { throw .badKey }
        guard let d = UInt64(date) else { throw .badDate }
        guard let n = bytesFromHex(nonce), n.count == 16 else { throw .badNonce }
        guard (d > nowMilliseconds ? d - nowMilliseconds : nowMilliseconds - d) <= maximumSkewMilliseconds else {
            throw .staleDate(differenceMilliseconds: Int64(clamping: d) &- Int64(clamping: nowMilliseconds))
        }
        guard hosts.contains(host) else { throw .otherHost(String(host.prefix(100))) }
        guard let sig = bytesFromHex(signature),
            NodeIdentity.verify(sig, of: message(method: method, host: host, path: path, date: d, nonce: nonce, body: body), publicKey: k)
        else { throw .badSignature }
        return (k, hexString(n), d)
    }
}

/// The nonces of signed requests a node took, for as long as a request with them could still be
/// accepted (its date within `RequestSignature.maximumSkewMilliseconds` of the clock): a request
/// is good once (§5.3). Bounded: at `capacity` the oldest half is forgotten, and a request older
/// than the oldest remembered date is refused as if replayed, so forgetting never lets one through.
public struct NonceMemory: Sendable {
    private var seen: [String: UInt64] = [:]
    /// Requests dated at or before this are refused (nonces before it were forgotten).
    private var floor: UInt64 = 0
    public let capacity: Int

    public init(capacity: Int = 200_000) { self.capacity = capacity }

    /// Records a request's nonce; false if this key already used it (or the request is older than
    /// what the memory still covers).
    public mutating func take(key: [UInt8], nonce: String, date: UInt64, nowMilliseconds now: UInt64) -> Bool {
        let id = hexString(key) + nonce
        if date <= floor || seen[id] != nil { return false }
        if seen.count >= capacity {
            // Forget what can no longer be replayed, then, if still full, the older half.
            let horizon = now > 2 * RequestSignature.maximumSkewMilliseconds ? now - 2 * RequestSignature.maximumSkewMilliseconds : 0
            seen = seen.filter { $0.value > horizon }
            floor = max(floor, horizon)
            if seen.count >= capacity {
                let dates = seen.values.sorted()
                let cut = dates[dates.count / 2]
                seen = seen.filter { $0.value > cut }
                floor = max(floor, cut)
            }
        }
        seen[id] = date
        return true
    }
}
