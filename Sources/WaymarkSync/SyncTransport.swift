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

    public init(status: Int?, message: String) {
        self.status = status
        self.message = message
    }
}

/// The HTTP transport (`Protocol/SPEC.md` §5): every request is signed with the node's key, and answers are size-limited.
public struct HTTPTransport: SyncTransport {
    public let identity: NodeIdentity
    public var timeout: TimeInterval
    public var maximumResponse: Int
    private let session: URLSession
    private let collector = ResponseCollector()

    public init(identity: NodeIdentity, timeout: TimeInterval = 15, maximumResponse: Int = 16 << 20) {
        self.identity = identity
        self.timeout = timeout
        self.maximumResponse = maximumResponse
        let config = URLSessionConfiguration.ephemeral
        config.timeoutIntervalForRequest = timeout
        config.timeoutIntervalForResource = timeout * 4
        config.httpMaximumConnectionsPerHost = 2
        session = URLSession(configuration: config, delegate: collector, delegateQueue: nil)
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
        let (data, status): (Data, Int) = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { c in
                let task = session.dataTask(with: request)
                collector.register(task.taskIdentifier, limit: maximumResponse, continuation: c)
                holder.set(task)
                task.resume()
            }
        } onCancel: {
            holder.cancel()
        }
        guard status == 200 else {
            throw TransportError(status: status, message: String(decoding: data.prefix(500), as: UTF8.self))
        }
        return [UInt8](data)
    }
}

/// Collects answers as they arrive and stops reading one as soon as it is over the size limit (a
/// peer that answers without end costs at most the limit in memory, never the whole answer).
final class ResponseCollector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private struct Entry {
        var limit: Int
        var continuation: CheckedContinuation<(Data, Int), any Error>
        var data = Data()
        var status = 0
    }
    private let lock = NSLock()
    private var entries: [Int: Entry] = [:]

    func register(_ id: Int, limit: Int, continuation: CheckedContinuation<(Data, Int), any Error>) {
        lock.withLock { entries[id] = Entry(limit: limit, continuation: continuation) }
    }

    /// Ends the request with an error (once).
    private func fail(_ id: Int, _ error: TransportError) {
        let entry = lock.withLock { entries.removeValue(forKey: id) }
        entry?.continuation.resume(throwing: error)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        let limit: Int? = lock.withLock {
            entries[dataTask.taskIdentifier]?.status = status
            return entries[dataTask.taskIdentifier]?.limit
        }
        if let limit, response.expectedContentLength > Int64(limit) {
            completionHandler(.cancel)
            fail(dataTask.taskIdentifier, TransportError(status: nil, message: "answer of \(response.expectedContentLength) bytes is over the limit"))
            return
        }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over: Int? = lock.withLock {
            // Appended in place: copying the entry out and back would copy the whole answer each time.
            entries[dataTask.taskIdentifier]?.data.append(data)
            guard let e = entries[dataTask.taskIdentifier] else { return nil }
            return e.data.count > e.limit ? e.data.count : nil
        }
        if let over {
            dataTask.cancel()
            fail(dataTask.taskIdentifier, TransportError(status: nil, message: "answer of more than \(over - 1) bytes is over the limit; stopped reading"))
        }
    }

    /// Redirects are not followed: a peer is called at the address it was checked at, never elsewhere.
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
        completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let entry = lock.withLock({ entries.removeValue(forKey: task.taskIdentifier) }) else { return }
        if let error {
            entry.continuation.resume(throwing: TransportError(status: nil, message: error.localizedDescription))
        } else {
            entry.continuation.resume(returning: (entry.data, entry.status))
        }
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
