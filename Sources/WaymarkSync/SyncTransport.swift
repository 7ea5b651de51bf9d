import Foundation
import WaymarkCore
import WaymarkCrypto
import WaymarkStore
#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

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
    public var description: String { status.map { "HTTP \($0): \(message)" } ?? message }
}

/// The HTTP transport (`Protocol/SPEC.md` §5): every request is signed with the node's key, and answers are size-limited.
public struct HTTPTransport: SyncTransport {
    public let identity: NodeIdentity
    public var timeout: TimeInterval
    public var maximumResponse: Int
    private let session: URLSession

    public init(identity: NodeIdentity, timeout: TimeInterval = 15, maximumResponse: Int = 16 << 20) {
        self.identity = identity
        self.timeout = timeout
        self.maximumResponse = maximumResponse
        let config = URLSessionConfiguration.ephemeral
        config.timeoutIntervalForRequest = timeout
        config.timeoutIntervalForResource = timeout * 4
        config.httpMaximumConnectionsPerHost = 2
        session = URLSession(configuration: config)
    }

    public func post(_ base: String, path: String, body: [UInt8]) async throws -> [UInt8] {
        guard let url = URL(string: base + path) else { throw TransportError(status: nil, message: "bad peer URL \(base)") }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        request.setValue("application/octet-stream", forHTTPHeaderField: "Content-Type")
        for (k, v) in RequestSignature.headers(method: "POST", path: path, body: body, by: identity, nowMilliseconds: LocalClock.nowMilliseconds()) {
            request.setValue(v, forHTTPHeaderField: k)
        }
        return try await send(request)
    }

    public func get(_ base: String, path: String) async throws -> [UInt8] {
        guard let url = URL(string: base + path) else { throw TransportError(status: nil, message: "bad peer URL \(base)") }
        return try await send(URLRequest(url: url))
    }

    private func send(_ request: URLRequest) async throws -> [UInt8] {
        let holder = TaskHolder()
        let (data, response): (Data, URLResponse) = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { c in
                let task = session.dataTask(with: request) { data, response, error in
                    if let error {
                        c.resume(throwing: TransportError(status: nil, message: error.localizedDescription))
                    } else if let data, let response {
                        c.resume(returning: (data, response))
                    } else {
                        c.resume(throwing: TransportError(status: nil, message: "no answer"))
                    }
                }
                holder.set(task)
                task.resume()
            }
        } onCancel: {
            holder.cancel()
        }
        guard data.count <= maximumResponse else { throw TransportError(status: nil, message: "answer of \(data.count) bytes is over the limit") }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard status == 200 else {
            throw TransportError(status: status, message: String(decoding: data.prefix(500), as: UTF8.self))
        }
        return [UInt8](data)
    }
}

/// The request in flight, so that cancelling the waiting task cancels it too.
final class TaskHolder: @unchecked Sendable {
    private let lock = NSLock()
    private var task: URLSessionDataTask?
    private var cancelled = false

    func set(_ t: URLSessionDataTask) {
        lock.lock()
        task = t
        let cancel = cancelled
        lock.unlock()
        if cancel { t.cancel() }
    }

    func cancel() {
        lock.lock()
        cancelled = true
        let t = task
        lock.unlock()
        t?.cancel()
    }
}
