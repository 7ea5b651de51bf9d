import Foundation

/// Database work that may take seconds (taking in a sync batch, rebuilding the search documents,
/// answering a large fetch) runs here, off Swift's cooperative thread pool. On a two-core machine
/// that pool has two threads; a synchronous write holding one of them, and a second waiting for the
/// write lock, left no thread to answer `/health` or a resident's search while a node took in a large
/// directory. Threads here are not part of that pool, so pages keep being served while they wait.
public enum Blocking {
    private static let queue = DispatchQueue(label: "waymark.blocking", qos: .userInitiated, attributes: .concurrent)

    private static let passwordQueue = DispatchQueue(label: "waymark.passwords", qos: .userInitiated)

    /// Runs password work (Argon2id: tens of milliseconds of a core and 64 MiB, by design) one at a
    /// time on a thread of its own: a burst of sign-ins waits in line instead of taking every core
    /// from the searches and pages being served.
    public static func passwordCheck<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            passwordQueue.async { continuation.resume(with: Result { try work() }) }
        }
    }

    /// Runs `work` on a thread outside the cooperative pool and returns its result.
    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
