import Synchronization

/// Wakes the sync shell as soon as this node has something new to push (a staff member sent a
/// referral, the node acknowledged one), instead of at its next look at the ledger.
///
/// For example:
/// ```swift
/// await node.changes.wait(timeout: .milliseconds(250))   // the sync shell
/// node.changes.signal()                                 // after a local change
/// ```
public final class ChangeSignal: Sendable {
    private struct State {
        var pending = false
        var waiter: (id: Int, continuation: CheckedContinuation<Bool, Never>)?
        var nextID = 0
    }
    private let state = Mutex(State())

    public init() {}

    /// Wakes the waiter, or the next wait if nobody is waiting.
    public func signal() {
        let waiter = state.withLock { s -> CheckedContinuation<Bool, Never>? in
            guard let w = s.waiter else {
                s.pending = true
                return nil
            }
            s.waiter = nil
            return w.continuation
        }
        waiter?.resume(returning: true)
    }

    /// Returns at the next signal (at once if one came since the last wait) or after `timeout`.
    /// - Returns: whether a signal (rather than the timeout) ended the wait.
    @discardableResult
    public func wait(timeout: Duration) async -> Bool {
        let id = state.withLock { s -> Int? in
            if s.pending {
                s.pending = false
                return nil
            }
            s.nextID += 1
            return s.nextID
        }
        guard let id else { return true }
        var timer: Task<Void, Never>?
        let signalled = await withCheckedContinuation { (c: CheckedContinuation<Bool, Never>) in
            let now = state.withLock { s -> Bool in
                if s.pending {
                    s.pending = false
                    return true
                }
                s.waiter = (id, c)
                return false
            }
            if now {
                c.resume(returning: true)
                return
            }
            // Started only once the waiter is in place, so the timeout can never be missed.
            timer = Task {
                try? await Task.sleep(for: timeout)
                self.expire(id)
            }
        }
        timer?.cancel()
        return signalled
    }

    private func expire(_ id: Int) {
        let waiter = state.withLock { s -> CheckedContinuation<Bool, Never>? in
            guard let w = s.waiter, w.id == id else { return nil }
            s.waiter = nil
            return w.continuation
        }
        waiter?.resume(returning: false)
    }
}
