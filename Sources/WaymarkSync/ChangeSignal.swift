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
        var waiter: (id: Int, continuation: CheckedContinuation<Void, Never>)?
        var nextID = 0
    }
    private let state = Mutex(State())

    public init() {}

    /// Wakes the waiter, or the next wait if nobody is waiting.
    public func signal() {
        let waiter = state.withLock { s -> CheckedContinuation<Void, Never>? in
            guard let w = s.waiter else {
                s.pending = true
                return nil
            }
            s.waiter = nil
            return w.continuation
        }
        waiter?.resume()
    }

    /// Returns at the next signal (at once if one came since the last wait) or after `timeout`.
    public func wait(timeout: Duration) async {
        let id = state.withLock { s -> Int? in
            if s.pending {
                s.pending = false
                return nil
            }
            s.nextID += 1
            return s.nextID
        }
        guard let id else { return }
        var timer: Task<Void, Never>?
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let now = state.withLock { s -> Bool in
                if s.pending {
                    s.pending = false
                    return true
                }
                s.waiter = (id, c)
                return false
            }
            if now {
                c.resume()
                return
            }
            // Started only once the waiter is in place, so the timeout can never be missed.
            timer = Task {
                try? await Task.sleep(for: timeout)
                self.expire(id)
            }
        }
        timer?.cancel()
    }

    private func expire(_ id: Int) {
        let waiter = state.withLock { s -> CheckedContinuation<Void, Never>? in
            guard let w = s.waiter, w.id == id else { return nil }
            s.waiter = nil
            return w.continuation
        }
        waiter?.resume()
    }
}
