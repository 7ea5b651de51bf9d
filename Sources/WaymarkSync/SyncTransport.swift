import Foundation
import Synchronization
import WaymarkCore
import WaymarkCrypto
import WaymarkStore
import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOSSL

/// How the engine reaches a peer: HTTP between real nodes, or anything else that answers the same calls.
public protocol SyncTransport: Sendable {
    /// Posts a signed request to `path` at the peer and returns the answer's body.
    func post(_ base: String, path: String, body: [UInt8]) async throws -> [UInt8]
    /// Gets a public resource (the peer's node record).
    func get(_ base: String, path: String) async throws -> [UInt8]
}

/// A transport failure, with the peer's explanation when it gave one.
public struct TransportError: Error, Sendable, CustomStringConvertible {
    public let status: Int?
    public let message: String
    /// Whether sending the request again may help (not for an answer over the size limit: the peer
    /// would only send it again).
    public var retryable: Bool
    public var description: String { status.map { "HTTP \($0): \(message)" } ?? message }

    public init(status: Int?, message: String, retryable: Bool = true) {
        self.status = status
        self.message = message
        self.retryable = retryable
    }
}

/// The HTTP transport (`Protocol/SPEC.md` §5): every request is signed with the node's key, and
/// answers are size-limited. Built on AsyncHTTPClient (SwiftNIO): an answer is read as a stream and
/// reading stops at the limit, closing the connection. (Foundation's URLSession on Linux kept
/// receiving after a cancelled request: a member answering without end drained hundreds of MiB a
/// second from the node until the process ended.)
public struct HTTPTransport: SyncTransport {
    public let identity: NodeIdentity
    /// The longest wait for a connection, and between two reads of an answer.
    public var timeout: TimeInterval
    public var maximumResponse: Int

    /// Which of the organisation's keys each peer last took a request from (§9.6): after a hand-over,
    /// a peer that has not yet taken it in knows only the earlier key.
    private let keyByPeer = KeyMemory()

    final class KeyMemory: Sendable {
        let generation = Mutex<[String: Int]>([:])
    }

    public init(identity: NodeIdentity, timeout: TimeInterval = 15, maximumResponse: Int = 16 << 20) {
        self.identity = identity
        self.timeout = timeout
        self.maximumResponse = maximumResponse
    }

    /// One client for the process (its connections are pooled per peer); it lives as long as the
    /// process does, so it is never shut down.
    static let client: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        // A peer is called at the address it was checked at, never elsewhere.
        configuration.redirectConfiguration = .disallow
        configuration.connectionPool = .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: 2)
        // A peer that refuses connections is reported at once (the engine retries and backs off),
        // not retried inside the client until the request's deadline.
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(15))
        configuration.decompression = .disabled
        // Peers' certificates are checked against the system's CAs, or, where the admin sets
        // `SSL_CERT_FILE` (as for curl and OpenSSL), against the CAs in that file only: a federation
        // on a private network may run its own CA.
        if let file = ProcessInfo.processInfo.environment["SSL_CERT_FILE"], !file.isEmpty {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .file(file)
            configuration.tlsConfiguration = tls
        }
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    public func post(_ base: String, path: String, body: [UInt8]) async throws -> [UInt8] {
        guard identity.generations > 1 else { return try await post(base, path: path, body: body, signedBy: identity) }
        // After a hand-over: the key this peer last took, then the others, newest first. A peer that
        // refuses one (403) may know only an earlier key, or already the newer one.
        let newest = identity.generations - 1
        let first = keyByPeer.generation.withLock { $0[base] } ?? newest
        var refusal: (any Error)?
        for g in [first] + (0...newest).reversed().filter({ $0 != first }) {
            guard let signer = identity.signingWithGeneration(g) else { continue }
            do {
                let answer = try await post(base, path: path, body: body, signedBy: signer)
                if g != first { keyByPeer.generation.withLock { $0[base] = g } }
                return answer
            } catch let e as TransportError where e.status == 403 {
                refusal = e
            }
        }
        throw refusal ?? TransportError(status: nil, message: "no key to sign with")
    }

    private func post(_ base: String, path: String, body: [UInt8], signedBy identity: NodeIdentity) async throws -> [UInt8] {
        var request = HTTPClientRequest(url: base + path)
        request.method = .POST
        request.body = .bytes(ByteBuffer(bytes: body))
        request.headers.add(name: "Content-Type", value: "application/octet-stream")
        guard let host = Authority.of(url: base) else { throw TransportError(status: nil, message: "\(base) is not an http(s) URL", retryable: false) }
        for (k, v) in RequestSignature.headers(method: "POST", host: host, path: path, body: body, by: identity, nowMilliseconds: LocalClock.nowMilliseconds()) {
            request.headers.add(name: k, value: v)
        }
        return try await send(request, base: base)
    }

    public func get(_ base: String, path: String) async throws -> [UInt8] {
        try await send(HTTPClientRequest(url: base + path), base: base)
    }

    private func send(_ request: HTTPClientRequest, base: String) async throws -> [UInt8] {
        guard URL(string: request.url)?.host != nil else { throw TransportError(status: nil, message: "bad peer URL \(base)") }
        let wait = TimeAmount.milliseconds(Int64(timeout * 1000))
        let response: HTTPClientResponse
        do {
            // The whole exchange may take four times the timeout (a large answer on a slow link).
            response = try await Self.client.execute(request, deadline: .now() + wait * 4)
        } catch {
            throw TransportError(status: nil, message: Self.explain(error, timeout: timeout))
        }
        if let length = response.headers.first(name: "Content-Length").flatMap(Int.init), length > maximumResponse {
            throw TransportError(status: nil, message: "answer of \(length) bytes is over the limit of \(maximumResponse) bytes", retryable: false)
        }
        let body: ByteBuffer
        do {
            body = try await response.body.collect(upTo: response.status == .ok ? maximumResponse : 4096)
        } catch is NIOTooManyBytesError {
            throw TransportError(status: nil, message: "answer of more than \(maximumResponse) bytes is over the limit; stopped reading", retryable: false)
        } catch {
            throw TransportError(status: nil, message: Self.explain(error, timeout: timeout))
        }
        guard response.status == .ok else {
            throw TransportError(status: Int(response.status.code), message: String(decoding: body.readableBytesView.prefix(500), as: UTF8.self))
        }
        return Array(body.readableBytesView)
    }

    /// A failure in words an admin can act on.
    static func explain(_ error: any Error, timeout: TimeInterval) -> String {
        if let e = error as? HTTPClientError {
            switch e {
            case .connectTimeout: return "could not connect within \(Int(timeout)) s"
            case .readTimeout: return "no answer for \(Int(timeout)) s"
            case .deadlineExceeded: return "the answer took longer than \(Int(timeout * 4)) s"
            case .remoteConnectionClosed: return "the peer closed the connection before it answered"
            default: return "\(e)"
            }
        }
        let text = "\(error)"
        if text.contains("connectionRefused") || text.contains("Connection refused") { return "connection refused (nothing listening at that address?)" }
        return text
    }
}
