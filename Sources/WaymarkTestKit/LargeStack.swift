import Foundation

/// Runs `body` on a thread with an 8 MiB stack, like the main thread's, and waits for it.
///
/// Swift Testing runs synchronous tests on the concurrency pool, whose threads have small stacks;
/// unoptimised (debug) builds of the store's import path, which assembles and writes nested
/// documents recursively, can need more than that. The CLI runs imports on the main thread.
public func withLargeStack<T: Sendable>(_ body: @escaping @Sendable () throws -> T) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        box.set(Result { try body() })
        done.signal()
    }
    thread.stackSize = 8 << 20
    thread.start()
    done.wait()
    return try box.get()
}

private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var result: Result<T, any Error>?
    func set(_ r: Result<T, any Error>) { lock.lock(); result = r; lock.unlock() }
    func get() throws -> T { lock.lock(); defer { lock.unlock() }; return try result!.get() }
}
